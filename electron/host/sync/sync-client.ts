/**
 * Keeps the hall's postings equal to the hub's (DESIGN.md "Sync rules").
 * This file holds the public types, the state the parts share, status() and the wiring; the
 * change intake (live changes, catch-up, buffer) is sync-intake.ts, the socket to the hub nodes
 * (handshake, failover, reconnects, heartbeats) is sync-connection.ts.
 *
 * The guarantee comes from the cursor, not from the socket: on every (re)connect the hall
 * pages through the REST feed from its stored cursor; live `change` events are only a fast
 * path — applied when they are exactly the next seq, skipped when already applied, and a gap
 * starts a catch-up. Heartbeat acks carry the hub's last seq, so even a lost last event is
 * noticed (sync-connection.ts drives the reconnects).
 *
 * Failover: the hub may be several nodes (`--hub URL1,URL2,URL3`). The hall talks to one at a
 * time; when it loses that node, or cannot reach it, it tries the next one at once, and backs
 * off only after a whole round failed. Every node serves the same change log, so a move is just
 * a reconnect: the catch-up from the cursor brings whatever the hall missed, and outbox items
 * whose ack was lost are sent again to the new node, which stores them once by id.
 */
import type { Socket as IoSocket } from 'socket.io-client';
import type { Logger } from '../util/logger';
import type { ChangeApplier } from './apply-changes';
import { AUTH_BACKOFF, RECONNECT_BACKOFF, type BackoffPolicy, type RandomSource } from './backoff';
import type { HallClientEvents, HallServerEvents } from '../../../shared/api/hub-wire';
import type { HubEndpoint } from './hub-api';
import { createPageSource, type WorkerScript } from './page-source';
import { createSyncIntake } from './sync-intake';
import { createSyncConnection } from './sync-connection';

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

/** What the intake and the connection share; status() reads it. */
export interface SyncState {
  cursor: number;
  hubLastSeq: number | null;
  lastSyncAt: number | null;
  connected: boolean;
  offlineSince: number | null;
  lastError: SyncError | null;
  authFailures: number;
  attempts: number;
  closed: boolean;
  /** Set when REST refused the token: the coming disconnect should back off slowly. */
  tokenRefused: boolean;
  /** The hub nodes, and the one in use (or tried next). */
  urls: string[];
  current: number;
  failovers: number;
}

export function createSyncClient(deps: SyncClientDeps): SyncClient {
  const tuning: SyncTuning = { ...DEFAULT_SYNC_TUNING, ...deps.tuning };
  const { hub, clock, log } = deps;
  const startedAt = clock();

  const state: SyncState = {
    cursor: deps.readCursor(),
    hubLastSeq: null,
    lastSyncAt: null,
    connected: false,
    offlineSince: startedAt,
    lastError: null,
    authFailures: 0,
    attempts: 0,
    closed: false,
    tokenRefused: false,
    urls: hub.urls && hub.urls.length > 0 ? [...hub.urls] : [hub.url],
    current: 0,
    failovers: 0,
  };
  const { urls } = state;
  const abort = new AbortController();
  const endpoint = (): HubEndpoint => ({ url: urls[state.current]!, hallId: hub.hallId, token: hub.token });
  const pages = createPageSource({
    hub: endpoint,
    pageSize: tuning.pageSize,
    timeoutMs: tuning.requestTimeoutMs,
    log,
    worker: deps.pageWorker ?? null,
    ...(tuning.pageWorkerStartWaitMs !== undefined ? { startWaitMs: tuning.pageWorkerStartWaitMs } : {}),
  });
  const loggedOnce = new Set<string>();

  function setError(code: string, message: string): void {
    state.lastError = { code, message, at: clock() };
    // One line per kind of trouble, not one per retry; a recovery re-arms it.
    if (!loggedOnce.has(code)) {
      loggedOnce.add(code);
      if (code === 'unauthorized') log.error({ hub: urls[state.current], hallId: hub.hallId }, message);
      else log.warn({ hub: urls[state.current], code }, message);
    }
  }

  function markSynced(): void {
    state.lastSyncAt = clock();
  }

  const intake = createSyncIntake({
    ...deps,
    tuning,
    state,
    pages,
    signal: abort.signal,
    setError,
    markSynced,
    dropSocket: () => connection.socket().disconnect(),
  });
  const connection = createSyncConnection({
    ...deps,
    tuning,
    state,
    intake,
    setError,
    markSynced,
    rearmLogs: () => loggedOnce.clear(),
  });

  return {
    start() {
      if (state.closed) return;
      connection.start();
    },
    status() {
      const now = clock();
      const { connected, offlineSince } = state;
      const lagFrom = state.lastSyncAt ?? startedAt;
      return {
        hub: connected ? 'connected' : 'offline',
        cursor: state.cursor,
        lastSyncAt: state.lastSyncAt,
        hubLastSeq: state.hubLastSeq,
        lagChanges: Math.max(0, (state.hubLastSeq ?? state.cursor) - state.cursor),
        lagMs: Math.max(0, now - lagFrom),
        offlineSince: connected ? null : offlineSince,
        stale: !connected && offlineSince !== null && now - offlineSince > tuning.staleAfterMs,
        error: state.lastError,
        authFailures: state.authFailures,
        reconnectAttempts: state.attempts,
        pageReader: pages.mode(),
        hubUrl: urls[state.current]!,
        failovers: state.failovers,
      };
    },
    socket: () => connection.socket(),
    idle: async () => {
      while (intake.running()) await intake.running();
    },
    async close() {
      state.closed = true;
      intake.cancelRetry();
      abort.abort();
      connection.close();
      await intake.running()?.catch(() => undefined);
      await pages.close();
    },
  };
}
