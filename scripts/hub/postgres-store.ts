/**
 * The hub's PostgreSQL store, for several hub nodes on one database (node-postgres, a pool per
 * node). Same tables and rules as the SQLite store; what differs is how `seq` stays gap-safe
 * when writers on different nodes commit concurrently.
 *
 * Gap safety. Every transaction that appends to the change log first takes one transaction-
 * level advisory lock (`pg_advisory_xact_lock`, held until COMMIT or ROLLBACK), then reads
 * max(seq), writes its rows and its changes max+1…max+k, and commits. So change-log writers
 * run one at a time, in lock order, and a writer allocates N+1 only after the writer of N has
 * committed (or rolled back, taking N with it: no holes). PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so by the time anyone can allocate N+1, every
 * new snapshot already contains N. Hence at every instant the committed seqs are exactly
 * 1…last, and any reader's snapshot — a change-feed page, the fan-out's read — sees a prefix:
 * no hall can be shown N+1 while N is still in flight, and no cursor can pass N.
 *
 * The lock serialises only change-log writers (admin writes, expiry, relayed urgent postings);
 * sign-ups without an effect, page reads and heartbeats never wait for it. At a city's rate of
 * admin changes that costs nothing; the city bench measures it.
 *
 * Each change-log transaction also NOTIFYs `hub_changes` with its last seq; PostgreSQL delivers
 * it to listeners only after the commit (postgres-fanout.ts).
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { Posting } from '../../shared/schemas/posting';
import { LOCK_CHANGE_LOG, LOCK_NAMESPACE, migratePostgresHub } from './migrations/postgres/index';
import {
  changeFromRecord,
  changesPage,
  citySnapshotRows,
  countsByTrade,
  hallFromRecord,
  submissionFromRecord,
  type ChangeRecord,
  type ChangesPage,
  type CityCounts,
  type HallRecord,
  type HallStatusRow,
  type HubChange,
  type HubStore,
  type Submission,
  type SubmissionRecord,
  type UrgentInput,
} from './hub-store';
import { signupFactOf } from './signup-facts';
import { snapshotCounts, type DaySnapshotRow } from '../../shared/pulse/pulse-history';

export const CHANGES_CHANNEL = 'hub_changes';

/** BEGIN, the change-log lock, then the last seq as the lock holder sees it: one round trip. */
const LOCK_AND_LAST = `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCK_CHANGE_LOG}); SELECT coalesce(max(seq), 0)::bigint AS last FROM changes`;

export interface PostgresStoreOptions {
  /** Connections in this node's pool. */
  poolSize?: number;
  /** How long a query waits for a free pooled connection before it fails as busy (default 10 s). */
  connectionWaitMs?: number;
  /** An idle pooled connection failed (the server restarted, the network dropped). */
  onPoolError?: (error: Error) => void;
}

export interface PostgresHubStore extends HubStore {
  readonly kind: 'postgres';
  readonly pool: Pool;
  readonly url: string;
}

/** int8 (seq, ms timestamps) as JS numbers: exact up to 2^53, far beyond any seq or date here. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

export function postgresPoolFor(
  url: string,
  options: { max?: number; applicationName?: string; connectionWaitMs?: number } = {},
): Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: TYPES,
    // pg-pool applies this both to opening a connection and to waiting for a free one
    connectionTimeoutMillis: options.connectionWaitMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'hall-board-hub',
  });
}

/**
 * True for pg-pool's error when no pooled connection came free (or could be opened) in time:
 * the node is saturated, not broken, so a request that meets it is answered 503 "try again"
 * rather than 500. pg-pool gives this error no code; its message has been the same since pg 7.
 */
export function isPoolBusyError(error: unknown): boolean {
  return error instanceof Error && /^timeout exceeded when trying to connect$/.test(error.message);
}

