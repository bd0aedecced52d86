/**
 * Kiosk reads of postings: search with the 日结 filter visitors look for first, and today's
 * counts for the start screen. Terms match posting headlines through an in-memory index
 * (headline-index.ts), falling back to the full-text plan of the public route
 * (db/posting-search.ts: FTS5 trigram, quoted) when no headline matches; nothing a visitor
 * types reaches SQL syntax; only public fields leave (toPublicListing).
 */
import type { WritableDatabase } from '../db/handles';
import { rowToPosting, type PostingRow } from '../db/posting-row';
import { MAX_TERMS, fullTextConditionSql, fullTextParams, planSearch } from '../db/posting-search';
import { createHeadlineIndex } from './headline-index';
import { toPublicPosting } from '../../../shared/public-posting';
import type { KioskPostingsResponse } from '../../../shared/kiosk-contract';
import type { KioskPostingQuery, KioskSummary, PayPresets } from '../../../shared/kiosk-contract';
import { DEFAULT_PAY_PRESETS, payPresets, type PayPoint } from '../../../shared/kiosk/pay-presets';
import type { OccupationCode } from '../../../shared/occupations';

const ACTIVE_SQL = 'l.hidden = 0 AND l.valid_until_ms > @now AND l.valid_from_ms <= @now';
// Matches the postings_kiosk_order index (migration 0004): without a full-text match a page is
// found by walking the postings in display order and stopping after `limit` matches. With
// one, the trigram index gives a small rowid set that is cheaper to sort than to walk for.
const ORDER_SQL = 'ORDER BY l.urgent DESC, l.valid_from_ms DESC, l.id ASC';
/**
 * Short terms are matched over the headline fields only (title, employer, place, hours): a
 * visitor typing 司机 means the job, and a character like 工 found somewhere in a long
 * description is noise. (Used by the SQL path; the headline index holds the same text.)
 */
const SHORT_TERM_TEXT_SQL =
  '(l.title || char(10) || l.employer_name || char(10) || l.district_name || char(10) || l.address || char(10) || l.work_time)';
/** Counting stops here: "more than 1000 postings" is all a kiosk visitor needs to know. */
export const COUNT_CAP = 1000;

