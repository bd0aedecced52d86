/**
 * Sync benchmarks, both against a real reference hub running as its own process:
 *
 * 1. Snapshot ingest through the full path — hub → REST pages → JSON parse, envelope and
 *    ListingSchema validation in the page worker → upsert with the cursor in the same
 *    transaction → the WAL checkpoint at the end — for 100,000 postings, compared with a raw
 *    better-sqlite3 bulk insert of the same rows into the same schema in one transaction (rows
 *    pre-mapped, no validation, no network). Targets: at least half the raw rate; 100k in
 *    under 3 s. The headline uses the worker as packaged (bundled with esbuild); two more lines
 *    show the same path with the worker run from source through tsx, and with no worker.
 * 2. Live change latency: admin upsert sent to the hub → the row committed in the hall's
 *    database (measured at the commit of the sync transaction), p50/p99 over 200 sequential
 *    changes. Board re-planning and painting are not included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { generateListings } from '../demo/generate-listings';
import { DEFAULT_SEED_VALUE } from '../hub/hub-server';
import { closeDatabase, openDatabase } from '../../electron/host/db/open-database';
import { createListingStore, type ListingStore } from '../../electron/host/db/listing-store';
import type { WritableDatabase } from '../../electron/host/db/handles';
import { startHubLink, type HubLink } from '../../electron/host/sync/hub-link';
import { defaultWorkerScript, type WorkerScript } from '../../electron/host/sync/page-source';
import { buildSyncPageWorker } from '../build-electron.mjs';
import { rawInsertMs } from './raw-insert';

const POSTINGS = 100_000;
const LIVE_CHANGES = 200;
const ADMIN = 'bench-admin';
const HALL = 'bench-hall';
const ROOT = resolve(import.meta.dirname, '../..');

interface HubChild {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startHubChild(dataDir: string, seed: number): Promise<HubChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/hub/cli.ts', '--port', '0', '--data', dataDir, '--seed', String(seed), '--admin-token', ADMIN, '--hall-token', HALL],
    { cwd: ROOT, env: { ...process.env, HUB_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync.bench: hub did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /hub: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`sync.bench: hub exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/** Wraps `store.transaction` to learn when each cursor value was committed. */
