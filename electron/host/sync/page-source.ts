/**
 * Where a catch-up gets its pages: fetched from the hub's REST feed, JSON-parsed, put in seq
 * order and validated (prepare-change.ts), ready for the applier to write.
 *
 * Reading and checking a page costs about as much CPU as writing it, so it runs in a worker
 * thread (page-worker.ts) while the host's thread writes the page before; the worker keeps up
 * to `ahead` pages ready and always has the next request out to the hub. Until the worker has
 * started — and for good if it cannot start or dies — pages are read on the host's thread
 * instead (one page fetched ahead), so sync never depends on the worker.
 *
 * Between catch-ups the worker is stopped (`rest`): after a city's feed its heap holds tens of
 * MB the hall would otherwise keep resident all day (at 20,000 postings the load bench's host held
 * 85 MB less with it stopped); the next catch-up starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../util/logger';
import { fetchChangesPage, HubAuthError, HubRequestError, type HubEndpoint } from './hub-api';
import { prepareChange, sequencePage, type PreparedPage } from './prepare-change';

export interface PageReadOptions {
  pageSize: number;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface PageSource {
  /**
   * The prepared pages after `since`, in order, ending with the one whose `hasMore` is false.
   * Throws HubAuthError / HubRequestError like fetchChangesPage. Stopping early (break) drops
   * whatever was read ahead.
   */
  pages(since: number, signal: AbortSignal): AsyncGenerator<PreparedPage, void, undefined>;
  /** 'worker' once the worker serves pages (resting between catch-ups included); 'inline' before that or after it failed. */
  mode(): 'worker' | 'inline';
  /** A catch-up ended: stop the worker until the next `pages()` (which starts a new one). */
  rest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Reads pages on the calling thread, asking for the next page before checking this one so
 * the hub and the network work meanwhile. Used by the worker and as the fallback.
 */
export async function* readPages(
  hub: HubEndpoint,
  since: number,
  options: PageReadOptions,
): AsyncGenerator<PreparedPage, void, undefined> {
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, options.signal]);
  const fetchPage = (from: number) =>
    fetchChangesPage(hub, from, options.pageSize, { timeoutMs: options.timeoutMs, signal });
  let next = fetchPage(since);
  try {
    for (;;) {
      const page = await next;
      const run = sequencePage(since, page.changes, page.hasMore);
      const through = run.at(-1)?.seq ?? since;
      if (page.hasMore) {
        next = fetchPage(through);
        // a prefetch nobody awaits (the reader stopped) must not be an unhandled rejection
        next.catch(() => undefined);
      }
      yield { changes: run.map(prepareChange), lastSeq: page.lastSeq, hasMore: page.hasMore, through };
      if (!page.hasMore) return;
      since = through;
    }
  } finally {
    stop.abort();
  }
}

// ---- the worker protocol ------------------------------------------------------------------

export interface OpenStreamMessage {
  type: 'open';
  stream: number;
  hub: HubEndpoint;
  since: number;
  pageSize: number;
  timeoutMs: number;
  /** Pages the worker may send before the host has taken them. */
  ahead: number;
}
export type ToWorker = OpenStreamMessage | { type: 'credit'; stream: number } | { type: 'close'; stream: number };

export interface SerializedError {
  name: string;
  message: string;
  status: number | null;
  code: string;
}
export type FromWorker =
  | { type: 'ready' }
  | { type: 'page'; stream: number; page: PreparedPage }
  | { type: 'error'; stream: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof HubAuthError)
    return { name: error.name, message: error.message, status: null, code: error.code };
  if (error instanceof HubRequestError)
    return { name: error.name, message: error.message, status: error.status, code: error.code };
  return { name: 'Error', message: (error as Error)?.message ?? String(error), status: null, code: 'catch_up_failed' };
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === 'HubAuthError') return new HubAuthError(e.message);
  return new HubRequestError(e.message, e.status, e.code);
}

// ---- the host's side ----------------------------------------------------------------------

/** A worker entry file, or a bootstrap to evaluate. */
export interface WorkerScript {
  source: URL | string;
}

/**
 * The worker's file: in the Electron bundle (dist-electron/main.cjs) it is the sibling bundle
 * sync-page-worker.cjs. From source it is page-worker.ts, started by a two-line bootstrap that
 * registers tsx in the worker first (`--import tsx` in a worker's execArgv does not take effect
 * for the worker's own entry on Node 20).
 */
