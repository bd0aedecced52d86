/**
 * A real hall host started in this process on a free port, with a fresh data dir — standalone,
 * or syncing from a hub (`hubUrl`) with sync timings shrunk so a test finishes in seconds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { hallOptionsFrom } from '../../electron/host/config';
import { startHall, type Hall, type HallDeps } from '../../electron/host/hall';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import type { HubLinkTuning } from '../../electron/host/sync/hub-link';
import type { Posting } from '../../shared/schemas/posting';
import { ROOT } from './hall-process';
import { silentLog } from './silent-log';
import { tmpDir } from './tmp-dir';

/** The hall token test hubs accept (tests/integration/sync/support/sync-harness.ts starts them). */
export const HALL_TOKEN = 'test-hall-token';

/** Sync timings for tests: quick reconnects, short heartbeats, small pages. */
export const FAST_SYNC: Partial<HubLinkTuning> = {
  pageSize: 500,
  reconnect: { baseMs: 50, maxMs: 400, jitter: 0.5 },
  authBackoff: { baseMs: 1000, maxMs: 4000, jitter: 0.3 },
  submitBackoff: { baseMs: 100, maxMs: 1000, jitter: 0.5 },
  heartbeatMs: 500,
  ackTimeoutMs: 2000,
  outboxPollMs: 200,
  replanEveryMs: 50,
};

export interface TestHallOptions {
  dataDir?: string;
  argv?: string[];
  deps?: HallDeps;
  log?: Logger;
  /** Sync from this hub, as `hallId` with `token`, at FAST_SYNC timings overridden by `sync`. */
  hubUrl?: string;
  token?: string;
  hallId?: string;
  sync?: Partial<HubLinkTuning>;
}

export async function startTestHall(options: TestHallOptions = {}): Promise<Hall & { dataDir: string }> {
  const dataDir = options.dataDir ?? tmpDir('hall-');
  const hub =
    options.hubUrl !== undefined
      ? [
          '--hub',
          options.hubUrl,
          '--hall-id',
          options.hallId ?? 'hall-test',
          '--hub-token',
          options.token ?? HALL_TOKEN,
        ]
      : [];
  const hallOptions = hallOptionsFrom(
    ['--port', '0', '--data', dataDir, ...hub, ...(options.argv ?? [])],
    {},
    { rendererDir: join(ROOT, 'dist/renderer'), assetsDir: join(ROOT, 'assets') },
  );
  const sync = options.hubUrl !== undefined ? { sync: { ...FAST_SYNC, ...options.sync } } : {};
  const hall = await startHall(hallOptions, { log: options.log ?? silentLog(), ...sync, ...options.deps });
  return Object.assign(hall, { dataDir });
}

/** Writes postings through a second connection, as another writer (the sync client) would. */
export function writePostings(dataDir: string, postings: Posting[], remove: string[] = []): void {
  const db = openDatabase(join(dataDir, 'hall.db'));
  try {
    const store = createPostingStore(db);
    if (postings.length > 0) store.upsertMany(postings);
    if (remove.length > 0) store.remove(remove);
  } finally {
    closeDatabase(db);
  }
}

/** What a test hall's data dir holds before the hall starts: screens.json, hall.json, postings in hall.db. */
export interface HallData {
  screens?: readonly object[];
  hall?: Record<string, unknown>;
  postings?: Posting[];
}

/** A fresh data dir (its name starting `prefix`) holding `data`, for startTestHall or startKioskHall. */
export function hallDataDir(prefix: string, data: HallData = {}): string {
  const dataDir = tmpDir(prefix);
  if (data.screens) writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens: data.screens }));
  if (data.hall) writeFileSync(join(dataDir, 'hall.json'), JSON.stringify(data.hall));
  if (data.postings) writePostings(dataDir, data.postings);
  return dataDir;
}
