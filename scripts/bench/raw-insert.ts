/**
 * The baseline the ingest benchmarks compare with: a raw better-sqlite3 bulk insert of the same
 * rows into the same schema, in one transaction, with the rows mapped before the clock starts —
 * the floor for these rows in this schema.
 */
import { join } from 'node:path';
import type { Listing } from '../../shared/schemas/listing';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { LISTING_PARAM_COLUMNS, listingToParams } from '../../electron/host/db/listing-row';

export function rawInsertMs(dir: string, listings: readonly Listing[], options: { fullText: boolean } = { fullText: true }): number {
  const db = openDatabase(join(dir, options.fullText ? 'raw.db' : 'raw-no-fts.db'));
  try {
    // without the trigger the same insert shows what the full-text backlog costs
    if (!options.fullText) db.exec('DROP TRIGGER listings_fts_insert');
    const rows = listings.map((l) => {
      const params = listingToParams(l);
      return LISTING_PARAM_COLUMNS.map((c) => params[c]);
    });
    const insert = db.prepare(`INSERT INTO listings (${LISTING_PARAM_COLUMNS.join(', ')}) VALUES (${LISTING_PARAM_COLUMNS.map(() => '?').join(', ')})`);
    const started = performance.now();
    db.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    return performance.now() - started;
  } finally {
    closeDatabase(db);
  }
}
