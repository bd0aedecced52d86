/**
 * Keeps the hall's postings equal to the hub's (DESIGN.md "Sync rules").
 *
 * The guarantee comes from the cursor, not from the socket: on every (re)connect the hall
 * pages through the REST feed from its stored cursor; live `change` events are only a fast
 * path — applied when they are exactly the next seq, skipped when already applied, and a gap
 * starts a catch-up. Heartbeat acks carry the hub's last seq, so even a lost last event is
 * noticed. Reconnects are driven here (socket.io's own reconnection is off) so a refused token
 * backs off slowly instead of hammering the hub.
 *
 * Failover: the hub may be several nodes (`--hub URL1,URL2,URL3`). The hall talks to one at a
 * time; when it loses that node, or cannot reach it, it tries the next one at once, and backs
 * off only after a whole round failed. Every node serves the same change log, so a move is just
 * a reconnect: the catch-up from the cursor brings whatever the hall missed, and outbox items
 * whose ack was lost are sent again to the new node, which stores them once by id.
 */
import { setImmediate } from 'node:timers/promises';
import { io, type Socket as IoSocket } from 'socket.io-client';
import type { Logger } from '../util/logger';
import type { ApplyResult, ChangeApplier } from './apply-changes';
import { backoffDelay, AUTH_BACKOFF, RECONNECT_BACKOFF, type BackoffPolicy, type RandomSource } from './backoff';
import {
  HALL_NAMESPACE,
  HeartbeatAckSchema,
  type HallClientEvents,
  type HallHandshake,
  type HallServerEvents,
} from '../../../shared/api/hub-wire';
import { seqOf, type SequencedChange } from './sequenced-change';
import { HubAuthError, type HubEndpoint, type HubRequestError } from './hub-api';
import { createPageSource, type WorkerScript } from './page-source';

/** The hall's socket to one hub node, typed by the `/hall` event map (shared/api/hub-wire.ts). */
export type HubSocket = IoSocket<HallServerEvents, HallClientEvents>;

export interface SyncTuning {
  /** Changes per REST page during catch-up. */
  pageSize: number;
  reconnect: BackoffPolicy;
  authBackoff: BackoffPolicy;
  heartbeatMs: number;
  /** Offline longer than this and the boards show the stale banner. */
  staleAfterMs: number;
  requestTimeoutMs: number;
  /** Live changes held while a catch-up runs; beyond this they are dropped and re-fetched. */
  maxBuffered: number;
  /** How long the first catch-up waits for the page worker to start (page-source.ts, 3 s); tests lengthen it. */
  pageWorkerStartWaitMs?: number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  pageSize: 5000,
  reconnect: RECONNECT_BACKOFF,
  authBackoff: AUTH_BACKOFF,
  heartbeatMs: 10_000,
  staleAfterMs: 10 * 60_000,
  requestTimeoutMs: 30_000,
  maxBuffered: 10_000,
};

export interface SyncClientDeps {
  hub: HubEndpoint;
  applier: ChangeApplier;
  /** The cursor as committed in the database. */
  readCursor: () => number;
  clock: () => number;
  random: RandomSource;
  log: Logger;
  tuning?: Partial<SyncTuning>;
  /** Postings changed: re-plan the boards. */
  onDataChanged: () => void;
  /** Connection, staleness or last-sync time changed: tell the screens. */
  onStatusChanged: () => void;
  /** Called on every connect, after which the socket can carry submissions. */
  onConnected?: (socket: HubSocket) => void;
  /** The page worker that reads and checks catch-up pages; null or absent: this thread does. */
  pageWorker?: WorkerScript | null;
  /** What the hall tells the hub with each heartbeat (outbox lag, screens online), for /city. */
  heartbeatReport?: () => Record<string, unknown>;
  /** Called as a catch-up starts; what it returns is called when the catch-up ends. */
  beginBulkWrites?: () => () => void;
}

export interface SyncError {
  code: string;
  message: string;
  at: number;
}

export interface SyncStatus {
  hub: 'connected' | 'offline';
  cursor: number;
  /** When the hall last knew itself up to date with the hub. */
  lastSyncAt: number | null;
  /** The hub's last seq as last heard, or null before first contact. */
  hubLastSeq: number | null;
  /** Changes the hall is behind the hub by, as far as it knows. */
  lagChanges: number;
  /** ms since lastSyncAt (or since start when never synced). */
  lagMs: number;
  offlineSince: number | null;
  stale: boolean;
  error: SyncError | null;
  authFailures: number;
  reconnectAttempts: number;
  /** Where catch-up pages are read and checked (see page-source.ts). */
  pageReader: 'worker' | 'inline';
  /** The hub node this hall uses now (or tries next), one of `--hub`'s URLs. */
  hubUrl: string;
  /** Times the hall moved to another hub node. */
  failovers: number;
}

