/**
 * PostgreSQL schema 1: the same tables as SQLite's schema 1. `changes.seq` has no sequence or
 * identity: the writer that holds the change-log lock takes max(seq) + 1 (postgres-store.ts),
 * so a rolled-back write leaves no hole and seqs commit in order.
 */
import type { PoolClient } from 'pg';

export async function migrate(db: PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE listings (
      id text PRIMARY KEY,
      revision integer NOT NULL,
      valid_until_ms bigint NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      data text NOT NULL
    );
    CREATE INDEX listings_live_until ON listings (valid_until_ms) WHERE NOT deleted;
    CREATE TABLE urgent (
      id text PRIMARY KEY,
      revision integer NOT NULL,
      data text NOT NULL
    );
    CREATE TABLE changes (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      type text NOT NULL,
      op text NOT NULL,
      id text NOT NULL,
      data text,
      created_at bigint NOT NULL
    );
    -- byte order, like SQLite's: the audit route pages by id whatever the server's locale
    CREATE TABLE submissions (
      id text COLLATE "C" PRIMARY KEY,
      hall_id text NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      received_at bigint NOT NULL,
      received_count integer NOT NULL DEFAULT 1
    );
  `);
}