export async function openPostgresHubStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresHubStore> {
  const pool = postgresPoolFor(url, {
    max: options.poolSize ?? 10,
    ...(options.connectionWaitMs ? { connectionWaitMs: options.connectionWaitMs } : {}),
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    await migratePostgresHub(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const { rows } = await pool.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'person_key'");
  return postgresStoreOn(pool, url, rows[0]!.value);
}

function postgresStoreOn(pool: Pool, url: string, personKey: string): PostgresHubStore {
  /** `begin` null: `fn` sends BEGIN itself (with its first statements). */
  async function inTransaction<T>(fn: (db: PoolClient) => Promise<T>, begin: string | null = 'BEGIN'): Promise<T> {
    const db = await pool.connect();
    try {
      if (begin) await db.query(begin);
      const result = await fn(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      db.release();
    }
  }

  /**
   * A change-log write: the lock first (see the header), then `fn`, which appends through
   * `append`; the notification goes out with the commit.
   */
  async function logWrite<T>(fn: (db: PoolClient, append: Appender) => Promise<T>): Promise<T> {
    // The writer holds the lock until COMMIT, so every round trip inside costs every writer:
    // BEGIN, the lock and max(seq) travel as one simple-protocol message (three statements,
    // each with its own snapshot under READ COMMITTED, so max(seq) is read after the lock).
    return inTransaction(async (db) => {
      const results = (await db.query(LOCK_AND_LAST)) as unknown as Array<pg.QueryResult<{ last: number }>>;
      let last = results[2]!.rows[0]!.last;
      const pending: Array<{
        seq: number;
        type: string;
        op: string;
        id: string;
        data: string | null;
        createdAt: number;
      }> = [];
      const append: Appender = (type, op, id, data, now) => {
        pending.push({ seq: ++last, type, op, id, data, createdAt: now });
        return changeFromRecord({ seq: last, type, op, id, data });
      };
      const result = await fn(db, append);
      if (pending.length > 0) {
        await db.query(
          `WITH appended AS (
             INSERT INTO changes (seq, type, op, id, data, created_at)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
           )
           SELECT pg_notify($7, $8)`,
          [
            pending.map((p) => p.seq),
            pending.map((p) => p.type),
            pending.map((p) => p.op),
            pending.map((p) => p.id),
            pending.map((p) => p.data),
            pending.map((p) => p.createdAt),
            CHANGES_CHANNEL,
            String(last),
          ],
        );
      }
      return result;
    }, null);
  }

  async function upsertUrgentIn(
    db: PoolClient,
    append: Appender,
    notice: UrgentInput,
    now: number,
  ): Promise<HubChange> {
    const { rows } = await db.query<{ revision: number }>('SELECT revision FROM urgent WHERE id = $1', [notice.id]);
    const revision = (rows[0]?.revision ?? 0) + 1;
    const data = JSON.stringify({ ...notice, revision, updatedAt: new Date(now).toISOString() });
    await db.query(
      'INSERT INTO urgent (id, revision, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, data = excluded.data',
      [notice.id, revision, data],
    );
    return append('urgent', 'upsert', notice.id, data, now);
  }

  async function retractUrgentIn(db: PoolClient, append: Appender, id: string, now: number): Promise<HubChange | null> {
    const { rowCount } = await db.query('SELECT 1 FROM urgent WHERE id = $1', [id]);
    return rowCount ? append('urgent', 'delete', id, null, now) : null;
  }

  return {
    kind: 'postgres',
    pool,
    url,

    upsertPostings: (postings, now) =>
      logWrite(async (db, append) => {
        if (postings.length === 0) return [];
        const ids = [...new Set(postings.map((l) => l.id))];
        const { rows } = await db.query<{ id: string; revision: number }>(
          'SELECT id, revision FROM listings WHERE id = ANY($1::text[])',
          [ids],
        );
        const held = new Map(rows.map((r) => [r.id, r.revision]));
        const updatedAt = new Date(now).toISOString();
        const out: HubChange[] = [];
        // One row per id (the last write of a batch wins), one change per posting sent.
        const finalRows = new Map<
          string,
          {
            revision: number;
            validUntilMs: number;
            data: string;
            occupation: string;
            headcount: number;
            validFromMs: number;
          }
        >();
        for (const l of postings) {
          const revision = Math.max(l.revision, (held.get(l.id) ?? 0) + 1);
          held.set(l.id, revision);
          const data = JSON.stringify({ ...l, revision, updatedAt } satisfies Posting);
          finalRows.set(l.id, {
            revision,
            validUntilMs: Date.parse(l.validUntil),
            data,
            occupation: l.occupation,
            headcount: l.headcount,
            validFromMs: Date.parse(l.validFrom),
          });
          out.push(append('listing', 'upsert', l.id, data, now));
        }
        const entries = [...finalRows];
        const columns = [
          entries.map(([id]) => id),
          entries.map(([, r]) => r.revision),
          entries.map(([, r]) => r.validUntilMs),
          entries.map(([, r]) => r.data),
        ];
        await db.query(
          `INSERT INTO listings (id, revision, valid_until_ms, deleted, data, occupation, headcount, valid_from_ms)
           SELECT id, revision, valid_until_ms, false, data, occupation, headcount, valid_from_ms
             FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::bigint[]) AS t (id, revision, valid_until_ms, data, occupation, headcount, valid_from_ms)
           ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, valid_until_ms = excluded.valid_until_ms, deleted = false, data = excluded.data,
             occupation = excluded.occupation, headcount = excluded.headcount, valid_from_ms = excluded.valid_from_ms`,
          [
            ...columns,
            entries.map(([, r]) => r.occupation),
            entries.map(([, r]) => r.headcount),
            entries.map(([, r]) => r.validFromMs),
          ],
        );
        return out;
      }),

    deletePosting: (id, now) =>
      logWrite(async (db, append) => {
        const { rowCount } = await db.query('UPDATE listings SET deleted = true WHERE id = $1 AND NOT deleted', [id]);
        return rowCount ? append('listing', 'delete', id, null, now) : null;
      }),

    async expirePostings(now) {
      // Every node sweeps; only one with something to expire takes the lock.
      const due = await pool.query('SELECT 1 FROM listings WHERE NOT deleted AND valid_until_ms <= $1 LIMIT 1', [now]);
      if (!due.rowCount) return [];
      return logWrite(async (db, append) => {
        const { rows } = await db.query<{ id: string }>(
          'UPDATE listings SET deleted = true WHERE NOT deleted AND valid_until_ms <= $1 RETURNING id, valid_until_ms',
          [now],
        );
        const ordered = (rows as Array<{ id: string; valid_until_ms: number }>).sort(
          (a, b) => a.valid_until_ms - b.valid_until_ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
        return ordered.map((r) => append('listing', 'delete', r.id, null, now));
      });
    },

    upsertUrgent: (notice, now) => logWrite((db, append) => upsertUrgentIn(db, append, notice, now)),
    retractUrgent: (id, now) => logWrite((db, append) => retractUrgentIn(db, append, id, now)),

    async getPosting(id) {
      const { rows } = await pool.query<{ data: string }>('SELECT data FROM listings WHERE id = $1 AND NOT deleted', [
        id,
      ]);
      return rows[0] ? (JSON.parse(rows[0].data) as Posting) : undefined;
    },
    async getPostings(ids) {
      const out = new Map<string, Posting>();
      if (ids.length === 0) return out;
      const { rows } = await pool.query<{ id: string; data: string }>(
        'SELECT id, data FROM listings WHERE id = ANY($1::text[]) AND NOT deleted',
        [[...new Set(ids)]],
      );
      for (const r of rows) out.set(r.id, JSON.parse(r.data) as Posting);
      return out;
    },
    async allPostings() {
      const { rows } = await pool.query<{ id: string; data: string }>(
        'SELECT id, data FROM listings WHERE NOT deleted',
      );
      return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as Posting]));
    },
    async countPostings() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM listings WHERE NOT deleted');
      return rows[0]!.n;
    },

    appendRawChange: (change, now) =>
      logWrite(async (_db, append) =>
        append(change.type, change.op, change.id, change.data === undefined ? null : JSON.stringify(change.data), now),
      ),

    async changesPageJson(since, limit) {
      // One statement, one snapshot: the page and lastSeq agree, and the snapshot is a prefix.
      const { rows } = await pool.query<{ body: string; n: number; through: number | null; last_seq: number }>(
        `WITH page AS (SELECT seq, type, op, id, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2)
         SELECT coalesce(string_agg(
                  '{"seq":' || seq || ',"type":' || to_json(type)::text || ',"op":' || to_json(op)::text || ',"id":' || to_json(id)::text
                    || coalesce(',"data":' || data, '') || '}',
                  ',' ORDER BY seq), '') AS body,
                count(*)::int AS n, max(seq) AS through,
                (SELECT coalesce(max(seq), 0) FROM changes) AS last_seq
           FROM page`,
        [since, limit],
      );
      const { body, n, through, last_seq: lastSeq } = rows[0]!;
      const hasMore = n > 0 && through !== null && lastSeq > through;
      return Buffer.from(`{"changes":[${body}],"lastSeq":${lastSeq},"hasMore":${hasMore}}`, 'utf8');
    },

    async changesSince(since, limit): Promise<ChangesPage> {
      return inTransaction(async (db) => {
        const { rows } = await db.query<ChangeRecord>(
          'SELECT seq, type, op, id, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2',
          [since, limit + 1],
        );
        const last = await db.query<{ last: number }>('SELECT coalesce(max(seq), 0) AS last FROM changes');
        return changesPage(rows, limit, last.rows[0]!.last);
      }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },

    async lastSeq() {
      const { rows } = await pool.query<{ last: number }>('SELECT coalesce(max(seq), 0) AS last FROM changes');
      return rows[0]!.last;
    },

    async addSubmission(s, effect) {
      const payload = JSON.stringify(s.payload ?? null);
      // Insert, or count one more arrival of the same id, in one statement: two nodes receiving
      // the same item at once serialise on its row, and exactly one of them sees inserted.
      const fact = signupFactOf(s.type, s.payload, s.receivedAt, personKey);
      const store = async (db: Pool | PoolClient) => {
        const { rows } = await db.query<{ inserted: boolean }>(
          `INSERT INTO submissions (id, hall_id, type, payload, received_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET received_count = submissions.received_count + 1
           RETURNING (xmax = 0) AS inserted`,
          [s.id, s.hallId, s.type, payload, s.receivedAt],
        );
        const inserted = rows[0]!.inserted;
        if (inserted && fact) {
          await db.query(
            'INSERT INTO signups (id, hall_id, person, occupations, listing_id, signed_up_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
            [s.id, s.hallId, fact.person, fact.occupations, fact.listingId, fact.signedUpAt],
          );
        }
        return inserted;
      };
      // A sign-up's facts commit with it: one transaction, but no change-log lock.
      if (!effect) return { inserted: fact ? await inTransaction(store) : await store(pool), changes: [] };
      return logWrite(async (db, append) => {
        const inserted = await store(db);
        const changes: HubChange[] = [];
        if (inserted && effect.kind === 'upsert-urgent')
          changes.push(await upsertUrgentIn(db, append, effect.notice, s.receivedAt));
        else if (inserted && effect.kind === 'retract-urgent') {
          const c = await retractUrgentIn(db, append, effect.id, s.receivedAt);
          if (c) changes.push(c);
        }
        return { inserted, changes };
      });
    },

    async submissions(after = '', limit = 1000, type: string | null = null): Promise<Submission[]> {
      const { rows } = await pool.query<SubmissionRecord>(
        'SELECT id, hall_id, type, payload, received_at, received_count FROM submissions WHERE id > $1 AND ($3::text IS NULL OR type = $3) ORDER BY id LIMIT $2',
        [after, limit, type],
      );
      return rows.map(submissionFromRecord);
    },
    async countSubmissions() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
      return rows[0]!.n;
    },

    async recordHall(e) {
      if (e.kind === 'connected') {
        await pool.query(
          `INSERT INTO halls (hall_id, node_id, session, connected, connected_at, last_seen_at, cursor) VALUES ($1, $2, $3, true, $4, $4, $5)
           ON CONFLICT (hall_id) DO UPDATE SET node_id = excluded.node_id, session = excluded.session, connected = true,
             connected_at = excluded.connected_at, last_seen_at = excluded.last_seen_at, cursor = excluded.cursor`,
          [e.hallId, e.nodeId, e.session, e.at, e.cursor],
        );
      } else if (e.kind === 'disconnected') {
        await pool.query('UPDATE halls SET connected = false, last_seen_at = $3 WHERE hall_id = $1 AND session = $2', [
          e.hallId,
          e.session,
          e.at,
        ]);
      } else {
        await pool.query(
          `INSERT INTO halls (hall_id, node_id, session, connected, connected_at, last_seen_at, cursor, outbox_pending, outbox_oldest_at, screens_online, screens_total)
           VALUES ($1, $2, $3, true, $4, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (hall_id) DO UPDATE SET node_id = excluded.node_id, session = excluded.session, connected = true, last_seen_at = excluded.last_seen_at,
             cursor = excluded.cursor, outbox_pending = excluded.outbox_pending, outbox_oldest_at = excluded.outbox_oldest_at,
             screens_online = excluded.screens_online, screens_total = excluded.screens_total`,
          [
            e.hallId,
            e.nodeId,
            e.session,
            e.at,
            e.cursor,
            e.outboxPending,
            e.outboxOldestAt,
            e.screensOnline,
            e.screensTotal,
          ],
        );
      }
    },
    async hallStatuses(): Promise<HallStatusRow[]> {
      const { rows } = await pool.query<HallRecord>('SELECT * FROM halls ORDER BY hall_id COLLATE "C"');
      return rows.map(hallFromRecord);
    },
    async cityCounts(now, windowDays): Promise<CityCounts> {
      const since = now - windowDays * 86_400_000;
      // one snapshot for the three figures
      return inTransaction(async (db) => {
        const demand = await db.query<{ occupation: string; n: number }>(
          `SELECT occupation, sum(headcount)::int AS n FROM listings
            WHERE NOT deleted AND valid_from_ms <= $1 AND valid_until_ms > $1 GROUP BY occupation`,
          [now],
        );
        const seekers = await db.query<{ occupation: string; n: number }>(
          `WITH recent AS (
             SELECT person, occupations, listing_id FROM signups WHERE signed_up_at >= $1 AND signed_up_at <= $2
           ), pairs AS (
             SELECT unnest(r.occupations) AS occupation, r.person FROM recent r
             UNION
             SELECT l.occupation, r.person FROM recent r JOIN listings l ON l.id = r.listing_id WHERE cardinality(r.occupations) = 0
           )
           SELECT occupation, count(DISTINCT person)::int AS n FROM pairs GROUP BY occupation`,
          [since, now],
        );
        const total = await db.query<{ n: number }>(
          'SELECT count(DISTINCT person)::int AS n FROM signups WHERE signed_up_at >= $1 AND signed_up_at <= $2',
          [since, now],
        );
        return {
          demand: countsByTrade(demand.rows),
          seekers: countsByTrade(seekers.rows),
          totalSeekers: total.rows[0]!.n,
        };
      }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },
    async recordCitySnapshot(day, counts, at) {
      await inTransaction(async (db) => {
        await db.query('DELETE FROM city_snapshots WHERE day = $1', [day]);
        const rows = citySnapshotRows(counts);
        await db.query(
          `INSERT INTO city_snapshots (day, occupation, demand, seekers, recorded_at)
           SELECT $1, occupation, demand, seekers, $5 FROM unnest($2::text[], $3::int[], $4::int[]) AS t (occupation, demand, seekers)`,
          [day, rows.map((r) => r.occupation), rows.map((r) => r.demand), rows.map((r) => r.seekers), at],
        );
      });
    },
    async citySnapshotNear(from, to, target) {
      const found = await pool.query<{ day: string }>(
        `SELECT day FROM city_snapshots WHERE day BETWEEN $1 AND $2
          GROUP BY day ORDER BY abs(day::date - $3::date), day LIMIT 1`,
        [from, to, target],
      );
      const day = found.rows[0]?.day;
      if (!day) return null;
      const { rows } = await pool.query<DaySnapshotRow>(
        'SELECT occupation, demand, seekers FROM city_snapshots WHERE day = $1',
        [day],
      );
      return { day, ...snapshotCounts(rows) };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

type Appender = (type: string, op: string, id: string, dataJson: string | null, now: number) => HubChange;