export interface SyncClient {
  start(): void;
  status(): SyncStatus;
  socket(): HubSocket;
  /** Resolves when a running catch-up is done (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createSyncClient(deps: SyncClientDeps): SyncClient {
  const tuning: SyncTuning = { ...DEFAULT_SYNC_TUNING, ...deps.tuning };
  const { hub, applier, clock, log } = deps;
  const startedAt = clock();

  let cursor = deps.readCursor();
  let hubLastSeq: number | null = null;
  let lastSyncAt: number | null = null;
  let connected = false;
  let offlineSince: number | null = startedAt;
  let lastError: SyncError | null = null;
  let authFailures = 0;
  let attempts = 0;
  let closed = false;
  let catchUp: Promise<void> | null = null;
  let catchUpAgain = false;
  let buffer: SequencedChange[] = [];
  let bufferOverflowed = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let staleTimer: NodeJS.Timeout | null = null;
  let retryCatchUpTimer: NodeJS.Timeout | null = null;
  let catchUpFailures = 0;
  /** Set when REST refused the token: the coming disconnect should back off slowly. */
  let tokenRefused = false;
  const abort = new AbortController();
  const urls = hub.urls && hub.urls.length > 0 ? [...hub.urls] : [hub.url];
  let current = 0;
  let failovers = 0;
  /** Failed attempts since the last good connection, over all nodes. */
  let failedInRound = 0;
  const endpoint = (): HubEndpoint => ({ url: urls[current]!, hallId: hub.hallId, token: hub.token });
  const pages = createPageSource({
    hub: endpoint,
    pageSize: tuning.pageSize,
    timeoutMs: tuning.requestTimeoutMs,
    log,
    worker: deps.pageWorker ?? null,
    ...(tuning.pageWorkerStartWaitMs !== undefined ? { startWaitMs: tuning.pageWorkerStartWaitMs } : {}),
  });
  const loggedOnce = new Set<string>();

  // One socket per node, made when first needed; only the current one's events count.
  const sockets = new Map<number, HubSocket>();
  function socketFor(index: number): HubSocket {
    let s = sockets.get(index);
    if (!s) {
      s = io(`${urls[index]}${HALL_NAMESPACE}`, {
        autoConnect: false,
        reconnection: false,
        forceNew: true,
        transports: ['websocket'],
        timeout: 10_000,
        auth: (cb) => cb({ hallId: hub.hallId, token: hub.token, since: cursor } satisfies HallHandshake),
      });
      wire(s);
      sockets.set(index, s);
    }
    return s;
  }

  function setError(code: string, message: string): void {
    lastError = { code, message, at: clock() };
    // One line per kind of trouble, not one per retry; a recovery re-arms it.
    if (!loggedOnce.has(code)) {
      loggedOnce.add(code);
      if (code === 'unauthorized') log.error({ hub: urls[current], hallId: hub.hallId }, message);
      else log.warn({ hub: urls[current], code }, message);
    }
  }

  function markSynced(): void {
    lastSyncAt = clock();
  }

  // ---- applying --------------------------------------------------------------------------

  /** Takes in what one applier transaction committed. */
  function applied(result: ApplyResult): void {
    cursor = result.cursor;
    if (hubLastSeq === null || cursor > hubLastSeq) hubLastSeq = cursor;
    if (result.changed > 0) deps.onDataChanged();
  }

  function handleLive(change: SequencedChange): void {
    if (change.seq <= cursor) return;
    if (change.seq === cursor + 1) {
      applied(applier.apply([change]));
      markSynced();
      return;
    }
    buffer.push(change);
    startCatchUp();
  }

  function onLive(raw: unknown): void {
    if (closed) return;
    const seq = seqOf(raw);
    if (seq === null) {
      setError(
        'bad_live_change',
        'sync: ignored a live change without a usable seq; the next catch-up reads it from the feed',
      );
      return;
    }
    if (hubLastSeq === null || seq > hubLastSeq) hubLastSeq = seq;
    if (catchUp) {
      if (buffer.length < tuning.maxBuffered) buffer.push({ seq, raw });
      else bufferOverflowed = true;
      return;
    }
    try {
      handleLive({ seq, raw });
    } catch (error) {
      // The transaction rolled back and the cursor did not move: the feed will replay it.
      setError(
        'apply_failed',
        `sync: applying change ${seq} failed (${(error as Error).message}); retrying by catch-up`,
      );
      scheduleCatchUpRetry();
    }
  }

