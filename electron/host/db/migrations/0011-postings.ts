/**
 * Schema 11: one word for one thing. A job ad is a *posting* everywhere in the code (README,
 * "Architecture"), so its tables say so too: `listings` becomes `postings`, `listing_changes`
 * `posting_changes`, the full-text index `postings_fts` with its queue `postings_fts_pending`,
 * and the indexes and triggers follow. Rows and columns are untouched (`listing_id` columns keep
 * the wire's field name `listingId`).
 *
 * A rename in SQLite moves a table's rows, indexes and constraints, but not an FTS5 table's
 * `content = '…'` option, which names the table it reads rows from. So the full-text index is
 * made afresh over `postings` and every row is queued for it: the search indexer
 * (db/search-indexer.ts) fills it in small batches after the upgrade commits, and until then
 * search covers the queued rows by scanning them, as it does for any freshly written row.
 */
import type { Database } from '../handles';
import { FTS_COLUMNS } from './0001-initial';

export function migrate(db: Database): void {
  const cols = FTS_COLUMNS.join(', ');
  const oldCols = FTS_COLUMNS.map((c) => `old.${c}`).join(', ');
  db.exec(`
    DROP TRIGGER listings_fts_insert;
    DROP TRIGGER listings_fts_delete;
    DROP TRIGGER listings_fts_update;
    DROP TRIGGER listing_changes_insert;
    DROP TRIGGER listing_changes_update;
    DROP TRIGGER listing_changes_delete;
    DROP TABLE listings_fts;

    ALTER TABLE listings RENAME TO postings;
    ALTER TABLE listings_fts_pending RENAME TO postings_fts_pending;
    ALTER TABLE listing_changes RENAME TO posting_changes;

    DROP INDEX listings_valid_until;
    DROP INDEX listings_occupation;
    DROP INDEX listings_district;
    DROP INDEX listings_kiosk_order;
    CREATE INDEX postings_valid_until ON postings (valid_until_ms);
    CREATE INDEX postings_occupation ON postings (occupation, valid_until_ms);
    CREATE INDEX postings_district ON postings (district_code, valid_until_ms);
    CREATE INDEX postings_kiosk_order ON postings (urgent DESC, valid_from_ms DESC, id);

    CREATE VIRTUAL TABLE postings_fts USING fts5 (
      ${cols},
      content = 'postings',
      content_rowid = 'rowid',
      tokenize = 'trigram'
    );
    -- the new index is empty: every row waits for the search indexer
    INSERT OR IGNORE INTO postings_fts_pending (rowid) SELECT rowid FROM postings;

    CREATE TRIGGER postings_fts_insert AFTER INSERT ON postings BEGIN
      INSERT INTO postings_fts_pending (rowid) VALUES (new.rowid);
    END;
    CREATE TRIGGER postings_fts_delete AFTER DELETE ON postings BEGIN
      INSERT INTO postings_fts (postings_fts, rowid, ${cols})
        SELECT 'delete', old.rowid, ${oldCols} WHERE NOT EXISTS (SELECT 1 FROM postings_fts_pending WHERE rowid = old.rowid);
      DELETE FROM postings_fts_pending WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER postings_fts_update AFTER UPDATE OF ${cols} ON postings BEGIN
      INSERT INTO postings_fts (postings_fts, rowid, ${cols})
        SELECT 'delete', old.rowid, ${oldCols} WHERE NOT EXISTS (SELECT 1 FROM postings_fts_pending WHERE rowid = old.rowid);
      INSERT INTO postings_fts_pending (rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM postings_fts_pending WHERE rowid = new.rowid);
    END;

    CREATE TRIGGER posting_changes_insert AFTER INSERT ON postings BEGIN
      INSERT INTO posting_changes (id) VALUES (new.id);
    END;
    CREATE TRIGGER posting_changes_update AFTER UPDATE ON postings BEGIN
      INSERT INTO posting_changes (id) VALUES (new.id);
    END;
    CREATE TRIGGER posting_changes_delete AFTER DELETE ON postings BEGIN
      INSERT INTO posting_changes (id) VALUES (old.id);
    END;
  `);
}
