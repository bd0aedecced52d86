/**
 * In-memory index of posting headlines (title, employer, place, hours) for 1–2 character
 * kiosk searches, and for the public search's counts. SQLite's trigram index cannot match
 * fewer than three characters, and a LIKE scan over 20,000 rows costs 30 ms of the host's
 * thread; a plain substring test over short strings held in memory, in display order, a few.
 *
 * The index is built once, then kept current from `posting_changes` (migration 0007): before
 * each search it reads the ids written since and updates just those entries, so a live change
 * costs one row read, not a rebuild of every posting. Matches are re-read from SQLite and
 * re-checked by the caller, so a posting changed a moment ago is never shown stale.
 */
import type { Database } from '../db/handles';
import { openChangeCursor } from '../db/posting-changes';

interface Entry {
  rowid: number;
  id: string;
  text: string;
  occupation: string;
  district: string;
  daily: boolean;
  urgent: number;
  validFrom: number;
  validUntil: number;
}

interface HeadlineRow {
  rowid: number;
  id: string;
  text: string;
  occupation: string;
  district_code: string;
  settlement: string;
  urgent: number;
  valid_from_ms: number;
  valid_until_ms: number;
  hidden: number;
}

export interface HeadlineFilter {
  terms: string[];
  occupation: string | null;
  district: string | null;
  daily: boolean;
  now: number;
  limit: number;
}

export interface HeadlineIndex {
  /** Row ids of the first `limit` matches in display order, and how many match in all. */
  find(filter: HeadlineFilter): { rowids: number[]; total: number };
  /**
   * Visible postings valid at `now` (what /healthz reports), counted in memory; null while the
   * index is far behind the database (a big sync is being written: the caller counts in SQL
   * rather than have a health check reload the index).
   */
  countActive(now: number): number | null;
}

/** More changes than this since the last search: reading everything again is cheaper. */
const RELOAD_AFTER_CHANGES = 5000;
const CHANGE_BATCH = 1000;
/** /healthz catches the index up only this far; beyond it the count comes from SQL. */
const COUNT_CATCH_UP_LIMIT = 1000;

/** Display order (the kiosk order index): urgent first, newest first, then id. */
function compare(a: Entry, b: Entry): number {
  if (a.urgent !== b.urgent) return b.urgent - a.urgent;
  if (a.validFrom !== b.validFrom) return b.validFrom - a.validFrom;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first index whose entry does not sort before `e`. */
function lowerBound(entries: readonly Entry[], e: Entry): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(entries[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const toEntry = (r: HeadlineRow): Entry => ({
  rowid: r.rowid,
  id: r.id,
  text: r.text,
  occupation: r.occupation,
  district: r.district_code,
  daily: r.settlement === 'daily',
  urgent: r.urgent,
  validFrom: r.valid_from_ms,
  validUntil: r.valid_until_ms,
});

export function createHeadlineIndex(db: Database): HeadlineIndex {
  const columns = `rowid, id, lower(title || char(10) || employer_name || char(10) || district_name || char(10) || address || char(10) || work_time) AS text,
            occupation, district_code, settlement, urgent, valid_from_ms, valid_until_ms, hidden`;
  const selectAll = db.prepare<[], HeadlineRow>(
    `SELECT ${columns} FROM postings WHERE hidden = 0 ORDER BY urgent DESC, valid_from_ms DESC, id ASC`,
  );
  const selectIds = db.prepare<{ ids: string }, HeadlineRow>(
    `SELECT ${columns} FROM postings WHERE id IN (SELECT value FROM json_each(@ids))`,
  );
  const cursor = openChangeCursor(db);
  let entries: Entry[] | null = null;
  const byId = new Map<string, Entry>();
  /** Bumps whenever an entry changes; /healthz asks for the count ten times a second. */
  let version = 0;
  let counted: { version: number; second: number; n: number } | null = null;

  function load(): Entry[] {
    version++;
    cursor.skipToEnd();
    byId.clear();
    const all = selectAll.all().map(toEntry);
    for (const e of all) byId.set(e.id, e);
    return all;
  }

  function update(list: Entry[], ids: readonly string[]): void {
    version++;
    for (const id of ids) {
      const old = byId.get(id);
      if (!old) continue;
      const at = lowerBound(list, old);
      if (list[at]?.id === id) list.splice(at, 1);
      byId.delete(id);
    }
    for (const row of selectIds.all({ ids: JSON.stringify(ids) })) {
      if (row.hidden !== 0) continue;
      const e = toEntry(row);
      list.splice(lowerBound(list, e), 0, e);
      byId.set(e.id, e);
    }
  }

  function current(): Entry[] {
    if (!entries || cursor.behind() > RELOAD_AFTER_CHANGES) return (entries = load());
    for (let ids = cursor.next(CHANGE_BATCH); ids.length > 0; ids = cursor.next(CHANGE_BATCH)) update(entries, ids);
    return entries;
  }

  return {
    find({ terms, occupation, district, daily, now, limit }) {
      const list = current();
      const needles = terms.map((t) => t.toLowerCase());
      const rowids: number[] = [];
      let total = 0;
      for (const e of list) {
        if (e.validUntil <= now || e.validFrom > now) continue;
        if (daily && !e.daily) continue;
        if (occupation !== null && e.occupation !== occupation) continue;
        if (district !== null && e.district !== district) continue;
        if (!needles.every((n) => e.text.includes(n))) continue;
        total++;
        if (rowids.length < limit) rowids.push(e.rowid);
      }
      return { rowids, total };
    },
    countActive(now) {
      if (!entries || cursor.behind() > COUNT_CATCH_UP_LIMIT) return null;
      const list = current();
      const second = Math.floor(now / 1000);
      if (counted?.version === version && counted.second === second) return counted.n;
      let n = 0;
      for (const e of list) if (e.validUntil > now && e.validFrom <= now) n++;
      counted = { version, second, n };
      return n;
    },
  };
}
