/**
 * The postings repository: every read and write of postings goes through here, with
 * statements prepared once and multi-row writes in one transaction.
 *
 * Revision rule: an incoming posting replaces the stored one only when its `revision` is
 * strictly greater. An older or equal revision is skipped, so a replayed or reordered change
 * can never roll a posting back. A staff `hidden` flag survives upstream updates.
 */
import type { Posting } from '../../../shared/schemas/posting';
import type { OccupationCode } from '../../../shared/occupations';
import type { WritableDatabase } from './handles';
import { LISTING_PARAM_COLUMNS, postingToParams, rowToPosting, type PostingRow } from './posting-row';
import { META_KEYS, createMetaStore, readInteger } from './meta-store';
import { SEARCH_TEXT_SQL, fullTextConditionSql, fullTextParams, planSearch } from './posting-search';
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
  postings: Posting[];
  /** How many postings match in all, beyond `limit`. */
  total: number;
}

export interface UpsertResult {
  /** Inserted or replaced by a newer revision. */
  applied: number;
  /** Not newer than what is stored. */
  skipped: number;
}

export interface PostingStore {
  upsertMany(postings: readonly Posting[], meta?: WriteMeta): UpsertResult;
  remove(ids: readonly string[], meta?: WriteMeta): number;
  get(id: string): Posting | undefined;
  count(): number;
  countActive(now: number): number;
  activePostings(now: number, filter?: ActiveFilter): Posting[];
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

export interface PostingStoreOptions {
  /** Clock for `data.updatedAt`; injectable so tests are exact. */
  clock?: () => number;
}

const ACTIVE_SQL = 'l.hidden = 0 AND l.valid_until_ms > @now AND l.valid_from_ms <= @now';
const ORDER_SQL = 'ORDER BY l.urgent DESC, l.valid_from_ms DESC, l.id ASC';
const MAX_SEARCH_LIMIT = 1000;

export function createPostingStore(db: WritableDatabase, options: PostingStoreOptions = {}): PostingStore {
  const clock = options.clock ?? Date.now;
  const meta = createMetaStore(db);

  const columns = LISTING_PARAM_COLUMNS.join(', ');
  const values = LISTING_PARAM_COLUMNS.map((c) => `@${c}`).join(', ');
  const updates = LISTING_PARAM_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const upsert = db.prepare(
    `INSERT INTO postings (${columns}) VALUES (${values})
     ON CONFLICT (id) DO UPDATE SET ${updates} WHERE excluded.revision > postings.revision`,
  );
  const deleteOne = db.prepare<{ id: string }>('DELETE FROM postings WHERE id = @id');
  const selectOne = db.prepare<{ id: string }, PostingRow>('SELECT * FROM postings WHERE id = @id');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM postings');
  const countActiveStmt = db.prepare<{ now: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM postings l WHERE ${ACTIVE_SQL}`,
  );
  // json_each keeps one prepared statement for any number of filter values
  const selectActive = db.prepare<{ now: number; occupations: string | null; districts: string | null }, PostingRow>(
    `SELECT l.* FROM postings l WHERE ${ACTIVE_SQL}
       AND (@occupations IS NULL OR l.occupation IN (SELECT value FROM json_each(@occupations)))
       AND (@districts IS NULL OR l.district_code IN (SELECT value FROM json_each(@districts)))
     ${ORDER_SQL}`,
  );
  const updateHidden = db.prepare<{ id: string; hidden: number }>(
    'UPDATE postings SET hidden = @hidden WHERE id = @id',
  );
  const purge = db.prepare<{ before: number }>('DELETE FROM postings WHERE valid_until_ms <= @before');

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
      page: db.prepare<Record<string, unknown>, PostingRow>(
        `SELECT l.* FROM postings l WHERE ${whereSql} ${ORDER_SQL} LIMIT @limit`,
      ),
      count: db.prepare<Record<string, unknown>, { n: number }>(
        `SELECT COUNT(*) AS n FROM postings l WHERE ${whereSql}`,
      ),
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
    `INSERT INTO postings_fts (rowid, ${ftsCols})
       SELECT l.rowid, ${FTS_COLUMNS.map((c) => `l.${c}`).join(', ')} FROM postings l
        WHERE l.rowid IN (SELECT rowid FROM postings_fts_pending ORDER BY rowid LIMIT @n)`,
  );
  const dropBatch = db.prepare<{ n: number }>(
    'DELETE FROM postings_fts_pending WHERE rowid IN (SELECT rowid FROM postings_fts_pending ORDER BY rowid LIMIT @n)',
  );
  const countBacklog = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM postings_fts_pending');
  // Same rows in both statements: the pending set cannot change inside this transaction.
  const indexTx = db.transaction((n: number): number => {
    indexBatch.run({ n });
    return dropBatch.run({ n }).changes;
  });

  // These transactions matter: a batch of rows and the cursor that says "applied up to here"
  // must commit together, or a crash between them would skip or replay changes.
  function upsertRows(postings: readonly Posting[], writeMeta: WriteMeta | undefined): UpsertResult {
    let applied = 0;
    for (const l of postings) applied += upsert.run(postingToParams(l)).changes;
    if (writeMeta?.cursor !== undefined) writeCursor(writeMeta.cursor, 'upsertMany');
    if (applied > 0) touchData();
    return { applied, skipped: postings.length - applied };
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
  const joined =
    <A extends unknown[], R>(body: (...args: A) => R, tx: (...args: A) => R) =>
    (...args: A): R =>
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
      return row ? rowToPosting(row) : undefined;
    },
    count: () => countAll.get()?.n ?? 0,
    countActive: (now) => countActiveStmt.get({ now })?.n ?? 0,
    activePostings(now, filter = {}) {
      const rows = selectActive.all({
        now,
        occupations: filter.occupations ? JSON.stringify(filter.occupations) : null,
        districts: filter.districts ? JSON.stringify(filter.districts) : null,
      });
      return rows.map(rowToPosting);
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
      const postings =
        total === 0 || pageSize === 0 ? [] : stmts.page.all({ ...params, limit: pageSize }).map(rowToPosting);
      return { postings, total };
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
