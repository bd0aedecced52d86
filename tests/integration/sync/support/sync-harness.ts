/**
 * Real hubs and real halls for the sync tests: in-process servers on real ports, real SQLite
 * files in tmp dirs, real sockets. Nothing is faked; timings are shrunk so a test finishes in
 * seconds.
 */
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { startHub, type Hub, type HubOptions } from '../../../../scripts/hub/hub-server';
import { openDatabase, closeDatabase } from '../../../../electron/host/db/open-database';
import { createPostingStore } from '../../../../electron/host/db/posting-store';
import type { WritableDatabase } from '../../../../electron/host/db/handles';
import type { Posting } from '../../../../shared/schemas/posting';
import { HALL_TOKEN } from '../../../support/in-process-hall';
import { silentLog } from '../../../support/silent-log';

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const ADMIN_TOKEN = 'test-admin-token';

/** A logger that keeps its JSON lines, so tests can count what was logged. */
export function captureLogger(name: string): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const raw: string[] = [];
  const log = pino({ name, level: 'info' }, { write: (line: string) => void raw.push(line) });
  return { log, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export async function startTestHub(options: Partial<HubOptions> & { dataDir: string }): Promise<Hub> {
  return startHub({
    port: 0,
    adminToken: ADMIN_TOKEN,
    hallToken: HALL_TOKEN,
    log: silentLog(),
    ...options,
  });
}

/** Polls `probe` until it is truthy; the default ceiling leaves room for a heavily loaded machine. */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 120_000,
  everyMs = 50,
): Promise<NonNullable<T>> {
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
  sync?: {
    lastSyncAt: number | null;
    hubLastSeq: number | null;
    lagChanges: number;
    stale: boolean;
    error: { code: string; message: string } | null;
  };
}

export async function health(hallUrl: string): Promise<HealthBody> {
  const res = await fetch(`${hallUrl}/healthz`);
  return (await res.json()) as HealthBody;
}

/** Every posting a hall's database holds, read through a second connection to the file. */
export function hallPostings(dataDir: string): { postings: Map<string, Posting>; cursor: number } {
  const db = openDatabase(join(dataDir, 'hall.db')) as WritableDatabase;
  try {
    const store = createPostingStore(db);
    const ids = db.prepare<[], { id: string }>('SELECT id FROM postings ORDER BY id').all();
    const postings = new Map<string, Posting>();
    for (const { id } of ids) postings.set(id, store.get(id)!);
    return { postings, cursor: store.getCursor() };
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
