/**
 * Schema 3: the outbox. Everything the hall sends upstream (sign-ups, staff postings) is
 * written here in the same transaction as the data it carries, then pumped to the hub with
 * ack + retry. Delivered rows stay (with delivered_at) as the local record of what went up;
 * nothing is removed before the hub has acked it.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE outbox (
      -- UUIDv7: unique across halls, dedupes upstream, and sorts by creation time
      id TEXT PRIMARY KEY NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      delivered_at INTEGER
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;
  `);
}
