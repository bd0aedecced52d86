/**
 * The reference hub's SQLite store: current postings and urgent notices, plus the change log
 * every hall syncs from. Each write and the change row that announces it commit together, so
 * the log never claims a change the tables do not hold (or the reverse).
 *
 * Change `seq` is an AUTOINCREMENT rowid: strictly increasing and never reused, even after
 * rows are deleted. Deleted postings keep a tombstone so a re-created id continues its
 * revision count and a hall's "newer revision wins" rule still lets it through.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Listing } from '../../shared/schemas/listing';

export type ChangeType = 'listing' | 'urgent';
export type ChangeOp = 'upsert' | 'delete';

/** One entry of the change log as halls receive it. */
export interface HubChange {
  seq: number;
  type: string;
  op: string;
  id: string;
  data?: unknown;
}

export interface Submission {
  id: string;
  hallId: string;
  type: string;
  payload: unknown;
  receivedAt: number;
  /** How many times a hall sent it; stored once whatever this says. */
  receivedCount: number;
}

export interface UrgentNotice {
  id: string;
  title: string;
  body: string;
  listingId: string | null;
  expiresAt: string;
  screens: string[] | null;
  revision: number;
  updatedAt: string;
}

export interface RawChangeInput {
  type: string;
  op: string;
  id: string;
  /** Any JSON value; stored as given so tests can send halls what a broken upstream might. */
  data?: unknown;
}

export interface HubStore {
  /** Upserts postings, bumping each revision past what the hub held; returns the changes. */
  upsertListings(listings: readonly Listing[], now: number): HubChange[];
  /** Deletes a posting (tombstone + change), or returns null when it is not live. */
  deleteListing(id: string, now: number): HubChange | null;
  /** Deletes every posting whose validUntil has passed; one delete change each. */
  expireListings(now: number): HubChange[];
  upsertUrgent(notice: Omit<UrgentNotice, 'revision' | 'updatedAt'>, now: number): HubChange;
  /** Withdraws an urgent notice everywhere (a `delete` change); null when the hub never had it. */
  retractUrgent(id: string, now: number): HubChange | null;
  getListing(id: string): Listing | undefined;
  /** Every live posting keyed by id (for tests and audits). */
  allListings(): Map<string, Listing>;
  countListings(): number;
  /** Appends a change exactly as given, bypassing validation (test hook for bad upstreams). */
  appendRawChange(change: RawChangeInput, now: number): HubChange;
  /** Changes after `since`, in seq order, as a ready UTF-8 JSON body `{ changes, lastSeq, hasMore }`. */
  changesPageJson(since: number, limit: number): Buffer;
  changesSince(since: number, limit: number): { changes: HubChange[]; lastSeq: number; hasMore: boolean };
  lastSeq(): number;
  /** Stores a hall's submission once by id; false when it was already there. */
  addSubmission(s: Omit<Submission, 'receivedCount'>): boolean;
  submissions(after?: string, limit?: number): Submission[];
  countSubmissions(): number;
  close(): void;
}

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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS listings (
    id TEXT PRIMARY KEY NOT NULL,
    revision INTEGER NOT NULL,
    valid_until_ms INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS listings_live_until ON listings (valid_until_ms) WHERE deleted = 0;
  CREATE TABLE IF NOT EXISTS urgent (
    id TEXT PRIMARY KEY NOT NULL,
    revision INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    op TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY NOT NULL,
    hall_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    received_count INTEGER NOT NULL DEFAULT 1
  ) STRICT;
`;

export function openHubStore(file: string): HubStore {
  const db = new BetterSqlite3(file, { timeout: 5000 });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

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

  function appendChange(type: string, op: string, id: string, dataJson: string | null, now: number): HubChange {
    const info = insertChange.run({ type, op, id, data: dataJson, created_at: now });
    const change: HubChange = { seq: Number(info.lastInsertRowid), type, op, id };
    if (dataJson !== null) change.data = JSON.parse(dataJson) as unknown;
    return change;
  }

  const upsertListingsTx = db.transaction((listings: readonly Listing[], now: number): HubChange[] => {
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
  });

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

  const urgentTx = db.transaction((notice: Omit<UrgentNotice, 'revision' | 'updatedAt'>, now: number): HubChange => {
    const revision = (selectUrgent.get({ id: notice.id })?.revision ?? 0) + 1;
    const data = JSON.stringify({ ...notice, revision, updatedAt: new Date(now).toISOString() });
    putUrgent.run({ id: notice.id, revision, data });
    return appendChange('urgent', 'upsert', notice.id, data, now);
  });

  const retractUrgentTx = db.transaction((id: string, now: number): HubChange | null => {
    if (!selectUrgent.get({ id })) return null;
    return appendChange('urgent', 'delete', id, null, now);
  });

  const rawTx = db.transaction((c: RawChangeInput, now: number): HubChange =>
    appendChange(c.type, c.op, c.id, c.data === undefined ? null : JSON.stringify(c.data), now),
  );

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

  return {
    upsertListings: (listings, now) => upsertListingsTx(listings, now),
    deleteListing: (id, now) => deleteTx(id, now),
    expireListings: (now) => expireTx(now),
    upsertUrgent: (notice, now) => urgentTx(notice, now),
    retractUrgent: (id, now) => retractUrgentTx(id, now),
    getListing(id) {
      const row = selectListing.get({ id });
      return row && row.deleted === 0 ? (JSON.parse(row.data) as Listing) : undefined;
    },
    allListings() {
      const out = new Map<string, Listing>();
      for (const { data } of selectLive.all()) {
        const l = JSON.parse(data) as Listing;
        out.set(l.id, l);
      }
      return out;
    },
    countListings: () => countLive.get()?.n ?? 0,
    appendRawChange: (change, now) => rawTx(change, now),
    changesPageJson: (since, limit) => pageJsonTx(since, limit),
    changesSince(since, limit) {
      const { rows, hasMore, lastSeq } = pageTx(since, limit);
      const changes = rows.map((r) => {
        const c: HubChange = { seq: r.seq, type: r.type, op: r.op, id: r.id };
        if (r.data !== null) c.data = JSON.parse(r.data) as unknown;
        return c;
      });
      return { changes, lastSeq, hasMore };
    },
    lastSeq: () => selectLastSeq.get()?.seq ?? 0,
    addSubmission(s) {
      const inserted =
        insertSubmission.run({ id: s.id, hall_id: s.hallId, type: s.type, payload: JSON.stringify(s.payload ?? null), received_at: s.receivedAt })
          .changes > 0;
      if (!inserted) bumpSubmission.run({ id: s.id });
      return inserted;
    },
    submissions(after = '', limit = 1000) {
      return selectSubmissions.all({ after, limit }).map((r) => ({
        id: r.id,
        hallId: r.hall_id,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        receivedAt: r.received_at,
        receivedCount: r.received_count,
      }));
    },
    countSubmissions: () => countSubmissionsStmt.get()?.n ?? 0,
    close() {
      if (db.open) db.close();
    },
  };
}
