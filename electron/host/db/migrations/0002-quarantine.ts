/**
 * Schema 2: upstream changes that failed validation. The sync client stores them here with
 * the reason and moves its cursor past them, so one bad posting never stops a hall, and staff
 * can still see what was refused.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY,
      received_at INTEGER NOT NULL,
      source TEXT NOT NULL,
      seq INTEGER,
      reason TEXT NOT NULL,
      payload TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quarantine_received_at ON quarantine (received_at);
  `);
}
