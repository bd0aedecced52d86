/**
 * The hub's SQLite store, the embedded default (`npm run hub` needs no server). One file, one
 * process: better-sqlite3 runs every transaction to its end before the next begins, so the
 * change log's AUTOINCREMENT `seq` is committed in order by construction — strictly
 * increasing, never reused, never a hole a reader could see before it fills.
 *
 * The methods are async only to share HubStore with the PostgreSQL store; each one does its
 * work synchronously and resolves at once.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Listing } from '../../shared/schemas/listing';
import { migrateSqliteHub } from './migrations/sqlite/index';
import type { ChangesPage, HubChange, HubStore, Submission, SubmissionEffect, UrgentInput } from './hub-store';

interface ListingRowHub {
  id: string;
  revision: number;
  deleted: number;
  data: string;
}

interface ChangeRow {
  seq: number;
  type: string;
  op: string;
  id: string;
  data: string | null;
}

export interface SqliteStoreOptions {
  /** Stop at this schema version (migration tests); default: the latest. */
  schemaVersion?: number;
}

export function openSqliteHubStore(file: string, options: SqliteStoreOptions = {}): HubStore {
  const db = new BetterSqlite3(file, { timeout: 5000 });
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqliteHub(db, options.schemaVersion);
    return sqliteStoreOn(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function sqliteStoreOn(db: BetterSqlite3.Database): HubStore {
  const selectListing = db.prepare<{ id: string }, ListingRowHub>('SELECT id, revision, deleted, data FROM listings WHERE id = @id');
  const putListing = db.prepare<{ id: string; revision: number; valid_until_ms: number; data: string }>(
    `INSERT INTO listings (id, revision, valid_until_ms, deleted, data) VALUES (@id, @revision, @valid_until_ms, 0, @data)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, valid_until_ms = excluded.valid_until_ms, deleted = 0, data = excluded.data`,
  );
  const tombstone = db.prepare<{ id: string }>('UPDATE listings SET deleted = 1 WHERE id = @id AND deleted = 0');
  const selectExpired = db.prepare<{ now: number }, { id: string }>(
    'SELECT id FROM listings WHERE deleted = 0 AND valid_until_ms <= @now ORDER BY valid_until_ms, id',
  );
  const selectLive = db.prepare<[], { data: string }>('SELECT data FROM listings WHERE deleted = 0');
  const countLive = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM listings WHERE deleted = 0');
  const selectUrgent = db.prepare<{ id: string }, { revision: number }>('SELECT revision FROM urgent WHERE id = @id');
  const putUrgent = db.prepare<{ id: string; revision: number; data: string }>(
    'INSERT INTO urgent (id, revision, data) VALUES (@id, @revision, @data) ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, data = excluded.data',
  );
  const insertChange = db.prepare<{ type: string; op: string; id: string; data: string | null; created_at: number }>(
    'INSERT INTO changes (type, op, id, data, created_at) VALUES (@type, @op, @id, @data, @created_at)',
  );
  const selectChanges = db.prepare<{ since: number; limit: number }, ChangeRow>(
    'SELECT seq, type, op, id, data FROM changes WHERE seq > @since ORDER BY seq LIMIT @limit',
  );
  const selectLastSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM changes');
  // A snapshot is 100,000 changes: SQLite writes each page's JSON itself, splicing in the stored
  // data (already JSON text), and hands it over as bytes — no row objects, no string round trip.
  const selectPageJson = db.prepare<{ since: number; limit: number }, { body: Buffer | null; n: number; through: number | null }>(
    `SELECT CAST(group_concat(
              '{"seq":' || seq || ',"type":' || json_quote(type) || ',"op":' || json_quote(op) || ',"id":' || json_quote(id)
                || coalesce(',"data":' || data, '') || '}',
              ',' ORDER BY seq) AS BLOB) AS body,
            count(*) AS n, max(seq) AS through
       FROM (SELECT seq, type, op, id, data FROM changes WHERE seq > @since ORDER BY seq LIMIT @limit)`,
  );
  const insertSubmission = db.prepare<{ id: string; hall_id: string; type: string; payload: string; received_at: number }>(
    'INSERT INTO submissions (id, hall_id, type, payload, received_at) VALUES (@id, @hall_id, @type, @payload, @received_at) ON CONFLICT (id) DO NOTHING',
  );
  const bumpSubmission = db.prepare<{ id: string }>('UPDATE submissions SET received_count = received_count + 1 WHERE id = @id');
  const selectSubmissions = db.prepare<
    { after: string; limit: number },
    { id: string; hall_id: string; type: string; payload: string; received_at: number; received_count: number }
  >('SELECT * FROM submissions WHERE id > @after ORDER BY id LIMIT @limit');
  const countSubmissionsStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM submissions');
  const pingStmt = db.prepare<[], { one: number }>('SELECT 1 AS one');

  function appendChange(type: string, op: string, id: string, dataJson: string | null, now: number): HubChange {
    const info = insertChange.run({ type, op, id, data: dataJson, created_at: now });
    const change: HubChange = { seq: Number(info.lastInsertRowid), type, op, id };
    if (dataJson !== null) change.data = JSON.parse(dataJson) as unknown;
    return change;
  }

  function upsertListingsNow(listings: readonly Listing[], now: number): HubChange[] {
    const out: HubChange[] = [];
    const updatedAt = new Date(now).toISOString();
    for (const l of listings) {
      const previous = selectListing.get({ id: l.id });
      const revision = Math.max(l.revision, (previous?.revision ?? 0) + 1);
      const next: Listing = { ...l, revision, updatedAt };
      const data = JSON.stringify(next);
      putListing.run({ id: l.id, revision, valid_until_ms: Date.parse(l.validUntil), data });
      out.push(appendChange('listing', 'upsert', l.id, data, now));
    }
    return out;
  }

  function upsertUrgentNow(notice: UrgentInput, now: number): HubChange {
    const revision = (selectUrgent.get({ id: notice.id })?.revision ?? 0) + 1;
    const data = JSON.stringify({ ...notice, revision, updatedAt: new Date(now).toISOString() });
    putUrgent.run({ id: notice.id, revision, data });
    return appendChange('urgent', 'upsert', notice.id, data, now);
  }

  function retractUrgentNow(id: string, now: number): HubChange | null {
    if (!selectUrgent.get({ id })) return null;
    return appendChange('urgent', 'delete', id, null, now);
  }

  const upsertListingsTx = db.transaction(upsertListingsNow);

  const deleteTx = db.transaction((id: string, now: number): HubChange | null => {
    if (tombstone.run({ id }).changes === 0) return null;
    return appendChange('listing', 'delete', id, null, now);
  });

  const expireTx = db.transaction((now: number): HubChange[] => {
    const out: HubChange[] = [];
    for (const { id } of selectExpired.all({ now })) {
      tombstone.run({ id });
      out.push(appendChange('listing', 'delete', id, null, now));
    }
    return out;
  });

  const urgentTx = db.transaction(upsertUrgentNow);
  const retractUrgentTx = db.transaction(retractUrgentNow);

  const rawTx = db.transaction((c: { type: string; op: string; id: string; data?: unknown }, now: number): HubChange =>
    appendChange(c.type, c.op, c.id, c.data === undefined ? null : JSON.stringify(c.data), now),
  );

  const submissionTx = db.transaction((s: Omit<Submission, 'receivedCount'>, effect: SubmissionEffect | null) => {
    const payload = JSON.stringify(s.payload ?? null);
    const inserted = insertSubmission.run({ id: s.id, hall_id: s.hallId, type: s.type, payload, received_at: s.receivedAt }).changes > 0;
    if (!inserted) {
      bumpSubmission.run({ id: s.id });
      return { inserted, changes: [] as HubChange[] };
    }
    const changes: HubChange[] = [];
    if (effect?.kind === 'upsert-urgent') changes.push(upsertUrgentNow(effect.notice, s.receivedAt));
    else if (effect?.kind === 'retract-urgent') {
      const c = retractUrgentNow(effect.id, s.receivedAt);
      if (c) changes.push(c);
    }
    return { inserted, changes };
  });

  // One read transaction so `lastSeq` and the page agree even while writers append.
  const pageTx = db.transaction((since: number, limit: number) => {
    const rows = selectChanges.all({ since, limit: limit + 1 });
    const lastSeq = selectLastSeq.get()?.seq ?? 0;
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit, lastSeq };
  });

  const pageJsonTx = db.transaction((since: number, limit: number): Buffer => {
    const { body, n, through } = selectPageJson.get({ since, limit })!;
    const lastSeq = selectLastSeq.get()?.seq ?? 0;
    const hasMore = n > 0 && through !== null && lastSeq > through;
    return Buffer.concat([Buffer.from('{"changes":['), body ?? Buffer.alloc(0), Buffer.from(`],"lastSeq":${lastSeq},"hasMore":${hasMore}}`)]);
  });

  // Every method runs synchronously inside; `async` turns a throw into a rejection.
  return {
    kind: 'sqlite',
    upsertListings: async (listings, now) => upsertListingsTx(listings, now),
    deleteListing: async (id, now) => deleteTx(id, now),
    expireListings: async (now) => expireTx(now),
    upsertUrgent: async (notice, now) => urgentTx(notice, now),
    retractUrgent: async (id, now) => retractUrgentTx(id, now),
    async getListing(id) {
      const row = selectListing.get({ id });
      return row && row.deleted === 0 ? (JSON.parse(row.data) as Listing) : undefined;
    },
    async getListings(ids) {
      const out = new Map<string, Listing>();
      for (const id of ids) {
        const row = selectListing.get({ id });
        if (row && row.deleted === 0) out.set(id, JSON.parse(row.data) as Listing);
      }
      return out;
    },
    async allListings() {
      const out = new Map<string, Listing>();
      for (const { data } of selectLive.all()) {
        const l = JSON.parse(data) as Listing;
        out.set(l.id, l);
      }
      return out;
    },
    countListings: async () => countLive.get()?.n ?? 0,
    appendRawChange: async (change, now) => rawTx(change, now),
    changesPageJson: async (since, limit) => pageJsonTx(since, limit),
    async changesSince(since, limit): Promise<ChangesPage> {
      const { rows, hasMore, lastSeq } = pageTx(since, limit);
      const changes = rows.map((r) => {
        const c: HubChange = { seq: r.seq, type: r.type, op: r.op, id: r.id };
        if (r.data !== null) c.data = JSON.parse(r.data) as unknown;
        return c;
      });
      return { changes, lastSeq, hasMore };
    },
    lastSeq: async () => selectLastSeq.get()?.seq ?? 0,
    addSubmission: async (s, effect) => submissionTx(s, effect ?? null),
    async submissions(after = '', limit = 1000) {
      return selectSubmissions.all({ after, limit }).map((r) => ({
        id: r.id,
        hallId: r.hall_id,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        receivedAt: r.received_at,
        receivedCount: r.received_count,
      }));
    },
    countSubmissions: async () => countSubmissionsStmt.get()?.n ?? 0,
    async ping() {
      pingStmt.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
