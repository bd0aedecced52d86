/**
 * SQLite schema 1: the reference hub's tables as they were before numbered migrations. Written
 * with IF NOT EXISTS so a hub.db made by an older hub (user_version 0, same tables) is adopted
 * as version 1 without touching its rows.
 */
import type BetterSqlite3 from 'better-sqlite3';

export function migrate(db: BetterSqlite3.Database): void {
  db.exec(`
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
  `);
}
