/** A real hall host started in this process on a free port, with a fresh data dir. */
import { join } from 'node:path';
import { pino } from 'pino';
import { hallOptionsFrom } from '../../electron/host/config';
import { startHall, type Hall, type HallDeps } from '../../electron/host/hall';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createListingStore } from '../../electron/host/db/listing-store';
import type { Listing } from '../../shared/schemas/listing';
import { freshDataDir } from './hall-process';

export const quietLog = pino({ level: 'silent' });

export async function startTestHall(options: { dataDir?: string; argv?: string[]; deps?: HallDeps } = {}): Promise<Hall & { dataDir: string }> {
  const dataDir = options.dataDir ?? freshDataDir();
  const hall = await startHall(hallOptionsFrom(['--port', '0', '--data', dataDir, ...(options.argv ?? [])], {}), { log: quietLog, ...options.deps });
  return Object.assign(hall, { dataDir });
}

/** Writes postings through a second connection, as another writer (the sync client) would. */
export function writeListings(dataDir: string, listings: Listing[], remove: string[] = []): void {
  const db = openDatabase(join(dataDir, 'hall.db'));
  try {
    const store = createListingStore(db);
    if (listings.length > 0) store.upsertMany(listings);
    if (remove.length > 0) store.remove(remove);
  } finally {
    closeDatabase(db);
  }
}