  // ---- catch-up --------------------------------------------------------------------------

  async function runCatchUp(): Promise<void> {
    // One stream of pages from the cursor (the page source reads ahead while this thread
    // writes); a new stream whenever the cursor moved some other way between pages.
    for (;;) {
      let restart = false;
      let synced = false;
      for await (const page of pages.pages(cursor, abort.signal)) {
        if (closed) return;
        hubLastSeq = Math.max(hubLastSeq ?? 0, page.lastSeq);
        const done = !page.hasMore;
        // At the end of the feed the cursor may move to lastSeq: nothing lies in between.
        applied(applier.applyPrepared(page.changes, done ? page.lastSeq : undefined));
        if (done) {
          if (page.lastSeq < cursor) {
            setError(
              'hub_behind',
              `sync: the hub's log ends at ${page.lastSeq} but this hall has applied up to ${cursor}; was the hub reset?`,
            );
          }
          markSynced();
          synced = true;
          break;
        }
        if (cursor !== page.through) {
          restart = true;
          break;
        }
        // Pages the worker sent together arrive in one turn of the event loop, and taking the
        // next one never leaves the microtask queue: turn the loop, so boards, kiosks and
        // /healthz are served between two pages' writes, not after the whole catch-up.
        await setImmediate();
      }
      // the stream is closed now; the page worker's heap is not needed until the next catch-up
      if (synced) await pages.rest();
      if (!restart || closed) return;
    }
  }

  function drainBuffer(): void {
    const pending = buffer.sort((a, b) => a.seq - b.seq);
    buffer = [];
    for (const change of pending) {
      if (catchUp) {
        buffer.push(change);
        continue;
      }
      handleLive(change);
    }
  }

  function startCatchUp(): Promise<void> {
    if (catchUp) {
      catchUpAgain = true;
      return catchUp;
    }
    if (retryCatchUpTimer) {
      clearTimeout(retryCatchUpTimer);
      retryCatchUpTimer = null;
    }
    catchUp = (async () => {
      const endBulkWrites = deps.beginBulkWrites?.() ?? (() => undefined);
      try {
        do {
          catchUpAgain = false;
          bufferOverflowed = false;
          await runCatchUp();
        } while ((catchUpAgain || bufferOverflowed) && !closed);
        endBulkWrites();
        catchUpFailures = 0;
        if (lastError && lastError.code !== 'hub_behind') lastError = null;
        deps.onStatusChanged();
      } catch (error) {
        if (closed) return;
        if (error instanceof HubAuthError) {
          setError('unauthorized', error.message);
          // The socket may still be up with a revoked token; drop it and back off slowly.
          authFailures++;
          tokenRefused = true;
          socket.disconnect();
          return;
        }
        setError((error as HubRequestError).code ?? 'catch_up_failed', (error as Error).message);
        scheduleCatchUpRetry();
      } finally {
        catchUp = null;
        endBulkWrites();
      }
      if (!closed) {
        try {
          drainBuffer();
        } catch (error) {
          setError('apply_failed', `sync: applying buffered changes failed (${(error as Error).message})`);
          scheduleCatchUpRetry();
        }
      }
    })();
    return catchUp;
  }

  function scheduleCatchUpRetry(): void {
    if (closed || !connected || retryCatchUpTimer) return;
    catchUpFailures++;
    const delay = backoffDelay(tuning.reconnect, catchUpFailures, deps.random);
    retryCatchUpTimer = setTimeout(() => {
      retryCatchUpTimer = null;
      if (connected && !closed) void startCatchUp();
    }, delay);
    retryCatchUpTimer.unref();
  }

  // ---- connection ------------------------------------------------------------------------

