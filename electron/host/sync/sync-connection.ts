/**
 * The hall's connection to the hub: one socket per hub node, the handshake, failover between
 * nodes, reconnect back-off, heartbeats and their acks, and the stale timer.
 *
 * Reconnects are driven here (socket.io's own reconnection is off) so a refused token backs off
 * slowly instead of hammering the hub. The hall talks to one node at a time; when it loses that
 * node, or cannot reach it, it tries the next one at once, and backs off only after a whole round
 * failed. Heartbeat acks carry the hub's last seq, so even a lost last event is noticed: a hall
 * behind starts a catch-up (sync-intake.ts), which also runs on every connect. Only the current
 * socket's events count. sync-client.ts wires this in.
 */
import { io } from 'socket.io-client';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { HALL_NAMESPACE, HeartbeatAckSchema, type HallHandshake } from '../../../shared/api/hub-wire';
import type { SyncIntake } from './sync-intake';
import type { HubSocket, SyncClientDeps, SyncState, SyncTuning } from './sync-client';

export interface SyncConnectionDeps extends Pick<
  SyncClientDeps,
  'hub' | 'clock' | 'random' | 'log' | 'onStatusChanged' | 'onConnected' | 'heartbeatReport'
> {
  tuning: SyncTuning;
  state: SyncState;
  intake: SyncIntake;
  setError(code: string, message: string): void;
  markSynced(): void;
  /** A good connection: the errors logged once may be logged again. */
  rearmLogs(): void;
}

export interface SyncConnection {
  /** The current node's socket. */
  socket(): HubSocket;
  /** The first connect (SyncClient.start). */
  start(): void;
  close(): void;
}

export function createSyncConnection(deps: SyncConnectionDeps): SyncConnection {
  const { hub, clock, log, tuning, state, intake, setError, markSynced } = deps;
  const { urls } = state;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let staleTimer: NodeJS.Timeout | null = null;
  /** Failed attempts since the last good connection, over all nodes. */
  let failedInRound = 0;

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
        auth: (cb) => cb({ hallId: hub.hallId, token: hub.token, since: state.cursor } satisfies HallHandshake),
      });
      wire(s);
      sockets.set(index, s);
    }
    return s;
  }

  /**
   * The next attempt goes to the next node: at once while this round has nodes left to try (a
   * node that died costs its halls no back-off), with back-off once every node has failed.
   */
  function scheduleReconnect(policy: BackoffPolicy): void {
    if (state.closed || reconnectTimer) return;
    state.attempts++;
    failedInRound++;
    if (urls.length > 1) {
      const from = urls[state.current];
      state.current = (state.current + 1) % urls.length;
      state.failovers++;
      log.warn({ from, to: urls[state.current] }, 'sync: trying the next hub node');
    }
    const rounds = Math.floor(failedInRound / urls.length);
    const delay = rounds === 0 ? 0 : backoffDelay(policy, rounds, deps.random);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (state.closed) return;
      const next = socketFor(state.current);
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
    const wasConnected = state.connected;
    state.connected = false;
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
    intake.cancelRetry();
    if (wasConnected || state.offlineSince === null) state.offlineSince = clock();
    if (!staleTimer) {
      // Wake up exactly when the hall turns stale, so the banner appears on time.
      const wait = Math.max(0, (state.offlineSince ?? clock()) + tuning.staleAfterMs - clock()) + 5;
      staleTimer = setTimeout(() => {
        staleTimer = null;
        deps.onStatusChanged();
      }, wait);
      staleTimer.unref();
    }
    if (wasConnected) deps.onStatusChanged();
  }

  function heartbeat(): void {
    if (!state.connected) return;
    socket
      .timeout(Math.min(10_000, tuning.heartbeatMs))
      .emit(
        'heartbeat',
        { hallId: hub.hallId, cursor: state.cursor, ...deps.heartbeatReport?.() },
        (err: Error | null, ack: unknown) => {
          if (err || state.closed) return;
          const parsed = HeartbeatAckSchema.safeParse(ack);
          if (!parsed.success) return;
          state.hubLastSeq = Math.max(state.hubLastSeq ?? 0, parsed.data.lastSeq);
          if (parsed.data.lastSeq > state.cursor && !intake.running() && intake.buffered() === 0)
            void intake.startCatchUp();
          else if (parsed.data.lastSeq <= state.cursor) markSynced();
        },
      );
  }

  function wire(s: HubSocket): void {
    s.on('connect', () => {
      if (s !== socket || state.closed) {
        s.disconnect();
        return;
      }
      state.connected = true;
      state.tokenRefused = false;
      state.attempts = 0;
      failedInRound = 0;
      state.offlineSince = null;
      deps.rearmLogs();
      if (state.lastError?.code === 'unauthorized' || state.lastError?.code === 'unreachable') state.lastError = null;
      if (staleTimer) clearTimeout(staleTimer);
      staleTimer = null;
      log.info({ hub: urls[state.current], cursor: state.cursor }, 'connected to the hub; catching up');
      deps.onStatusChanged();
      heartbeatTimer = setInterval(heartbeat, tuning.heartbeatMs);
      heartbeatTimer.unref();
      void intake.startCatchUp();
      deps.onConnected?.(s);
    });

    s.on('disconnect', (reason) => {
      if (state.closed || s !== socket) return;
      log.warn({ hub: urls[state.current], reason }, 'lost the hub; will reconnect');
      goneOffline();
      scheduleReconnect(state.tokenRefused ? tuning.authBackoff : tuning.reconnect);
    });

    s.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      if (state.closed || s !== socket) return;
      const code = error.data?.code;
      goneOffline();
      if (code === 'unauthorized' || code === 'bad_handshake') {
        state.authFailures++;
        setError(
          'unauthorized',
          `sync: the hub at ${urls[state.current]} refused hall "${hub.hallId}": ${error.data?.message ?? error.message}; check --hall-id and --hub-token (retrying slowly)`,
        );
        scheduleReconnect(tuning.authBackoff);
        return;
      }
      // 'draining': the node is shutting down and sends its halls elsewhere
      setError(
        'unreachable',
        `sync: cannot reach the hub at ${urls[state.current]} (${error.data?.message ?? error.message}); retrying with back-off`,
      );
      scheduleReconnect(tuning.reconnect);
    });

    s.on('change', (raw: unknown) => {
      if (s === socket) intake.onLive(raw);
    });
  }

  let socket: HubSocket = socketFor(0);

  return {
    socket: () => socket,
    start() {
      goneOffline();
      socket.connect();
    },
    close() {
      for (const t of [reconnectTimer, staleTimer]) if (t) clearTimeout(t);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      for (const s of sockets.values()) {
        s.disconnect();
        s.removeAllListeners();
      }
    },
  };
}
