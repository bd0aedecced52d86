/**
 * Turns what a visitor typed into a safe full-text plan. The trigram tokenizer cannot match
 * terms shorter than three characters, and most Chinese searches are one or two characters
 * ('司', '司机'), so short terms fall back to LIKE over the same columns.
 *
 * Nothing the user types reaches SQL or FTS syntax: long terms become quoted FTS strings
 * (`"` doubled), short terms become LIKE patterns with `\`, `%` and `_` escaped.
 */

/** Extra terms beyond this are ignored; a kiosk query is a word or two. */
export const MAX_TERMS = 6;

/** The searchable text, in the same columns as the FTS table. */
export const SEARCH_TEXT_SQL =
  '(l.title || char(10) || l.employer_name || char(10) || l.description || char(10) || l.requirements || char(10) || l.address || char(10) || l.work_time || char(10) || l.district_name)';

export interface SearchPlan {
  /** An FTS5 MATCH expression of quoted strings joined by AND, or null when no long term. */
  match: string | null;
  /** The long terms again as LIKE patterns, for rows the indexer has not reached yet. */
  matchLikes: string[];
  /** LIKE patterns (escape character `\`), one per short term; all must match. */
  likes: string[];
}

/** Control characters never appear in postings, and FTS5 stops reading a query at NUL. */
const CONTROL = /\p{Cc}/gu;

export function planSearch(q: string | undefined): SearchPlan {
  const terms = (q ?? '')
    .replace(CONTROL, ' ')
    .trim()
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
  const long: string[] = [];
  const matchLikes: string[] = [];
  const likes: string[] = [];
  for (const term of terms) {
    if ([...term].length >= 3) {
      long.push(quoteFts(term));
      matchLikes.push(`%${escapeLike(term)}%`);
    } else likes.push(`%${escapeLike(term)}%`);
  }
  return { match: long.length > 0 ? long.join(' AND ') : null, matchLikes, likes };
}

/** An FTS5 string literal: operators and column filters inside quotes are plain text. */
export function quoteFts(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The full-text condition for a plan with `termCount` long terms (parameters `@match` and
 * `@matchLike0…`): indexed rows through FTS5, rows still waiting for the indexer by scanning
 * their text — usually none, a few thousand right after a large sync.
 */
export function fullTextConditionSql(termCount: number): string {
  const pendingLikes = Array.from(
    { length: termCount },
    (_, i) => `${SEARCH_TEXT_SQL} LIKE @matchLike${i} ESCAPE '\\'`,
  ).join(' AND ');
  return `(l.rowid IN (SELECT rowid FROM postings_fts WHERE postings_fts MATCH @match) OR (l.rowid IN (SELECT rowid FROM postings_fts_pending) AND ${pendingLikes}))`;
}

/** Named parameters for fullTextConditionSql. */
export function fullTextParams(plan: SearchPlan): Record<string, string> {
  if (plan.match === null) return {};
  const params: Record<string, string> = { match: plan.match };
  plan.matchLikes.forEach((pattern, i) => {
    params[`matchLike${i}`] = pattern;
  });
  return params;
}
