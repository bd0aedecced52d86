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
import type { Posting } from '../../shared/schemas/posting';
import { demandByTradeSql, seekersByTradeSql, seekersTotalSql, type PulseTables } from '../../shared/pulse/pulse-sql';
import { snapshotCounts } from '../../shared/pulse/pulse-history';
import { migrateSqliteHub } from './migrations/sqlite/index';
import {
  changesPage,
  citySnapshotRows,
  countsByTrade,
  hallFromRecord,
  submissionFromRecord,
  type ChangeRecord,
  type CityCounts,
  type HallRecord,
  type HallStatusRow,
  type HubChange,
  type HubStore,
  type Submission,
  type SubmissionEffect,
  type SubmissionRecord,
  type UrgentInput,
} from './hub-store';
import { signupFactOf } from './signup-facts';

interface PostingRowHub {
  id: string;
  revision: number;
  deleted: number;
  data: string;
}

/** Opens (and migrates to the latest schema) the hub's SQLite file; ':memory:' for tests. */
export function openSqliteHubStore(file: string): HubStore {
  const db = new BetterSqlite3(file, { timeout: 5000 });
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqliteHub(db);
    return sqliteStoreOn(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function sqliteStoreOn(db: BetterSqlite3.Database): HubStore {
  const selectPosting = db.prepare<{ id: string }, PostingRowHub>(
    'SELECT id, revision, deleted, data FROM listings WHERE id = @id',
  );
  const putPosting = db.prepare<{
    id: string;
    revision: number;
    valid_until_ms: number;
    data: string;
    occupation: string;
    headcount: number;
    valid_from_ms: number;
  }>(
    `INSERT INTO listings (id, revision, valid_until_ms, deleted, data, occupation, headcount, valid_from_ms)
     VALUES (@id, @revision, @valid_until_ms, 0, @data, @occupation, @headcount, @valid_from_ms)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, valid_until_ms = excluded.valid_until_ms, deleted = 0, data = excluded.data,
       occupation = excluded.occupation, headcount = excluded.headcount, valid_from_ms = excluded.valid_from_ms`,
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
  const selectChanges = db.prepare<{ since: number; limit: number }, ChangeRecord>(
    'SELECT seq, type, op, id, data FROM changes WHERE seq > @since ORDER BY seq LIMIT @limit',
  );
  const selectLastSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM changes');
  // A snapshot is 100,000 changes: SQLite writes each page's JSON itself, splicing in the stored
  // data (already JSON text), and hands it over as bytes — no row objects, no string round trip.
  const selectPageJson = db.prepare<
    { since: number; limit: number },
    { body: Buffer | null; n: number; through: number | null }
  >(
    `SELECT CAST(group_concat(
              '{"seq":' || seq || ',"type":' || json_quote(type) || ',"op":' || json_quote(op) || ',"id":' || json_quote(id)
                || coalesce(',"data":' || data, '') || '}',
              ',' ORDER BY seq) AS BLOB) AS body,
            count(*) AS n, max(seq) AS through
       FROM (SELECT seq, type, op, id, data FROM changes WHERE seq > @since ORDER BY seq LIMIT @limit)`,
  );
  const insertSubmission = db.prepare<{
    id: string;
    hall_id: string;
    type: string;
    payload: string;
    received_at: number;
  }>(
    'INSERT INTO submissions (id, hall_id, type, payload, received_at) VALUES (@id, @hall_id, @type, @payload, @received_at) ON CONFLICT (id) DO NOTHING',
  );
  const bumpSubmission = db.prepare<{ id: string }>(
    'UPDATE submissions SET received_count = received_count + 1 WHERE id = @id',
  );
  const selectSubmissions = db.prepare<{ after: string; limit: number; type: string | null }, SubmissionRecord>(
    'SELECT * FROM submissions WHERE id > @after AND (@type IS NULL OR type = @type) ORDER BY id LIMIT @limit',
  );
  const countSubmissionsStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM submissions');
  const pingStmt = db.prepare<[], { one: number }>('SELECT 1 AS one');
  const personKey = db.prepare<[], { value: string }>("SELECT value FROM hub_meta WHERE key = 'person_key'").get()!
    .value;
  const insertSignup = db.prepare<{
    id: string;
    hall_id: string;
    person: string;
    occupations: string;
    listing_id: string | null;
    signed_up_at: number;
  }>(
    'INSERT INTO signups (id, hall_id, person, occupations, listing_id, signed_up_at) VALUES (@id, @hall_id, @person, @occupations, @listing_id, @signed_up_at) ON CONFLICT (id) DO NOTHING',
  );
  const hallConnected = db.prepare<{ hall_id: string; node_id: string; session: string; at: number; cursor: number }>(
    `INSERT INTO halls (hall_id, node_id, session, connected, connected_at, last_seen_at, cursor) VALUES (@hall_id, @node_id, @session, 1, @at, @at, @cursor)
     ON CONFLICT (hall_id) DO UPDATE SET node_id = excluded.node_id, session = excluded.session, connected = 1, connected_at = excluded.connected_at,
       last_seen_at = excluded.last_seen_at, cursor = excluded.cursor`,
  );
  const hallHeartbeat = db.prepare<{
    hall_id: string;
    node_id: string;
    session: string;
    at: number;
    cursor: number;
    outbox_pending: number | null;
    outbox_oldest_at: number | null;
    screens_online: number | null;
    screens_total: number | null;
  }>(
    `INSERT INTO halls (hall_id, node_id, session, connected, connected_at, last_seen_at, cursor, outbox_pending, outbox_oldest_at, screens_online, screens_total)
     VALUES (@hall_id, @node_id, @session, 1, @at, @at, @cursor, @outbox_pending, @outbox_oldest_at, @screens_online, @screens_total)
     ON CONFLICT (hall_id) DO UPDATE SET node_id = excluded.node_id, session = excluded.session, connected = 1, last_seen_at = excluded.last_seen_at,
       cursor = excluded.cursor, outbox_pending = excluded.outbox_pending, outbox_oldest_at = excluded.outbox_oldest_at,
       screens_online = excluded.screens_online, screens_total = excluded.screens_total`,
  );
  const hallGone = db.prepare<{ hall_id: string; session: string; at: number }>(
    'UPDATE halls SET connected = 0, last_seen_at = @at WHERE hall_id = @hall_id AND session = @session',
  );
  const selectHalls = db.prepare<[], HallRecord>('SELECT * FROM halls ORDER BY hall_id');
  // the city's D and S, defined once with the hall's (shared/pulse/pulse-sql.ts)
  const pulseTables: PulseTables = {
    postings: 'listings',
    listed: 'deleted = 0',
    person: 'person',
    signedUpAt: 'signed_up_at',
  };
  const demandByTrade = db.prepare<{ now: number }, { occupation: string; n: number }>(demandByTradeSql(pulseTables));
  const seekersByTrade = db.prepare<{ since: number; now: number }, { occupation: string; n: number }>(
    seekersByTradeSql(pulseTables),
  );
  const seekersTotal = db.prepare<{ since: number; now: number }, { n: number }>(seekersTotalSql(pulseTables));
  const putSnapshot = db.prepare<{ day: string; occupation: string; demand: number; seekers: number; at: number }>(
    `INSERT INTO city_snapshots (day, occupation, demand, seekers, recorded_at) VALUES (@day, @occupation, @demand, @seekers, @at)
     ON CONFLICT (day, occupation) DO UPDATE SET demand = excluded.demand, seekers = excluded.seekers, recorded_at = excluded.recorded_at`,
  );
  const clearSnapshotDay = db.prepare<{ day: string }>('DELETE FROM city_snapshots WHERE day = @day');
  const nearestSnapshotDay = db.prepare<{ from: string; to: string; target: string }, { day: string }>(
    `SELECT DISTINCT day FROM city_snapshots WHERE day BETWEEN @from AND @to
      ORDER BY abs(julianday(day) - julianday(@target)), day LIMIT 1`,
  );
  const snapshotRows = db.prepare<{ day: string }, { occupation: string; demand: number; seekers: number }>(
    'SELECT occupation, demand, seekers FROM city_snapshots WHERE day = @day',
  );
  const snapshotTx = db.transaction((day: string, counts: CityCounts, at: number) => {
    clearSnapshotDay.run({ day });
    for (const row of citySnapshotRows(counts)) putSnapshot.run({ day, ...row, at });
  });

  function appendChange(type: string, op: string, id: string, dataJson: string | null, now: number): HubChange {
    const info = insertChange.run({ type, op, id, data: dataJson, created_at: now });
    const change: HubChange = { seq: Number(info.lastInsertRowid), type, op, id };
    if (dataJson !== null) change.data = JSON.parse(dataJson) as unknown;
    return change;
  }

  function upsertPostingsNow(postings: readonly Posting[], now: number): HubChange[] {
    const out: HubChange[] = [];
    const updatedAt = new Date(now).toISOString();
    for (const l of postings) {
      const previous = selectPosting.get({ id: l.id });
      const revision = Math.max(l.revision, (previous?.revision ?? 0) + 1);
      const next: Posting = { ...l, revision, updatedAt };
      const data = JSON.stringify(next);
      putPosting.run({
        id: l.id,
        revision,
        valid_until_ms: Date.parse(l.validUntil),
        data,
        occupation: l.occupation,
        headcount: l.headcount,
        valid_from_ms: Date.parse(l.validFrom),
      });
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

  const upsertPostingsTx = db.transaction(upsertPostingsNow);

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
    const inserted =
      insertSubmission.run({ id: s.id, hall_id: s.hallId, type: s.type, payload, received_at: s.receivedAt }).changes >
      0;
    if (!inserted) {
      bumpSubmission.run({ id: s.id });
      return { inserted, changes: [] as HubChange[] };
    }
    const fact = signupFactOf(s.type, s.payload, s.receivedAt, personKey);
    if (fact) {
      insertSignup.run({
        id: s.id,
        hall_id: s.hallId,
        person: fact.person,
        occupations: JSON.stringify(fact.occupations),
        listing_id: fact.listingId,
        signed_up_at: fact.signedUpAt,
      });
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
  const pageTx = db.transaction((since: number, limit: number) =>
    changesPage(selectChanges.all({ since, limit: limit + 1 }), limit, selectLastSeq.get()?.seq ?? 0),
  );

  const pageJsonTx = db.transaction((since: number, limit: number): Buffer => {
    const { body, n, through } = selectPageJson.get({ since, limit })!;
    const lastSeq = selectLastSeq.get()?.seq ?? 0;
    const hasMore = n > 0 && through !== null && lastSeq > through;
    return Buffer.concat([
      Buffer.from('{"changes":['),
      body ?? Buffer.alloc(0),
      Buffer.from(`],"lastSeq":${lastSeq},"hasMore":${hasMore}}`),
    ]);
  });

  // Every method runs synchronously inside; `async` turns a throw into a rejection.
  return {
    kind: 'sqlite',
    upsertPostings: async (postings, now) => upsertPostingsTx(postings, now),
    deletePosting: async (id, now) => deleteTx(id, now),
    expirePostings: async (now) => expireTx(now),
    upsertUrgent: async (notice, now) => urgentTx(notice, now),
    retractUrgent: async (id, now) => retractUrgentTx(id, now),
    async getPosting(id) {
      const row = selectPosting.get({ id });
      return row && row.deleted === 0 ? (JSON.parse(row.data) as Posting) : undefined;
    },
    async getPostings(ids) {
      const out = new Map<string, Posting>();
      for (const id of ids) {
        const row = selectPosting.get({ id });
        if (row && row.deleted === 0) out.set(id, JSON.parse(row.data) as Posting);
      }
      return out;
    },
    async allPostings() {
      const out = new Map<string, Posting>();
      for (const { data } of selectLive.all()) {
        const l = JSON.parse(data) as Posting;
        out.set(l.id, l);
      }
      return out;
    },
    countPostings: async () => countLive.get()?.n ?? 0,
    appendRawChange: async (change, now) => rawTx(change, now),
    changesPageJson: async (since, limit) => pageJsonTx(since, limit),
    changesSince: async (since, limit) => pageTx(since, limit),
    lastSeq: async () => selectLastSeq.get()?.seq ?? 0,
    addSubmission: async (s, effect) => submissionTx(s, effect ?? null),
    submissions: async (after = '', limit = 1000, type = null) =>
      selectSubmissions.all({ after, limit, type }).map(submissionFromRecord),
    countSubmissions: async () => countSubmissionsStmt.get()?.n ?? 0,
    async recordHall(e) {
      if (e.kind === 'connected')
        hallConnected.run({ hall_id: e.hallId, node_id: e.nodeId, session: e.session, at: e.at, cursor: e.cursor });
      else if (e.kind === 'disconnected') hallGone.run({ hall_id: e.hallId, session: e.session, at: e.at });
      else {
        hallHeartbeat.run({
          hall_id: e.hallId,
          node_id: e.nodeId,
          session: e.session,
          at: e.at,
          cursor: e.cursor,
          outbox_pending: e.outboxPending,
          outbox_oldest_at: e.outboxOldestAt,
          screens_online: e.screensOnline,
          screens_total: e.screensTotal,
        });
      }
    },
    async hallStatuses(): Promise<HallStatusRow[]> {
      return selectHalls.all().map(hallFromRecord);
    },
    async cityCounts(now, windowDays) {
      const since = now - windowDays * 86_400_000;
      return {
        demand: countsByTrade(demandByTrade.all({ now })),
        seekers: countsByTrade(seekersByTrade.all({ since, now })),
        totalSeekers: seekersTotal.get({ since, now })?.n ?? 0,
      };
    },
    async recordCitySnapshot(day, counts, at) {
      snapshotTx(day, counts, at);
    },
    async citySnapshotNear(from, to, target) {
      const found = nearestSnapshotDay.get({ from, to, target });
      return found ? { day: found.day, ...snapshotCounts(snapshotRows.all({ day: found.day })) } : null;
    },
    async ping() {
      pingStmt.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
