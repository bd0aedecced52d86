/**
 * Schema 6: the console's data work (postings import, sign-ups, market pulse).
 *
 * - `registrations.contacted_at / contacted_by`: staff mark a sign-up as called back. Added
 *   columns (not a side table) so a purge of the sign-up takes the mark with it.
 * - `signup_purges` records when a retention purge ran and what it removed (counts only, no
 *   personal data), so staff can see the purge is working.
 * - `pulse_snapshots` keep one row per local day and trade (demand, seekers). Sign-ups are
 *   purged after the retention period and expired postings are purged too, so "the same
 *   period last year" can only come from these aggregates, which hold no personal data.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    ALTER TABLE registrations ADD COLUMN contacted_at INTEGER;
    ALTER TABLE registrations ADD COLUMN contacted_by TEXT;
    CREATE TABLE signup_purges (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      cutoff INTEGER NOT NULL,
      removed INTEGER NOT NULL,
      outbox_removed INTEGER NOT NULL,
      outbox_waiting INTEGER NOT NULL,
      by TEXT
    ) STRICT;
    CREATE TABLE pulse_snapshots (
      day TEXT NOT NULL,
      occupation TEXT NOT NULL,
      demand INTEGER NOT NULL,
      seekers INTEGER NOT NULL,
      recorded_at INTEGER NOT NULL,
      PRIMARY KEY (day, occupation)
    ) STRICT;
    CREATE INDEX outbox_type_delivered ON outbox (type, delivered_at);
  `);
}
