/**
 * The console's view of postings: unlike the public search it sees hidden ones (so staff can
 * put them back) and, on request, expired ones. Search is a plain LIKE over the searchable
 * text and the id, escaped like the public search, so nothing typed reaches SQL syntax.
 */
import type { Database } from '../db/handles';
import { rowToPosting, type PostingRow } from '../db/posting-row';
import { escapeLike, SEARCH_TEXT_SQL } from '../db/posting-search';
import { isHallPosting, type PostingQuery, type StaffPosting } from '../../../shared/staff-data-contract';

export interface PostingQueryService {
  search(query: PostingQuery, now: number): { postings: StaffPosting[]; total: number };
  get(id: string): StaffPosting | undefined;
}

export function toStaffPosting(row: PostingRow): StaffPosting {
  const posting = rowToPosting(row);
  return { ...posting, hidden: row.hidden === 1, editable: isHallPosting(posting.id) };
}

export function createPostingQuery(db: Database): PostingQueryService {
  const where = `
    (@visibility = 'all' OR (@visibility = 'hidden' AND l.hidden = 1) OR (@visibility = 'shown' AND l.hidden = 0))
    AND (@includeExpired = 1 OR (l.valid_until_ms > @now))
    AND (@hallOnly = 0 OR l.id LIKE 'local-%' OR l.id LIKE 'imp-%')
    AND (@occupation IS NULL OR l.occupation = @occupation)
    AND (@district IS NULL OR l.district_code = @district)
    AND (@like IS NULL OR (${SEARCH_TEXT_SQL} || char(10) || l.id || char(10) || l.contact_phone) LIKE @like ESCAPE '\\')`;
  const page = db.prepare<Record<string, unknown>, PostingRow>(
    `SELECT l.* FROM postings l WHERE ${where} ORDER BY l.hidden DESC, l.urgent DESC, l.valid_from_ms DESC, l.id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM postings l WHERE ${where}`,
  );
  const one = db.prepare<{ id: string }, PostingRow>('SELECT * FROM postings WHERE id = @id');
  return {
    search(query, now) {
      const q = query.q?.replace(/\p{Cc}/gu, ' ').trim();
      const params = {
        visibility: query.visibility,
        includeExpired: query.includeExpired ? 1 : 0,
        hallOnly: query.hallOnly ? 1 : 0,
        occupation: query.occupation ?? null,
        district: query.district ?? null,
        like: q ? `%${escapeLike(q)}%` : null,
        now,
      };
      return {
        postings: page.all({ ...params, limit: query.limit, offset: query.offset }).map(toStaffPosting),
        total: count.get(params)?.n ?? 0,
      };
    },
    get(id) {
      const row = one.get({ id });
      return row ? toStaffPosting(row) : undefined;
    },
  };
}
