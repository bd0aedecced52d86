/**
 * Real hubs and real halls for the sync tests: in-process servers on real ports, real SQLite
 * files in tmp dirs, real sockets. Nothing is faked; timings are shrunk so a test finishes in
 * seconds.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { startHub, type Hub, type HubOptions } from '../../../../scripts/hub/hub-server';
import { startHall, type Hall, type HallDeps } from '../../../../electron/host/hall';
import { hallOptionsFrom } from '../../../../electron/host/config';
import { openDatabase, closeDatabase } from '../../../../electron/host/db/open-database';
import { createListingStore } from '../../../../electron/host/db/listing-store';
import type { WritableDatabase } from '../../../../electron/host/db/handles';
import type { Listing } from '../../../../shared/schemas/listing';
import type { HubLinkTuning } from '../../../../electron/host/sync/hub-link';

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const ADMIN_TOKEN = 'test-admin-token';
export const HALL_TOKEN = 'test-hall-token';

export function tmpDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A port nobody listens on right now (for a hub that is not started yet). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A logger that keeps its JSON lines, so tests can count what was logged. */
export function captureLogger(name: string): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const raw: string[] = [];
  const log = pino({ name, level: 'info' }, { write: (line: string) => void raw.push(line) });
  return { log, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export const silent = (): Logger => pino({ level: 'silent' });

export async function startTestHub(options: Partial<HubOptions> & { dataDir: string }): Promise<Hub> {
  return startHub({
    port: 0,
    adminToken: ADMIN_TOKEN,
    hallToken: HALL_TOKEN,
    log: silent(),
    ...options,
  });
}

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

export async function startTestHall(options: {
  dataDir: string;
  hubUrl: string;
  token?: string;
  hallId?: string;
  sync?: Partial<HubLinkTuning>;
  log?: Logger;
  deps?: HallDeps;
}): Promise<Hall> {
  const hallOptions = hallOptionsFrom(
    ['--port', '0', '--data', options.dataDir, '--hub', options.hubUrl, '--hall-id', options.hallId ?? 'hall-test', '--hub-token', options.token ?? HALL_TOKEN],
    {},
    { rendererDir: join(ROOT, 'dist/renderer'), assetsDir: join(ROOT, 'assets') },
  );
  return startHall(hallOptions, { log: options.log ?? silent(), sync: { ...FAST_SYNC, ...options.sync }, ...options.deps });
}

/** Polls `probe` until it is truthy; the default ceiling leaves room for a heavily loaded machine. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 120_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waitFor: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface HealthBody {
  status: string;
  listings: number;
  hub: string;
  cursor: number;
  outboxPending: number;
  sync?: { lastSyncAt: number | null; hubLastSeq: number | null; lagChanges: number; stale: boolean; error: { code: string; message: string } | null };
}

export async function health(hallUrl: string): Promise<HealthBody> {
  const res = await fetch(`${hallUrl}/healthz`);
  return (await res.json()) as HealthBody;
}

/** Every posting a hall's database holds, read through a second connection to the file. */
export function hallListings(dataDir: string): { listings: Map<string, Listing>; cursor: number } {
  const db = openDatabase(join(dataDir, 'hall.db')) as WritableDatabase;
  try {
    const store = createListingStore(db);
    const ids = db.prepare<[], { id: string }>('SELECT id FROM listings ORDER BY id').all();
    const listings = new Map<string, Listing>();
    for (const { id } of ids) listings.set(id, store.get(id)!);
    return { listings, cursor: store.getCursor() };
  } finally {
    closeDatabase(db);
  }
}

export async function adminPost(hubUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function adminDelete(hubUrl: string, path: string): Promise<Response> {
  return fetch(`${hubUrl}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}
