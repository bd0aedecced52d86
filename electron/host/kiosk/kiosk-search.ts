/**
 * Kiosk reads of postings: the public search plus the 日结 filter visitors look for first,
 * and today's counts for the start screen. Uses the same search plan as the public route
 * (db/listing-search.ts: FTS5 trigram for 3+ characters, escaped LIKE for 1–2), so nothing a
 * visitor types reaches SQL syntax; only public fields leave (toPublicListing).
 */
import type { WritableDatabase } from '../db/handles';
import { rowToListing, type ListingRow } from '../db/listing-row';
import { SEARCH_TEXT_SQL, planSearch } from '../db/listing-search';
import { toPublicListing } from '../../../shared/public-listing';
import type { ListingsResponse } from '../../../shared/contract';
import type { KioskListingQuery, KioskSummary } from '../../../shared/kiosk-contract';

const ACTIVE_SQL = 'l.hidden = 0 AND l.valid_until_ms > @now AND l.valid_from_ms <= @now';
const ORDER_SQL = 'ORDER BY l.urgent DESC, l.valid_from_ms DESC, l.id ASC';

export interface KioskSearch {
  search(query: KioskListingQuery, now: number): ListingsResponse;
  summary(now: number): KioskSummary;
}

export function createKioskSearch(db: WritableDatabase): KioskSearch {
  const statements = new Map<string, { page: ReturnType<typeof db.prepare>; count: ReturnType<typeof db.prepare> }>();
  function statementsFor(hasMatch: boolean, likeCount: number) {
    const key = `${hasMatch ? 'm' : '-'}${likeCount}`;
    let s = statements.get(key);
    if (!s) {
      const where = [
        ACTIVE_SQL,
        '(@occupation IS NULL OR l.occupation = @occupation)',
        '(@district IS NULL OR l.district_code = @district)',
        "(@daily = 0 OR l.settlement = 'daily')",
      ];
      if (hasMatch) where.push('l.rowid IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH @match)');
      for (let i = 0; i < likeCount; i += 1) where.push(`${SEARCH_TEXT_SQL} LIKE @like${i} ESCAPE '\\'`);
      const whereSql = where.join(' AND ');
      s = {
        page: db.prepare(`SELECT l.* FROM listings l WHERE ${whereSql} ${ORDER_SQL} LIMIT @limit`),
        count: db.prepare(`SELECT COUNT(*) AS n FROM listings l WHERE ${whereSql}`),
      };
      statements.set(key, s);
    }
    return s;
  }

  const summaryStmt = db.prepare<{ now: number; midnight: number }, { active: number; daily: number; fresh: number }>(
    `SELECT COUNT(*) AS active,
            COALESCE(SUM(l.settlement = 'daily'), 0) AS daily,
            COALESCE(SUM(l.valid_from_ms >= @midnight), 0) AS fresh
       FROM listings l WHERE ${ACTIVE_SQL}`,
  );

  return {
    search(query, now) {
      const plan = planSearch(query.q);
      const s = statementsFor(plan.match !== null, plan.likes.length);
      const params: Record<string, unknown> = {
        now,
        occupation: query.occupation ?? null,
        district: query.district ?? null,
        daily: query.daily === '1' ? 1 : 0,
      };
      if (plan.match !== null) params.match = plan.match;
      plan.likes.forEach((pattern, i) => {
        params[`like${i}`] = pattern;
      });
      const total = (s.count.get(params) as { n: number } | undefined)?.n ?? 0;
      const rows = total === 0 ? [] : (s.page.all({ ...params, limit: query.limit }) as ListingRow[]);
      return { listings: rows.map((r) => toPublicListing(rowToListing(r))), total };
    },
    summary(now) {
      const d = new Date(now);
      const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      const r = summaryStmt.get({ now, midnight });
      return { activeListings: r?.active ?? 0, dailyListings: r?.daily ?? 0, newToday: r?.fresh ?? 0, serverNow: Math.trunc(now) };
    },
  };
}
