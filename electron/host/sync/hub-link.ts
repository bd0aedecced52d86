/**
 * Everything the hall needs for its upstream, in one object for the composition root: the
 * sync client (postings down), the outbox pump (submissions up) over the same socket, and
 * the status both report to /healthz and the screens.
 */
import { performance } from 'node:perf_hooks';
import { beginBulkWrites } from '../db/bulk-writes';
import type { WritableDatabase } from '../db/handles';
import type { PostingStore } from '../db/posting-store';
import { createQuarantineStore } from '../db/quarantine-store';
import type { Logger } from '../util/logger';
import { createChangeApplier, type UrgentSink } from './apply-changes';
import type { BackoffPolicy, RandomSource } from './backoff';
import type { HubEndpoint } from './hub-api';
import { createOutboxPump } from './outbox-pump';
import { createOutboxStore, type OutboxItemInput } from './outbox-store';
import { defaultWorkerScript, type WorkerScript } from './page-source';
import { createSyncClient, type SyncStatus, type SyncTuning } from './sync-client';

export interface HubLinkTuning extends SyncTuning {
  /** Check catch-up pages in a worker thread (default) or on the host's thread only. */
  pageWorker: WorkerScript | null;
  submitBackoff?: BackoffPolicy;
  ackTimeoutMs?: number;
  outboxPollMs?: number;
  /** Boards are re-planned at most this often while a large catch-up streams in. */
  replanEveryMs: number;
  /** Test-only: called inside each sync transaction after its writes, before the commit. */
  insideApplyTransaction?: (run: { fromCursor: number; toCursor: number; changes: number }) => void;
}

export interface HubLinkDeps {
  hub: HubEndpoint;
  db: WritableDatabase;
  store: PostingStore;
  clock: () => number;
  log: Logger;
  random?: RandomSource;
  tuning?: Partial<HubLinkTuning>;
  urgent?: UrgentSink;
  onDataChanged: () => void;
  onStatusChanged: () => void;
  /** Screens this hall has and how many show a board page now, for the city's picture. */
  screensReport?: () => { screensOnline: number; screensTotal: number };
}

export interface HubLink {
  status(): SyncStatus;
  outboxPending(): number;
  /** Queues an item for the hub (outside any other transaction; stores use enqueueOutbox). */
  enqueue(item: OutboxItemInput): string;
  /** Another store committed outbox rows: send them now rather than at the next poll. */
  kickOutbox(): void;
  /** Resolves when no catch-up and no outbox run is in progress. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `fn` at most once per `everyMs` — or per twice its own last run time, when that is
 * longer — and always once more after the last request. Re-planning 10,000 postings takes
 * a while; under a stream of live changes this keeps the boards to a third of the time.
 */
function throttle(fn: () => void, everyMs: number): { call: () => void; cancel: () => void } {
  let nextAllowed = 0;
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    timer = null;
    const started = performance.now();
    try {
      fn();
    } finally {
      const took = performance.now() - started;
      nextAllowed = performance.now() + Math.max(everyMs, 2 * took);
    }
  };
  return {
    call() {
      if (timer) return;
      const wait = nextAllowed - performance.now();
      if (wait <= 0) fire();
      else {
        timer = setTimeout(fire, wait);
        timer.unref();
      }
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export function startHubLink(deps: HubLinkDeps): HubLink {
  const { db, store, clock, log } = deps;
  const random = deps.random ?? Math.random;
  const outbox = createOutboxStore(db);
  const applier = createChangeApplier({
    store,
    quarantine: createQuarantineStore(db),
    clock,
    log,
    source: deps.hub.url,
    urgent: deps.urgent,
    insideTransaction: deps.tuning?.insideApplyTransaction,
  });
  // The floor is short so a live change reaches the walls at once (the budget is 300 ms to
  // paint); the throttle's own 2× run-time rule is what protects a large hall under a burst.
  const dataChanged = throttle(deps.onDataChanged, deps.tuning?.replanEveryMs ?? 25);

  // With every heartbeat the hub learns how this hall is doing (/city): counts only, no content.
  const outboxLag = db.prepare<[], { n: number; oldest: number | null }>(
    'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE delivered_at IS NULL',
  );
  const heartbeatReport = () => {
    const lag = outboxLag.get();
    return { outboxPending: lag?.n ?? 0, outboxOldestAt: lag?.oldest ?? null, ...deps.screensReport?.() };
  };

  const sync = createSyncClient({
    heartbeatReport,
    hub: deps.hub,
    pageWorker: deps.tuning?.pageWorker === undefined ? defaultWorkerScript() : deps.tuning.pageWorker,
    applier,
    readCursor: () => store.getCursor(),
    clock,
    random,
    log,
    ...(deps.tuning ? { tuning: deps.tuning } : {}),
    onDataChanged: dataChanged.call,
    onStatusChanged: deps.onStatusChanged,
    onConnected: () => pump.linkRestored(),
    beginBulkWrites: () => beginBulkWrites(db),
  });

  const pump = createOutboxPump({
    outbox,
    clock,
    random,
    log,
    ...(deps.tuning?.submitBackoff ? { backoff: deps.tuning.submitBackoff } : {}),
    ...(deps.tuning?.ackTimeoutMs ? { ackTimeoutMs: deps.tuning.ackTimeoutMs } : {}),
    ...(deps.tuning?.outboxPollMs ? { pollMs: deps.tuning.outboxPollMs } : {}),
    transport: {
      connected: () => sync.socket().connected,
      submit: (item, timeoutMs) =>
        new Promise((resolve, reject) => {
          sync
            .socket()
            .timeout(timeoutMs)
            .emit('submit', item, (err: Error | null, ack: unknown) => (err ? reject(err) : resolve(ack)));
        }),
    },
  });

  sync.start();

  return {
    status: () => sync.status(),
    outboxPending: () => outbox.pendingCount(),
    enqueue(item) {
      const id = outbox.enqueue(item, clock());
      pump.kick();
      return id;
    },
    kickOutbox: () => pump.kick(),
    async idle() {
      await sync.idle();
      await pump.idle();
    },
    async close() {
      dataChanged.cancel();
      await pump.stop();
      await sync.close();
    },
  };
}
