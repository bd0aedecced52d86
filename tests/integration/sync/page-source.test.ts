/**
 * Catch-up pages read in the page worker against a real hub over HTTP: the worker from source
 * (through tsx, as `npm run serve` runs it) and the esbuild bundle the packaged app ships both
 * give exactly what the host thread reads itself; a worker that cannot start or dies part-way
 * leaves the reading to the host thread without losing or repeating a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hub } from '../../../scripts/hub/hub-server';
import { buildSyncPageWorker } from '../../../scripts/build-electron.mjs';
import { HubAuthError, HubRequestError, type HubEndpoint } from '../../../electron/host/sync/hub-api';
import {
  createPageSource,
  defaultWorkerScript,
  type PageSource,
  type WorkerScript,
} from '../../../electron/host/sync/page-source';
import type { PreparedPage } from '../../../electron/host/sync/prepare-change';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { startHubLink } from '../../../electron/host/sync/hub-link';
import { captureLogger, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { dyingWorker } from '../../support/dying-worker';
import { silentLog } from '../../support/silent-log';
import { FAST_SYNC, HALL_TOKEN } from '../../support/in-process-hall';

const POSTINGS = 1200;
const PAGE = 250;

let hub: Hub;
let endpoint: HubEndpoint;
let lastSeq: number;
const sources: PageSource[] = [];

beforeAll(async () => {
  hub = await startTestHub({ dataDir: tmpDir('page-source-hub-'), seed: POSTINGS });
  const [first] = (await hub.store.changesSince(0, 1)).changes;
  await hub.appendRawChange({ type: 'listing', op: 'upsert', id: 'bad-1', data: { title: '<b>坏</b>' } });
  await hub.appendRawChange({ type: 'listing', op: 'delete', id: first!.id });
  await hub.appendRawChange({ type: 'urgent', op: 'upsert', id: 'u-1', data: { title: '紧急' } });
  lastSeq = await hub.store.lastSeq();
  endpoint = { url: hub.url, hallId: 'page-source-test', token: HALL_TOKEN };
});

afterAll(async () => {
  await Promise.all(sources.map((s) => s.close()));
  await hub?.close();
});

/**
 * A worker from source starts in a second or so, but several on a loaded 2-core machine can
 * take longer than the 3 s a hall waits before reading pages itself: the tests that are about
 * the worker give it as long as it needs.
 */
const WORKER_START_WAIT_MS = 120_000;

function source(
  worker: WorkerScript | null,
  options: { log?: ReturnType<typeof silentLog>; hub?: HubEndpoint } = {},
): PageSource {
  const s = createPageSource({
    hub: options.hub ?? endpoint,
    pageSize: PAGE,
    timeoutMs: 10_000,
    log: options.log ?? silentLog(),
    worker,
    startWaitMs: WORKER_START_WAIT_MS,
  });
  sources.push(s);
  return s;
}

async function readAll(s: PageSource, since = 0, signal = new AbortController().signal): Promise<PreparedPage[]> {
  const pages: PreparedPage[] = [];
  for await (const page of s.pages(since, signal)) pages.push(page);
  return pages;
}

/** Every page continues from the one before, and the last one ends the feed. */
function expectWholeFeed(pages: readonly PreparedPage[], since = 0): void {
  const seqs = pages.flatMap((p) => p.changes.map((c) => c.seq));
  expect(seqs).toEqual(Array.from({ length: lastSeq - since }, (_, i) => since + i + 1));
  expect(pages.at(-1)).toMatchObject({ hasMore: false, lastSeq, through: lastSeq });
}