  /**
   * The next attempt goes to the next node: at once while this round has nodes left to try (a
   * node that died costs its halls no back-off), with back-off once every node has failed.
   */
  function scheduleReconnect(policy: BackoffPolicy): void {
    if (closed || reconnectTimer) return;
    attempts++;
    failedInRound++;
    if (urls.length > 1) {
      const from = urls[current];
      current = (current + 1) % urls.length;
      failovers++;
      log.warn({ from, to: urls[current] }, 'sync: trying the next hub node');
    }
    const rounds = Math.floor(failedInRound / urls.length);
    const delay = rounds === 0 ? 0 : backoffDelay(policy, rounds, deps.random);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (closed) return;
      const next = socketFor(current);
      if (next !== socket) {
        // The old node's socket goes quiet; acks still pending on it time out and are retried.
        socket.disconnect();
        socket = next;
      }
      if (!socket.connected) socket.connect();
    }, delay);
    reconnectTimer.unref();
  }

  function goneOffline(): void {
    const wasConnected = connected;
    connected = false;
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
    if (retryCatchUpTimer) clearTimeout(retryCatchUpTimer);
    retryCatchUpTimer = null;
    if (wasConnected || offlineSince === null) offlineSince = clock();
    if (!staleTimer) {
      // Wake up exactly when the hall turns stale, so the banner appears on time.
      const wait = Math.max(0, (offlineSince ?? clock()) + tuning.staleAfterMs - clock()) + 5;
      staleTimer = setTimeout(() => {
        staleTimer = null;
        deps.onStatusChanged();
      }, wait);
      staleTimer.unref();
    }
    if (wasConnected) deps.onStatusChanged();
  }

  function heartbeat(): void {
    if (!connected) return;
    socket
      .timeout(Math.min(10_000, tuning.heartbeatMs))
      .emit(
        'heartbeat',
        { hallId: hub.hallId, cursor, ...deps.heartbeatReport?.() },
        (err: Error | null, ack: unknown) => {
          if (err || closed) return;
          const parsed = HeartbeatAckSchema.safeParse(ack);
          if (!parsed.success) return;
          hubLastSeq = Math.max(hubLastSeq ?? 0, parsed.data.lastSeq);
          if (parsed.data.lastSeq > cursor && !catchUp && buffer.length === 0) void startCatchUp();
          else if (parsed.data.lastSeq <= cursor) markSynced();
        },
      );
  }

  function wire(s: HubSocket): void {
    s.on('connect', () => {
      if (s !== socket || closed) {
        s.disconnect();
        return;
      }
      connected = true;
      tokenRefused = false;
      attempts = 0;
      failedInRound = 0;
      offlineSince = null;
      loggedOnce.clear();
      if (lastError?.code === 'unauthorized' || lastError?.code === 'unreachable') lastError = null;
      if (staleTimer) clearTimeout(staleTimer);
      staleTimer = null;
      log.info({ hub: urls[current], cursor }, 'connected to the hub; catching up');
      deps.onStatusChanged();
      heartbeatTimer = setInterval(heartbeat, tuning.heartbeatMs);
      heartbeatTimer.unref();
      void startCatchUp();
      deps.onConnected?.(s);
    });

    s.on('disconnect', (reason) => {
      if (closed || s !== socket) return;
      log.warn({ hub: urls[current], reason }, 'lost the hub; will reconnect');
      goneOffline();
      scheduleReconnect(tokenRefused ? tuning.authBackoff : tuning.reconnect);
    });

    s.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      if (closed || s !== socket) return;
      const code = error.data?.code;
      goneOffline();
      if (code === 'unauthorized' || code === 'bad_handshake') {
        authFailures++;
        setError(
          'unauthorized',
          `sync: the hub at ${urls[current]} refused hall "${hub.hallId}": ${error.data?.message ?? error.message}; check --hall-id and --hub-token (retrying slowly)`,
        );
        scheduleReconnect(tuning.authBackoff);
        return;
      }
      // 'draining': the node is shutting down and sends its halls elsewhere
      setError(
        'unreachable',
        `sync: cannot reach the hub at ${urls[current]} (${error.data?.message ?? error.message}); retrying with back-off`,
      );
      scheduleReconnect(tuning.reconnect);
    });

    s.on('change', (raw: unknown) => {
      if (s === socket) onLive(raw);
    });
  }

  let socket: HubSocket = socketFor(0);

  return {
    start() {
      if (closed) return;
      goneOffline();
      socket.connect();
    },
    status() {
      const now = clock();
      const lagFrom = lastSyncAt ?? startedAt;
      return {
        hub: connected ? 'connected' : 'offline',
        cursor,
        lastSyncAt,
        hubLastSeq,
        lagChanges: Math.max(0, (hubLastSeq ?? cursor) - cursor),
        lagMs: Math.max(0, now - lagFrom),
        offlineSince: connected ? null : offlineSince,
        stale: !connected && offlineSince !== null && now - offlineSince > tuning.staleAfterMs,
        error: lastError,
        authFailures,
        reconnectAttempts: attempts,
        pageReader: pages.mode(),
        hubUrl: urls[current]!,
        failovers,
      };
    },
    socket: () => socket,
    idle: async () => {
      while (catchUp) await catchUp;
    },
    async close() {
      closed = true;
      for (const t of [reconnectTimer, retryCatchUpTimer, staleTimer]) if (t) clearTimeout(t);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      abort.abort();
      for (const s of sockets.values()) {
        s.disconnect();
        s.removeAllListeners();
      }
      await catchUp?.catch(() => undefined);
      await pages.close();
    },
  };
}
