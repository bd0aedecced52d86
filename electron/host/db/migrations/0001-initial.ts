/**
 * Schema 1: listings, their trigram full-text index, and a key/value meta table.
 *
 * Timestamps are kept twice: the ISO text as upstream sent it (round-trips exactly) and ms
 * integers, which the validity filters use through the indexes below.
 * The FTS table is external-content over `listings`. Indexing a row is the expensive part of
 * writing it (trigram tokenising took two thirds of a 100k-posting ingest), so triggers only
 * record new and changed rows in `listings_fts_pending`; the search indexer
 * (db/search-indexer.ts) moves them into the FTS table in small batches right after the write
 * commits, and search covers the rows still pending by scanning them (see posting-search.ts).
 * Triggers still remove a row's indexed text on update and delete, so every writer (the store,
 * a migration, a test poking rows) keeps the index right without extra code.
 */
import type { Database } from '../handles';

export const FTS_COLUMNS = [
  'title',
  'employer_name',
  'description',
  'requirements',
  'address',
  'work_time',
  'district_name',
];

export function migrate(db: Database): void {
  const cols = FTS_COLUMNS.join(', ');
  const oldCols = FTS_COLUMNS.map((c) => `old.${c}`).join(', ');
  db.exec(`
    CREATE TABLE listings (
      id TEXT PRIMARY KEY NOT NULL,
      employer_name TEXT NOT NULL,
      employer_kind TEXT NOT NULL,
      employer_verified INTEGER NOT NULL,
      title TEXT NOT NULL,
      occupation TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      requirements TEXT NOT NULL DEFAULT '',
      pay_min REAL NOT NULL,
      pay_max REAL,
      pay_unit TEXT NOT NULL,
      settlement TEXT NOT NULL,
      headcount INTEGER NOT NULL,
      employment_type TEXT NOT NULL,
      district_code TEXT NOT NULL,
      -- denormalised so that full-text search finds '信州' in postings of 信州区
      district_name TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      work_time TEXT NOT NULL DEFAULT '',
      contact_name TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL,
      mask_phone INTEGER NOT NULL DEFAULT 0,
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      valid_from_ms INTEGER NOT NULL,
      valid_until_ms INTEGER NOT NULL,
      urgent INTEGER NOT NULL DEFAULT 0,
      source TEXT NOT NULL,
      revision INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      -- set by staff to take a posting off the boards locally; upstream updates keep it
      hidden INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE INDEX listings_valid_until ON listings (valid_until_ms);
    CREATE INDEX listings_occupation ON listings (occupation, valid_until_ms);
    CREATE INDEX listings_district ON listings (district_code, valid_until_ms);

    CREATE VIRTUAL TABLE listings_fts USING fts5 (
      ${cols},
      content = 'listings',
      content_rowid = 'rowid',
      tokenize = 'trigram'
    );

    -- rows written but not yet in listings_fts; the search indexer drains it
    CREATE TABLE listings_fts_pending (rowid INTEGER PRIMARY KEY) STRICT;

    -- A new row's rowid cannot be pending: the delete trigger clears a rowid before reuse.
    CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
      INSERT INTO listings_fts_pending (rowid) VALUES (new.rowid);
    END;
    CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
      INSERT INTO listings_fts (listings_fts, rowid, ${cols})
        SELECT 'delete', old.rowid, ${oldCols} WHERE NOT EXISTS (SELECT 1 FROM listings_fts_pending WHERE rowid = old.rowid);
      DELETE FROM listings_fts_pending WHERE rowid = old.rowid;
    END;
    -- only when searchable text changes: hiding a posting must not touch its index entry
    CREATE TRIGGER listings_fts_update AFTER UPDATE OF ${cols} ON listings BEGIN
      INSERT INTO listings_fts (listings_fts, rowid, ${cols})
        SELECT 'delete', old.rowid, ${oldCols} WHERE NOT EXISTS (SELECT 1 FROM listings_fts_pending WHERE rowid = old.rowid);
      -- NOT EXISTS, not OR IGNORE: an upsert's own conflict policy would override the trigger's
      INSERT INTO listings_fts_pending (rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM listings_fts_pending WHERE rowid = new.rowid);
    END;

    CREATE TABLE meta (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