describe('the sync page worker', () => {
  let onHostThread: PreparedPage[];

  beforeAll(async () => {
    onHostThread = await readAll(source(null));
  });

  it('reads, orders and checks the feed on the host thread when there is no worker', () => {
    expectWholeFeed(onHostThread);
    const kinds = new Set(onHostThread.flatMap((p) => p.changes.map((c) => c.kind)));
    expect(kinds).toEqual(new Set(['posting-upsert', 'quarantine', 'posting-delete', 'urgent-upsert']));
  });

  it('gives the same pages from source through tsx, as npm run serve runs it', async () => {
    const script = defaultWorkerScript();
    expect(script).not.toBeNull();
    const s = source(script);
    expect(await readAll(s)).toEqual(onHostThread);
    expect(s.mode()).toBe('worker');
  });

  it('gives the same pages from the bundle the packaged app ships', async () => {
    const file = await buildSyncPageWorker({ outDir: join(tmpDir('page-worker-bundle-'), 'dist-electron') });
    const s = source({ source: pathToFileURL(file) });
    expect(await readAll(s)).toEqual(onHostThread);
    expect(s.mode()).toBe('worker');
    // a second stream on the same worker, from the middle of the feed
    const since = onHostThread[2]!.through;
    expect(await readAll(s, since)).toEqual(await readAll(source(null), since));
  });

  it('stops its worker between catch-ups and starts a fresh one for the next', async () => {
    const threads = () => Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
    const s = source(defaultWorkerScript());
    const stream = s.pages(0, new AbortController().signal);
    const first = await stream.next();
    expect(first.value).toEqual(onHostThread[0]);
    expect(s.mode()).toBe('worker');
    const whileReading = threads();
    await s.rest(); // a stream is open: the worker stays
    const rest: PreparedPage[] = [first.value as PreparedPage];
    for await (const page of { [Symbol.asyncIterator]: () => stream }) rest.push(page);
    expect(rest).toEqual(onHostThread);
    await s.rest();
    await waitFor('the worker thread to end', () => threads() < whileReading || null, 30_000);
    expect(s.mode()).toBe('worker');
    // the next catch-up starts a new worker and gets the same pages from it
    expect(await readAll(s)).toEqual(onHostThread);
    expect(s.mode()).toBe('worker');
  });

  it('reads on the host thread when the worker cannot start, and says so once', async () => {
    const { log, lines } = captureLogger('page-source');
    const s = source({ source: pathToFileURL(join(tmpDir('no-worker-'), 'missing-worker.cjs')) }, { log });
    expect(await readAll(s)).toEqual(onHostThread);
    expect(await readAll(s, onHostThread[1]!.through)).toHaveLength(onHostThread.length - 2);
    expect(s.mode()).toBe('inline');
    expect(lines().filter((l) => /page worker stopped/.test(String(l.msg)))).toHaveLength(1);
  });

  it('goes on from the last page on the host thread when the worker dies part-way', async () => {
    // The real worker, made to exit right after it has sent its second page.
    const dying = dyingWorker(defaultWorkerScript(), { type: 'page', count: 2 });
    const { log, lines } = captureLogger('page-source');
    const s = source(dying, { log });
    const pages = await readAll(s);
    expectWholeFeed(pages);
    expect(pages).toEqual(onHostThread);
    expect(s.mode()).toBe('inline');
    expect(
      lines().some((l) => /page worker stopped/.test(String(l.msg)) && /exited with code 3/.test(String(l.reason))),
    ).toBe(true);
  });

  it('passes the hub refusing the token on as HubAuthError', async () => {
    const s = source(defaultWorkerScript(), { hub: { ...endpoint, token: 'wrong' } });
    await expect(readAll(s)).rejects.toBeInstanceOf(HubAuthError);
    expect(s.mode()).toBe('worker');
  });

  it('passes an unreachable hub on as HubRequestError', async () => {
    const s = source(defaultWorkerScript(), { hub: { ...endpoint, url: 'http://127.0.0.1:9' } });
    await expect(readAll(s)).rejects.toMatchObject({ name: 'HubRequestError', code: 'unreachable' });
  });

  it('drops what it read ahead when the reader stops early, and serves the next stream from where asked', async () => {
    const s = source(defaultWorkerScript());
    const first: PreparedPage[] = [];
    for await (const page of s.pages(0, new AbortController().signal)) {
      first.push(page);
      break;
    }
    expect(first).toEqual(onHostThread.slice(0, 1));
    expect(await readAll(s, first[0]!.through)).toEqual(onHostThread.slice(1));
  });

  it('stops with an error when the catch-up is aborted', async () => {
    const s = source(defaultWorkerScript());
    const stop = new AbortController();
    const read = (async () => {
      for await (const _page of s.pages(0, stop.signal)) stop.abort();
    })();
    await expect(read).rejects.toBeInstanceOf(HubRequestError);
    await expect(read).rejects.toMatchObject({ code: 'aborted' });
    // and a signal aborted before the first page: no wait for the worker, no page
    const s2 = source(defaultWorkerScript());
    await expect(readAll(s2, 0, AbortSignal.abort())).rejects.toBeInstanceOf(HubRequestError);
    await readAll(s2, onHostThread.at(-2)!.through);
    await expect(readAll(s2, 0, AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
    // read on the host thread (no worker, or one still starting on a loaded machine): the same
    await expect(readAll(source(null), 0, AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('a hub link catching up through the page worker', () => {
  it('writes the whole feed with no checkpoint between pages, turns the event loop between pages, then checkpoints once', async () => {
    const file = join(tmpDir('page-source-hall-'), 'hall.db');
    const db = openDatabase(file);
    const store = createPostingStore(db);
    // 10 pages of log (40 KB): without the catch-up's raised threshold, every page's commit
    // would checkpoint. In WAL mode only a checkpoint writes the database file itself, so its
    // size and mtime after each commit show whether that commit checkpointed; explicit
    // checkpoints are counted where they are asked for.
    db.pragma('wal_autocheckpoint = 10');
    const mainFile = () => {
      const st = statSync(file, { bigint: true });
      return `${st.size}:${st.mtimeNs}`;
    };
    const pragma = db.pragma.bind(db);
    let explicitCheckpoints = 0;
    db.pragma = ((source: string, options?: unknown) => {
      if (/^\s*wal_checkpoint/i.test(source)) explicitCheckpoints++;
      return pragma(source, options as never);
    }) as typeof db.pragma;
    const afterCommit: string[] = [mainFile()];
    const thresholds = new Set<unknown>();
    // Each page's write made slow (30 ms), so the worker always has pages ready. The host's
    // event loop must still turn between two pages (boards, kiosks and /healthz are served
    // there): a setImmediate chain started at the first write sees the cursor after every page.
    const seenByLoop = new Set<number>();
    let looping = false;
    const watchLoop = () => {
      seenByLoop.add(store.getCursor());
      if (store.getCursor() < lastSeq) setImmediate(watchLoop);
    };
    const slowStore = {
      ...store,
      transaction<T>(fn: () => T): T {
        if (!looping) {
          looping = true;
          setImmediate(watchLoop);
        }
        const until = performance.now() + 30;
        while (performance.now() < until);
        const result = store.transaction(fn);
        afterCommit.push(mainFile());
        thresholds.add(pragma('wal_autocheckpoint', { simple: true }));
        return result;
      },
    };
    const link = startHubLink({
      hub: endpoint,
      db,
      store: slowStore,
      clock: Date.now,
      log: silentLog(),
      tuning: { ...FAST_SYNC, pageSize: PAGE, replanEveryMs: 0, pageWorkerStartWaitMs: WORKER_START_WAIT_MS },
      onDataChanged: () => undefined,
      onStatusChanged: () => undefined,
    });
    const changes = (states: readonly string[]) => states.slice(1).filter((st, i) => st !== states[i]).length;
    try {
      await waitFor('the catch-up', () => link.status().cursor === lastSeq && link.status().lastSyncAt !== null);
      await link.idle();
      expect(link.status()).toMatchObject({ pageReader: 'worker', error: null });
      expect(store.count()).toBe(POSTINGS - 1);
      // a commit per page, every one under the raised threshold and none of them checkpointing
      expect(afterCommit.length - 1).toBeGreaterThanOrEqual(Math.ceil(lastSeq / PAGE));
      expect([...thresholds]).toEqual([65_536]);
      expect(changes(afterCommit)).toBe(0);
      // then one checkpoint, which copied the whole log into the file
      expect(explicitCheckpoints).toBe(1);
      expect(mainFile()).not.toBe(afterCommit.at(-1));
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10);
      const [state] = pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      expect(state!.checkpointed).toBe(state!.log);
      // every page but the last is followed by a turn of the loop before the next page's write
      const betweenPages = Array.from({ length: Math.ceil(lastSeq / PAGE) - 1 }, (_, i) => (i + 1) * PAGE);
      expect(betweenPages.filter((end) => !seenByLoop.has(end))).toEqual([]);
      // the measure sees a checkpoint when there is one: a commit past the restored threshold
      const before = mainFile();
      const ids = (db.prepare('SELECT id FROM postings LIMIT 200').all() as Array<{ id: string }>).map((r) => r.id);
      store.upsertMany(ids.map((id, i) => ({ ...store.get(id)!, id: `after-catch-up-${i}` })));
      expect(mainFile()).not.toBe(before);
    } finally {
      await link.close();
      closeDatabase(db);
    }
  });
});
