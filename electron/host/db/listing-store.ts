/**
 * The listings repository: every read and write of postings goes through here, with
 * statements prepared once and multi-row writes in one transaction.
 *
 * Revision rule: an incoming posting replaces the stored one only when its `revision` is
 * strictly greater. An older or equal revision is skipped, so a replayed or reordered change
 * can never roll a posting back. A staff `hidden` flag survives upstream updates.
 */
import type { Listing } from '../../../shared/schemas/listing';
import type { OccupationCode } from '../../../shared/occupations';
import type { WritableDatabase } from './handles';
import { LISTING_PARAM_COLUMNS, listingToParams, rowToListing, type ListingRow } from './listing-row';
import { META_KEYS, createMetaStore, readInteger } from './meta-store';
import { SEARCH_TEXT_SQL, fullTextConditionSql, fullTextParams, planSearch } from './listing-search';
import { FTS_COLUMNS } from './migrations/0001-initial';

export interface WriteMeta {
  /** The sync cursor to record in the same transaction as the rows. */
  cursor?: number;
}

export interface ActiveFilter {
  occupations?: readonly OccupationCode[];
  districts?: readonly string[];
}

export interface SearchQuery {
  q?: string;
  occupation?: OccupationCode;
  district?: string;
  limit: number;
  now: number;
}

export interface SearchResult {
  listings: Listing[];
  /** How many postings match in all, beyond `limit`. */
  total: number;
}

export interface UpsertResult {
  /** Inserted or replaced by a newer revision. */
  applied: number;
  /** Not newer than what is stored. */
  skipped: number;
}

export interface ListingStore {
  upsertMany(listings: readonly Listing[], meta?: WriteMeta): UpsertResult;
  remove(ids: readonly string[], meta?: WriteMeta): number;
  get(id: string): Listing | undefined;
  count(): number;
  countActive(now: number): number;
  activeListings(now: number, filter?: ActiveFilter): Listing[];
  search(query: SearchQuery): SearchResult;
  /** Staff take a posting off (or back onto) the boards locally; false when the id is unknown. */
  setHidden(id: string, hidden: boolean): boolean;
  purgeExpired(now: number, graceMs: number): number;
  getCursor(): number;
  setCursor(cursor: number): void;
  /** When the postings last changed (ms), or null when never. */
  getDataUpdatedAt(): number | null;
  /** Runs `fn` in one transaction; store calls inside it join that transaction. */
  transaction<T>(fn: () => T): T;
  /** Moves up to `maxRows` written rows into the full-text index; returns how many. */
  indexSearchBacklog(maxRows: number): number;
  /** Rows written but not yet in the full-text index (search still finds them, by scan). */
  searchBacklog(): number;
}

export interface ListingStoreOptions {
  /** Clock for `data.updatedAt`; injectable so tests are exact. */
  clock?: () => number;
}

const ACTIVE_SQL = 'l.hidden = 0 AND l.valid_until_ms > @now AND l.valid_from_ms <= @now';
const ORDER_SQL = 'ORDER BY l.urgent DESC, l.valid_from_ms DESC, l.id ASC';
const MAX_SEARCH_LIMIT = 1000;

