/**
 * Schema 7: `listing_changes`, the ids of postings written since the boards last looked.
 *
 * The board planner keeps its own copy of the valid postings (boards/plan-engine.ts) and is
 * fed only what changed: re-reading 20,000 postings for every live change took 440 ms of the
 * host's thread. Triggers record every insert, update and delete, so every writer (the sync
 * client, staff, the import, a second connection) is seen without extra code; the board feed
 * (boards/posting-feed.ts) reads the rows after its last seq and prunes what it has read.
 * `seq` is a plain rowid: the feed always keeps the newest row, so a seq is never reused.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE listing_changes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER listing_changes_insert AFTER INSERT ON listings BEGIN
      INSERT INTO listing_changes (id) VALUES (new.id);
    END;
    CREATE TRIGGER listing_changes_update AFTER UPDATE ON listings BEGIN
      INSERT INTO listing_changes (id) VALUES (new.id);
    END;
    CREATE TRIGGER listing_changes_delete AFTER DELETE ON listings BEGIN
      INSERT INTO listing_changes (id) VALUES (old.id);
    END;
  `);
}
