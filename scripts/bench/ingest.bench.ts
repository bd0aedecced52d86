/**
 * Ingest benchmark (store part of the sync path): 100 000 generated postings written through
 * `ListingStore.upsertMany` in batches of one catch-up page (5 000), each batch with its cursor
 * in the same transaction and checkpoints held off until the end — as the sync client writes
 * them — against a raw better-sqlite3 bulk insert of the same rows into the same schema (same
 * indexes and FTS triggers) in one transaction.
 * Targets: the store reaches at least half the raw rate, and 100k postings take under 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateListings } from '../demo/generate-listings';
import { closeDatabase, openDatabase } from '../../electron/host/db/open-database';
import { createListingStore } from '../../electron/host/db/listing-store';
import { beginBulkWrites } from '../../electron/host/db/bulk-writes';
import { DEFAULT_SYNC_TUNING } from '../../electron/host/sync/sync-client';
import type { Listing } from '../../shared/schemas/listing';
import { rawInsertMs } from './raw-insert';

const POSTINGS = 100_000;
const BATCH = DEFAULT_SYNC_TUNING.pageSize;
const TARGET_RATIO = 0.5;
const TARGET_MS = 3_000;
const NOW = Date.parse('2026-11-27T00:00:00+08:00');

function viaStore(dir: string, listings: readonly Listing[]): number {
  const db = openDatabase(join(dir, 'store.db'));
  try {
    const store = createListingStore(db, { clock: () => NOW });
    const started = performance.now();
    const endBulkWrites = beginBulkWrites(db);
    for (let i = 0; i < listings.length; i += BATCH) {
      store.upsertMany(listings.slice(i, i + BATCH), { cursor: Math.min(i + BATCH, listings.length) });
    }
    endBulkWrites();
    const ms = performance.now() - started;
    if (store.count() !== listings.length) throw new Error(`ingest.bench: store holds ${store.count()} postings, expected ${listings.length}`);
    return ms;
  } finally {
    closeDatabase(db);
  }
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const listings = generateListings(POSTINGS, { seed: 20261127, now: NOW });
  const dir = mkdtempSync(join(tmpdir(), 'hall-ingest-bench-'));
  try {
    const rawMs = rawInsertMs(dir, listings, { fullText: true });
    const rawNoFtsMs = rawInsertMs(dir, listings, { fullText: false });
    const storeMs = viaStore(dir, listings);
    const storeRate = Math.round((POSTINGS / storeMs) * 1000);
    const rawRate = Math.round((POSTINGS / rawMs) * 1000);
    const ratio = Math.round((storeRate / rawRate) * 100) / 100;
    return [
      {
        name: `ingest: upsertMany, batches of ${BATCH} with cursor, one checkpoint at the end (WAL file)`,
        postings: POSTINGS,
        ms: Math.round(storeMs),
        postingsPerSecond: storeRate,
        targetMs: TARGET_MS,
        ok: storeMs < TARGET_MS,
      },
      {
        name: 'ingest: raw better-sqlite3 insert, one transaction (same schema)',
        postings: POSTINGS,
        ms: Math.round(rawMs),
        postingsPerSecond: rawRate,
      },
      {
        name: 'ingest: raw insert without the trigram full-text index (for reference)',
        postings: POSTINGS,
        ms: Math.round(rawNoFtsMs),
        postingsPerSecond: Math.round((POSTINGS / rawNoFtsMs) * 1000),
      },
      {
        name: 'ingest: store vs raw throughput',
        ratio,
        targetRatio: TARGET_RATIO,
        ok: ratio >= TARGET_RATIO,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