export function createListingStore(db: WritableDatabase, options: ListingStoreOptions = {}): ListingStore {
  const clock = options.clock ?? Date.now;
  const meta = createMetaStore(db);

  const columns = LISTING_PARAM_COLUMNS.join(', ');
  const values = LISTING_PARAM_COLUMNS.map((c) => `@${c}`).join(', ');
  const updates = LISTING_PARAM_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const upsert = db.prepare(
    `INSERT INTO listings (${columns}) VALUES (${values})
     ON CONFLICT (id) DO UPDATE SET ${updates} WHERE excluded.revision > listings.revision`,
  );
  const deleteOne = db.prepare<{ id: string }>('DELETE FROM listings WHERE id = @id');
  const selectOne = db.prepare<{ id: string }, ListingRow>('SELECT * FROM listings WHERE id = @id');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM listings');
  const countActiveStmt = db.prepare<{ now: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM listings l WHERE ${ACTIVE_SQL}`,
  );
  // json_each keeps one prepared statement for any number of filter values
  const selectActive = db.prepare<{ now: number; occupations: string | null; districts: string | null }, ListingRow>(
    `SELECT l.* FROM listings l WHERE ${ACTIVE_SQL}
       AND (@occupations IS NULL OR l.occupation IN (SELECT value FROM json_each(@occupations)))
       AND (@districts IS NULL OR l.district_code IN (SELECT value FROM json_each(@districts)))
     ${ORDER_SQL}`,
  );
  const updateHidden = db.prepare<{ id: string; hidden: number }>('UPDATE listings SET hidden = @hidden WHERE id = @id');
  const purge = db.prepare<{ before: number }>('DELETE FROM listings WHERE valid_until_ms <= @before');

  // Search statements differ only in how many LIKE terms and whether FTS is used; a handful
  // of shapes, each prepared on first use and then reused.
  const searchStatements = new Map<string, ReturnType<typeof prepareSearch>>();
  function prepareSearch(matchTerms: number, likeCount: number) {
    const where = [
      ACTIVE_SQL,
      '(@occupation IS NULL OR l.occupation = @occupation)',
      '(@district IS NULL OR l.district_code = @district)',
    ];
    if (matchTerms > 0) where.push(fullTextConditionSql(matchTerms));
    for (let i = 0; i < likeCount; i += 1) where.push(`${SEARCH_TEXT_SQL} LIKE @like${i} ESCAPE '\\'`);
    const whereSql = where.join(' AND ');
    return {
      page: db.prepare<Record<string, unknown>, ListingRow>(`SELECT l.* FROM listings l WHERE ${whereSql} ${ORDER_SQL} LIMIT @limit`),
      count: db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM listings l WHERE ${whereSql}`),
    };
  }
  function searchStatement(matchTerms: number, likeCount: number) {
    const key = `${matchTerms}/${likeCount}`;
    let stmts = searchStatements.get(key);
    if (!stmts) {
      stmts = prepareSearch(matchTerms, likeCount);
      searchStatements.set(key, stmts);
    }
    return stmts;
  }

  function writeCursor(cursor: number, fn: string): void {
    if (!Number.isSafeInteger(cursor) || cursor < 0) {
      throw new RangeError(`${fn}: cursor must be a non-negative integer, got ${cursor}`);
    }
    meta.set(META_KEYS.syncCursor, String(cursor));
  }

  function touchData(): void {
    meta.set(META_KEYS.dataUpdatedAt, String(Math.trunc(clock())));
  }

  const ftsCols = FTS_COLUMNS.join(', ');
  const indexBatch = db.prepare<{ n: number }>(
    `INSERT INTO listings_fts (rowid, ${ftsCols})
       SELECT l.rowid, ${FTS_COLUMNS.map((c) => `l.${c}`).join(', ')} FROM listings l
        WHERE l.rowid IN (SELECT rowid FROM listings_fts_pending ORDER BY rowid LIMIT @n)`,
  );
  const dropBatch = db.prepare<{ n: number }>(
    'DELETE FROM listings_fts_pending WHERE rowid IN (SELECT rowid FROM listings_fts_pending ORDER BY rowid LIMIT @n)',
  );
  const countBacklog = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM listings_fts_pending');
  // Same rows in both statements: the pending set cannot change inside this transaction.
  const indexTx = db.transaction((n: number): number => {
    indexBatch.run({ n });
    return dropBatch.run({ n }).changes;
  });

  // These transactions matter: a batch of rows and the cursor that says "applied up to here"
  // must commit together, or a crash between them would skip or replay changes.
  function upsertRows(listings: readonly Listing[], writeMeta: WriteMeta | undefined): UpsertResult {
    let applied = 0;
    for (const l of listings) applied += upsert.run(listingToParams(l)).changes;
    if (writeMeta?.cursor !== undefined) writeCursor(writeMeta.cursor, 'upsertMany');
    if (applied > 0) touchData();
    return { applied, skipped: listings.length - applied };
  }

  function removeRows(ids: readonly string[], writeMeta: WriteMeta | undefined): number {
    let removed = 0;
    for (const id of ids) removed += deleteOne.run({ id }).changes;
    if (writeMeta?.cursor !== undefined) writeCursor(writeMeta.cursor, 'remove');
    if (removed > 0) touchData();
    return removed;
  }

  const upsertTx = db.transaction(upsertRows);
  const removeTx = db.transaction(removeRows);
  /**
   * Inside a caller's transaction the rows join it as they are: a nested transaction would be
   * a SAVEPOINT, which makes SQLite copy every page it touches into a statement journal — 15%
   * of a sync page's write time — to undo a part that no caller ever undoes alone.
   */
  const joined = <A extends unknown[], R>(body: (...args: A) => R, tx: (...args: A) => R) => (...args: A): R =>
    db.inTransaction ? body(...args) : tx(...args);

  const hideTx = db.transaction((id: string, hidden: boolean): boolean => {
    const changed = updateHidden.run({ id, hidden: hidden ? 1 : 0 }).changes > 0;
    if (changed) touchData();
    return changed;
  });

  return {
    upsertMany: joined(upsertRows, upsertTx),
    remove: joined(removeRows, removeTx),
    get(id) {
      const row = selectOne.get({ id });
      return row ? rowToListing(row) : undefined;
    },
    count: () => countAll.get()?.n ?? 0,
    countActive: (now) => countActiveStmt.get({ now })?.n ?? 0,
    activeListings(now, filter = {}) {
      const rows = selectActive.all({
        now,
        occupations: filter.occupations ? JSON.stringify(filter.occupations) : null,
        districts: filter.districts ? JSON.stringify(filter.districts) : null,
      });
      return rows.map(rowToListing);
    },
    search({ q, occupation, district, limit, now }) {
      const plan = planSearch(q);
      const stmts = searchStatement(plan.match === null ? 0 : plan.matchLikes.length, plan.likes.length);
      const params: Record<string, unknown> = {
        now,
        occupation: occupation ?? null,
        district: district ?? null,
        ...fullTextParams(plan),
      };
      plan.likes.forEach((pattern, i) => {
        params[`like${i}`] = pattern;
      });
      const total = stmts.count.get(params)?.n ?? 0;
      const pageSize = Math.max(0, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)));
      const listings = total === 0 || pageSize === 0 ? [] : stmts.page.all({ ...params, limit: pageSize }).map(rowToListing);
      return { listings, total };
    },
    setHidden: (id, hidden) => hideTx(id, hidden),
    indexSearchBacklog: (maxRows) => indexTx(Math.max(1, Math.floor(maxRows))),
    searchBacklog: () => countBacklog.get()?.n ?? 0,
    purgeExpired: (now, graceMs) => purge.run({ before: now - Math.max(0, graceMs) }).changes,
    getCursor: () => readInteger(meta, META_KEYS.syncCursor, 0),
    setCursor: (cursor) => writeCursor(cursor, 'setCursor'),
    getDataUpdatedAt: () => readInteger(meta, META_KEYS.dataUpdatedAt, null),
    transaction: (fn) => db.transaction(fn)(),
  };
}