/** The terms planSearch sees, as typed (for the headline index). */
function termsOf(q: string | undefined): string[] {
  return (q ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
}

export interface SearchOptions {
  /**
   * Count every match (the public `/api/listings` promises an exact total); the kiosk stops at
   * COUNT_CAP. Without full-text terms the count then comes from the headline index, in memory.
   */
  exactTotal?: boolean;
}

export interface KioskSearch {
  search(query: KioskPostingQuery, now: number, options?: SearchOptions): KioskPostingsResponse;
  summary(now: number): Omit<KioskSummary, 'hall'>;
  /** The pay step's choices from the active postings of these trades (all trades when empty). */
  payPresets(occupations: readonly OccupationCode[], now: number): PayPresets;
  /** Visible postings valid at `now`, from the headline index (no scan of the table) unless a big sync is being written. */
  countActive(now: number): number;
}

export function createKioskSearch(db: WritableDatabase): KioskSearch {
  const statements = new Map<
    string,
    {
      page: ReturnType<typeof db.prepare>;
      count: ReturnType<typeof db.prepare>;
      countAll: ReturnType<typeof db.prepare>;
    }
  >();
  function statementsFor(matchTerms: number, likeCount: number) {
    const hasMatch = matchTerms > 0;
    const key = `${matchTerms}/${likeCount}`;
    let s = statements.get(key);
    if (!s) {
      const where = [
        ACTIVE_SQL,
        '(@occupation IS NULL OR l.occupation = @occupation)',
        '(@district IS NULL OR l.district_code = @district)',
        "(@daily = 0 OR l.settlement = 'daily')",
      ];
      if (matchTerms > 0) where.push(fullTextConditionSql(matchTerms));
      for (let i = 0; i < likeCount; i += 1) where.push(`${SHORT_TERM_TEXT_SQL} LIKE @like${i} ESCAPE '\\'`);
      const whereSql = where.join(' AND ');
      s = {
        page: db.prepare(
          `SELECT l.* FROM postings l ${hasMatch ? '' : 'INDEXED BY postings_kiosk_order'} WHERE ${whereSql} ${ORDER_SQL} LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM postings l WHERE ${whereSql} LIMIT ${COUNT_CAP + 1})`,
        ),
        countAll: db.prepare(`SELECT COUNT(*) AS n FROM postings l WHERE ${whereSql}`),
      };
      statements.set(key, s);
    }
    return s;
  }

  // 1–2 character terms: the in-memory headline index finds the rows, SQLite returns them.
  const headlines = createHeadlineIndex(db);
  const byRowids = db.prepare<{ ids: string }, PostingRow & { rowid: number }>(
    'SELECT rowid, * FROM postings WHERE rowid IN (SELECT value FROM json_each(@ids))',
  );
  function shortTermSearch(
    terms: string[],
    query: KioskPostingQuery,
    now: number,
    exact: boolean,
  ): KioskPostingsResponse {
    const daily = query.daily === '1';
    const found = headlines.find({
      terms,
      occupation: query.occupation ?? null,
      district: query.district ?? null,
      daily,
      now,
      limit: query.offset + query.limit,
    });
    found.rowids.splice(0, query.offset);
    const rows = new Map(byRowids.all({ ids: JSON.stringify(found.rowids) }).map((r) => [r.rowid, r]));
    const postings = found.rowids
      .map((id) => rows.get(id))
      // re-checked against the row as it is now: the snapshot may be a moment old
      .filter(
        (r): r is PostingRow & { rowid: number } =>
          r !== undefined && r.hidden === 0 && r.valid_until_ms > now && r.valid_from_ms <= now,
      )
      .map((r) => toPublicPosting(rowToPosting(r)));
    if (exact) return { listings: postings, total: found.total, totalIsLowerBound: false };
    return { listings: postings, total: Math.min(found.total, COUNT_CAP), totalIsLowerBound: found.total > COUNT_CAP };
  }

  const countActiveStmt = db.prepare<{ now: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM postings l WHERE ${ACTIVE_SQL}`,
  );
  const summaryStmt = db.prepare<{ now: number; midnight: number }, { active: number; daily: number; fresh: number }>(
    `SELECT COUNT(*) AS active,
            COALESCE(SUM(l.settlement = 'daily'), 0) AS daily,
            COALESCE(SUM(l.valid_from_ms >= @midnight), 0) AS fresh
       FROM postings l WHERE ${ACTIVE_SQL}`,
  );

  const payOf = db.prepare<
    { now: number; occupations: string },
    { payMin: number; payMax: number | null; payUnit: string }
  >(
    `SELECT l.pay_min AS payMin, l.pay_max AS payMax, l.pay_unit AS payUnit FROM postings l
      WHERE ${ACTIVE_SQL} AND (@occupations = '[]' OR l.occupation IN (SELECT value FROM json_each(@occupations)))
      LIMIT 5000`,
  );
  const pointsOf = (occupations: readonly string[], now: number): PayPoint[] =>
    payOf.all({ now, occupations: JSON.stringify(occupations) }) as PayPoint[];

  return {
    payPresets(occupations, now) {
      const ofTrades = payPresets(pointsOf(occupations, now));
      if (ofTrades.length > 0) return { presets: ofTrades, basis: occupations.length > 0 ? 'trades' : 'all' };
      const ofAll = occupations.length > 0 ? payPresets(pointsOf([], now)) : [];
      if (ofAll.length > 0) return { presets: ofAll, basis: 'all' };
      return { presets: DEFAULT_PAY_PRESETS.map((p) => ({ ...p, amounts: [...p.amounts] })), basis: 'default' };
    },
    search(query, now, options = {}) {
      const plan = planSearch(query.q);
      const exact = options.exactTotal === true;
      // Headlines first, for any term length (a few ms in memory); the full text (trigram
      // index, descriptions and requirements too) only when no headline matches.
      if (plan.likes.length > 0 || plan.match !== null || exact) {
        const headline = shortTermSearch(termsOf(query.q), query, now, exact);
        if (headline.total > 0 || plan.match === null) return headline;
      }
      const s = statementsFor(plan.match === null ? 0 : plan.matchLikes.length, plan.likes.length);
      const params: Record<string, unknown> = {
        now,
        occupation: query.occupation ?? null,
        district: query.district ?? null,
        daily: query.daily === '1' ? 1 : 0,
        ...fullTextParams(plan),
      };
      plan.likes.forEach((pattern, i) => {
        params[`like${i}`] = pattern;
      });
      const rows = s.page.all({ ...params, limit: query.limit, offset: query.offset }) as PostingRow[];
      // A short page ends the answer; only a full page needs counting (capped).
      const counted =
        rows.length < query.limit && (rows.length > 0 || query.offset === 0)
          ? query.offset + rows.length
          : (((exact ? s.countAll : s.count).get(params) as { n: number } | undefined)?.n ?? 0);
      if (exact)
        return {
          listings: rows.map((r) => toPublicPosting(rowToPosting(r))),
          total: counted,
          totalIsLowerBound: false,
        };
      return {
        listings: rows.map((r) => toPublicPosting(rowToPosting(r))),
        total: Math.min(counted, COUNT_CAP),
        totalIsLowerBound: counted > COUNT_CAP,
      };
    },
    countActive: (now) => headlines.countActive(now) ?? countActiveStmt.get({ now })?.n ?? 0,
    summary(now) {
      const d = new Date(now);
      const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      const r = summaryStmt.get({ now, midnight });
      return {
        activeListings: r?.active ?? 0,
        dailyListings: r?.daily ?? 0,
        newToday: r?.fresh ?? 0,
        serverNow: Math.trunc(now),
      };
    },
  };
}
