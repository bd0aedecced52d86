/**
 * The outbox table: items the hall must deliver upstream exactly once.
 *
 * `enqueueOutbox(db, item)` is the one write other stores use. It runs on whatever
 * connection it is given, so called inside another store's transaction (a sign-up and its
 * outbox row) it commits or rolls back with that transaction — never one without the other.
 */
import { uuidv7 } from 'uuidv7';
import type { Database, WritableDatabase } from '../db/handles';

export interface OutboxItemInput {
  /** Defaults to a fresh UUIDv7; give one to make a retried enqueue idempotent. */
  id?: string;
  /** Lower-case name like `registration` or `test.ping`. */
  type: string;
  /** Any JSON-able value. */
  payload: unknown;
}

export interface OutboxItem {
  id: string;
  type: string;
  payload: unknown;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  deliveredAt: number | null;
}

interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  delivered_at: number | null;
}

export class OutboxError extends Error {
  override name = 'OutboxError';
}

const TYPE = /^[a-z][a-z0-9._-]{0,63}$/;
const MAX_PAYLOAD_CHARS = 256 * 1024;

// Statements are prepared once per connection; enqueue is called from hot paths.
const insertStatements = new WeakMap<Database, ReturnType<typeof prepareInsert>>();
function prepareInsert(db: Database) {
  return db.prepare<{ id: string; type: string; payload: string; created_at: number }>(
    'INSERT INTO outbox (id, type, payload, created_at) VALUES (@id, @type, @payload, @created_at) ON CONFLICT (id) DO NOTHING',
  );
}

/** Adds one item; joins the caller's transaction when there is one. Returns the item id. */
export function enqueueOutbox(db: WritableDatabase, item: OutboxItemInput, now: number = Date.now()): string {
  if (!TYPE.test(item.type))
    throw new OutboxError(`enqueueOutbox: type "${item.type}" must be a lower-case name (a-z 0-9 . _ -)`);
  const payload = JSON.stringify(item.payload ?? null);
  if (payload.length > MAX_PAYLOAD_CHARS) {
    throw new OutboxError(`enqueueOutbox: payload of ${payload.length} characters exceeds ${MAX_PAYLOAD_CHARS}`);
  }
  let insert = insertStatements.get(db);
  if (!insert) {
    insert = prepareInsert(db);
    insertStatements.set(db, insert);
  }
  const id = item.id ?? uuidv7();
  insert.run({ id, type: item.type, payload, created_at: Math.trunc(now) });
  return id;
}

export interface OutboxStore {
  enqueue(item: OutboxItemInput, now?: number): string;
  /** Undelivered items due at `now`, oldest first. */
  due(now: number, limit: number): OutboxItem[];
  markDelivered(id: string, now: number): void;
  markFailed(id: string, error: string, nextAttemptAt: number): void;
  /** Makes every undelivered item due now (the link came back; waiting longer helps nobody). */
  retryAllNow(): void;
  pendingCount(): number;
  get(id: string): OutboxItem | undefined;
}

function fromRow(r: OutboxRow): OutboxItem {
  return {
    id: r.id,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
  };
}

export function createOutboxStore(db: WritableDatabase): OutboxStore {
  const selectDue = db.prepare<{ now: number; limit: number }, OutboxRow>(
    'SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit',
  );
  const delivered = db.prepare<{ id: string; now: number }>(
    'UPDATE outbox SET delivered_at = @now, last_error = NULL WHERE id = @id AND delivered_at IS NULL',
  );
  const failed = db.prepare<{ id: string; error: string; next: number }>(
    'UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = @id AND delivered_at IS NULL',
  );
  const resetAll = db.prepare(
    'UPDATE outbox SET next_attempt_at = 0 WHERE delivered_at IS NULL AND next_attempt_at > 0',
  );
  const countPending = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL');
  const selectOne = db.prepare<{ id: string }, OutboxRow>('SELECT * FROM outbox WHERE id = @id');
  return {
    enqueue: (item, now) => enqueueOutbox(db, item, now),
    due: (now, limit) => selectDue.all({ now, limit }).map(fromRow),
    markDelivered: (id, now) => void delivered.run({ id, now }),
    markFailed: (id, error, next) => void failed.run({ id, error: error.slice(0, 500), next }),
    retryAllNow: () => void resetAll.run(),
    pendingCount: () => countPending.get()?.n ?? 0,
    get(id) {
      const row = selectOne.get({ id });
      return row ? fromRow(row) : undefined;
    },
  };
}