export function defaultWorkerScript(): WorkerScript | null {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.cjs')) return { source: new URL('./sync-page-worker.cjs', here) };
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    return null; // source without tsx to load it: pages are read on the host's thread
  }
  const entry = new URL('./page-worker.ts', here).href;
  return {
    source: `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
  };
}

export interface PageSourceOptions {
  /** The hub, or the hub node to use right now (read as each stream of pages opens). */
  hub: HubEndpoint | (() => HubEndpoint);
  pageSize: number;
  timeoutMs: number;
  log: Logger;
  /** null: read on the host's thread only. */
  worker: WorkerScript | null;
  /** Pages the worker may have ready before the host takes them. */
  ahead?: number;
  /** How long the first catch-up waits for a starting worker before reading pages itself. */
  startWaitMs?: number;
}

interface StreamSink {
  push(item: PreparedPage | Error): void;
}

export function createPageSource(options: PageSourceOptions): PageSource {
  const { log } = options;
  const hubNow = (): HubEndpoint => (typeof options.hub === 'function' ? options.hub() : options.hub);
  const ahead = Math.max(1, options.ahead ?? 2);
  const startWaitMs = options.startWaitMs ?? 3000;
  let state: 'starting' | 'ready' | 'resting' | 'failed' | 'closed' = options.worker ? 'starting' : 'failed';
  const streams = new Map<number, StreamSink>();
  let streamIds = 0;
  let worker: Worker | null = null;
  let settled!: () => void;
  /** Resolves once the worker is ready or has failed. */
  let started = new Promise<void>((resolve) => (settled = resolve));

  function fail(reason: string): void {
    settled();
    if (state === 'failed' || state === 'closed') return;
    state = 'failed';
    log.warn({ reason }, 'sync page worker stopped; reading pages on the host thread from now on');
    for (const sink of streams.values())
      sink.push(new HubRequestError(`sync: the page worker stopped (${reason})`, null, 'worker_failed'));
  }

  function startWorker(script: WorkerScript): void {
    try {
      const { source } = script;
      // execArgv: [] — a bundled worker needs nothing of the host's flags (such as a TS loader).
      const w = typeof source === 'string' ? new Worker(source, { eval: true }) : new Worker(source, { execArgv: [] });
      worker = w;
      w.unref();
      // a worker stopped by rest() may still send or exit: only the current one counts
      w.on('message', (message: FromWorker) => {
        if (worker !== w) return;
        if (message.type === 'ready') {
          if (state === 'starting') state = 'ready';
          settled();
          return;
        }
        const sink = streams.get(message.stream);
        if (!sink) return;
        sink.push(message.type === 'page' ? message.page : deserializeError(message.error));
      });
      w.on('error', (error) => worker === w && fail(error.message));
      w.on('exit', (code) => worker === w && fail(`exited with code ${code}`));
    } catch (error) {
      fail((error as Error).message);
    }
  }

  if (options.worker) startWorker(options.worker);

  const send = (message: ToWorker) => {
    if (state === 'ready') worker!.postMessage(message);
  };

  async function* fromWorker(since: number, signal: AbortSignal): AsyncGenerator<PreparedPage, void, undefined> {
    const stream = ++streamIds;
    const queue: Array<PreparedPage | Error> = [];
    let wake: (() => void) | null = null;
    const push = (item: PreparedPage | Error) => {
      queue.push(item);
      wake?.();
    };
    streams.set(stream, { push });
    const onAbort = () => push(new HubRequestError('sync: catch-up stopped', null, 'aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    send({
      type: 'open',
      stream,
      hub: hubNow(),
      since,
      pageSize: options.pageSize,
      timeoutMs: options.timeoutMs,
      ahead,
    });
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const item = queue.shift()!;
        if (item instanceof Error) throw item;
        yield item;
        if (!item.hasMore) return;
        send({ type: 'credit', stream });
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      streams.delete(stream);
      send({ type: 'close', stream });
    }
  }

  /** A worker boots in well under a second (the bundle in 60 ms); reading pages here meanwhile would only compete with it. */
  async function workerStarted(signal: AbortSignal): Promise<void> {
    if (state !== 'starting' || signal.aborted) return;
    let stopWaiting!: () => void;
    const gaveUp = new Promise<void>((resolve) => (stopWaiting = resolve));
    const timer = setTimeout(stopWaiting, startWaitMs);
    signal.addEventListener('abort', stopWaiting, { once: true });
    await Promise.race([started, gaveUp]);
    clearTimeout(timer);
    signal.removeEventListener('abort', stopWaiting);
  }

  async function* pages(since: number, signal: AbortSignal): AsyncGenerator<PreparedPage, void, undefined> {
    if (state === 'resting' && options.worker) {
      state = 'starting';
      started = new Promise<void>((resolve) => (settled = resolve));
      startWorker(options.worker);
    }
    await workerStarted(signal);
    for (;;) {
      if (state === 'ready') {
        try {
          for await (const page of fromWorker(since, signal)) {
            yield page;
            if (!page.hasMore) return;
            since = page.through;
          }
          return;
        } catch (error) {
          // The worker died under this stream: go on from the last page on this thread.
          if (!(error instanceof HubRequestError && error.code === 'worker_failed')) throw error;
        }
      }
      // The worker is still starting (or gone): read here, and hand over once it is up.
      for await (const page of readPages(hubNow(), since, {
        pageSize: options.pageSize,
        timeoutMs: options.timeoutMs,
        signal,
      })) {
        yield page;
        if (!page.hasMore) return;
        since = page.through;
        if (state === 'ready') break;
      }
    }
  }

  return {
    pages,
    mode: () => (state === 'ready' || state === 'resting' ? 'worker' : 'inline'),
    async rest() {
      // only a worker that serves pages and has no stream open; a starting one is left to start
      if (state !== 'ready' || streams.size > 0) return;
      const w = worker;
      state = 'resting';
      worker = null;
      if (w) await w.terminate();
    },
    async close() {
      const w = worker;
      state = 'closed';
      worker = null;
      if (w) await w.terminate();
    },
  };
}
