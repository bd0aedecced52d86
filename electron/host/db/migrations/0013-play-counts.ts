/**
 * Schema 13: proof of play (electron/host/play/). For every posting, per screen and per hall
 * day, how many times it was on a painted page and for how many milliseconds. Counts only: no
 * personal data. One row per (day, screen, posting), so the table grows with what was shown,
 * not with heartbeats; rows older than the retention period are purged.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE play_counts (
      day TEXT NOT NULL,
      screen_id TEXT NOT NULL,
      posting_id TEXT NOT NULL,
      shows INTEGER NOT NULL DEFAULT 0 CHECK (shows >= 0),
      shown_ms INTEGER NOT NULL DEFAULT 0 CHECK (shown_ms >= 0),
      PRIMARY KEY (day, screen_id, posting_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX play_counts_posting ON play_counts (posting_id, day);
  `);
}
