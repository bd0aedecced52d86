/**
 * The baseline the ingest benchmarks compare with: a raw better-sqlite3 bulk insert of the same
 * rows into the same schema, in one transaction, with the rows mapped before the clock starts —
 * the floor for these rows in this schema. `fullText`:
 * - 'queued' (the schema as is): the insert trigger queues each row for the full-text index;
 * - 'indexed': the same, then the whole index built in one statement and the queue emptied,
 *   the floor for postings that are also searchable by the trigram index;
 * - 'no-queue': without the queue trigger, to show what queueing itself costs.
 */
import { join } from 'node:path';
import type { Posting } from '../../shared/schemas/posting';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { LISTING_PARAM_COLUMNS, postingToParams } from '../../electron/host/db/posting-row';
import { FTS_COLUMNS } from '../../electron/host/db/migrations/0001-initial';

export type RawFullText = 'queued' | 'indexed' | 'no-queue';

export interface RawInsert {
  /** The insert's transaction. */
  insertMs: number;
  /** Building the full-text index afterwards ('indexed' only, else 0). */
  indexMs: number;
}

export function rawInsert(dir: string, postings: readonly Posting[], fullText: RawFullText = 'queued'): RawInsert {
  const db = openDatabase(join(dir, `raw-${fullText}.db`));
  try {
    if (fullText === 'no-queue') db.exec('DROP TRIGGER listings_fts_insert');
    const rows = postings.map((l) => {
      const params = postingToParams(l);
      return LISTING_PARAM_COLUMNS.map((c) => params[c]);
    });
    const insert = db.prepare(
      `INSERT INTO postings (${LISTING_PARAM_COLUMNS.join(', ')}) VALUES (${LISTING_PARAM_COLUMNS.map(() => '?').join(', ')})`,
    );
    const cols = FTS_COLUMNS.join(', ');
    const started = performance.now();
    db.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    const inserted = performance.now();
    if (fullText === 'indexed') {
      db.transaction(() => {
        db.exec(
          `INSERT INTO postings_fts (rowid, ${cols}) SELECT rowid, ${cols} FROM postings; DELETE FROM postings_fts_pending;`,
        );
      })();
    }
    return { insertMs: inserted - started, indexMs: fullText === 'indexed' ? performance.now() - inserted : 0 };
  } finally {
    closeDatabase(db);
  }
}

/** The insert alone, schema as is (what the benches compared with before the index counted). */
export function rawInsertMs(dir: string, postings: readonly Posting[]): number {
  return rawInsert(dir, postings, 'queued').insertMs;
}