function watchCommits(store: ListingStore): { store: ListingStore; committed: Map<number, number> } {
  const committed = new Map<number, number>();
  const wrapped: ListingStore = {
    ...store,
    transaction<T>(fn: () => T): T {
      const result = store.transaction(fn);
      committed.set(store.getCursor(), performance.now());
      return result;
    },
  };
  return { store: wrapped, committed };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Ingest {
  ms: number;
  db: WritableDatabase;
  store: ListingStore;
  committed: Map<number, number>;
  link: HubLink;
}

/** A fresh hall database caught up to the hub's `lastSeq`; timed from the link's start. */
async function ingest(hubUrl: string, file: string, pageWorker: WorkerScript | null, lastSeq = POSTINGS): Promise<Ingest> {
  const db = openDatabase(file);
  const { store, committed } = watchCommits(createListingStore(db));
  let caughtUp!: () => void;
  const done = new Promise<void>((r) => (caughtUp = r));
  const started = performance.now();
  let link: HubLink | null = null;
  link = startHubLink({
    hub: { url: hubUrl, hallId: 'bench', token: HALL },
    tuning: { pageWorker },
    db,
    store,
    clock: Date.now,
    log: pino({ level: 'warn' }),
    onDataChanged: () => undefined,
    onStatusChanged: () => {
      if (link?.status().cursor === lastSeq) caughtUp();
    },
  });
  await done;
  const ms = performance.now() - started;
  if (store.count() !== POSTINGS) throw new Error(`sync.bench: hall holds ${store.count()} postings, expected ${POSTINGS}`);
  return { ms, db, store, committed, link };
}

async function finish(run: Ingest): Promise<void> {
  await run.link.close();
  closeDatabase(run.db);
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  const now = Date.now();
  const hub = await startHubChild(join(dir, 'hub'), POSTINGS);
  try {
    // As packaged: the worker is dist-electron/sync-page-worker.cjs, built here the same way.
    const bundled = { source: pathToFileURL(await buildSyncPageWorker({ outDir: join(dir, 'dist-electron') })) };
    const main = await ingest(hub.url, join(dir, 'hall.db'), bundled);
    const rawMs = rawInsertMs(dir, generateListings(POSTINGS, { seed: DEFAULT_SEED_VALUE, now }));
    const fullRate = POSTINGS / (main.ms / 1000);
    const rawRate = POSTINGS / (rawMs / 1000);

    // Live latency: one admin upsert at a time, timed to the commit of its seq in the hall.
    const ids = Array.from({ length: LIVE_CHANGES }, (_, i) => `demo-${String(1 + ((i * 487) % POSTINGS)).padStart(6, '0')}`);
    const latencies: number[] = [];
    const roundTrips: number[] = [];
    for (const [i, id] of ids.entries()) {
      const t0 = performance.now();
      const res = await fetch(`${hub.url}/api/v1/listings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, headcount: 1 + (i % 50) }),
      });
      const { upserted } = (await res.json()) as { upserted: Array<{ seq: number }> };
      roundTrips.push(performance.now() - t0);
      const seq = upserted[0]!.seq;
      while (!main.committed.has(seq)) await new Promise((r) => setTimeout(r, 0));
      latencies.push(main.committed.get(seq)! - t0);
    }
    latencies.sort((a, b) => a - b);
    roundTrips.sort((a, b) => a - b);
    await finish(main);

    // The same path as `npm run serve` runs it (worker from source through tsx), and with no
    // worker at all: what the worker buys. The hub now holds 200 more changes.
    const total = POSTINGS + LIVE_CHANGES;
    const others: Array<Record<string, unknown>> = [];
    for (const [label, worker] of [
      ['page worker from source via tsx (npm run serve)', defaultWorkerScript()],
      ['no page worker: pages read and checked on the host thread', null],
    ] as const) {
      const other = await ingest(hub.url, join(dir, `hall-${others.length}.db`), worker, total);
      await finish(other);
      others.push({
        name: `sync snapshot ingest, full path, ${label}`,
        changes: total,
        ms: Math.round(other.ms),
        comparedTo: 'the packaged configuration above, same hub, measured in the same run',
        packagedMs: Math.round(main.ms),
      });
    }

    return [
      {
        name: 'sync snapshot ingest, full path (hub process → REST pages of 5000 → page worker: parse + validate → upsert + cursor → checkpoint), packaged worker',
        postings: POSTINGS,
        ms: Math.round(main.ms),
        postingsPerSecond: Math.round(fullRate),
        comparedTo: 'raw better-sqlite3 bulk insert of the same rows, same schema (FTS triggers), one transaction, rows pre-mapped',
        rawMs: Math.round(rawMs),
        rawPostingsPerSecond: Math.round(rawRate),
        ratio: Number((fullRate / rawRate).toFixed(3)),
        targetRatio: 0.5,
        targetMs: 3000,
        meetsTargets: fullRate / rawRate >= 0.5 && main.ms < 3000,
      },
      ...others,
      {
        name: 'sync live change latency: hub admin upsert → row committed in the hall database',
        changes: LIVE_CHANGES,
        p50Ms: Number(percentile(latencies, 50).toFixed(2)),
        p99Ms: Number(percentile(latencies, 99).toFixed(2)),
        maxMs: Number(latencies.at(-1)!.toFixed(2)),
        comparedTo: 'the admin HTTP round trip alone (POST to response), measured on the same changes',
        adminRoundTripP50Ms: Number(percentile(roundTrips, 50).toFixed(2)),
        adminRoundTripP99Ms: Number(percentile(roundTrips, 99).toFixed(2)),
        measured: 'from sending the admin POST to the commit of the sync transaction holding that seq; board re-plan and paint not included; hub in its own process, 100,000 postings in the hall',
      },
    ];
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
