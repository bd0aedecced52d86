/**
 * The board sockets: who may open one, joining and leaving plan groups, and the per-socket limits.
 *
 * The handshake is checked (board-gate.ts) and capped per screen and per paired device. A page
 * reports its viewport as soon as it connects (or gets the configured size after
 * VIEWPORT_WAIT_MS) and joins the plan group of its screen and size; a viewport the screen is
 * already planned for costs nothing. Viewport reports, heartbeats and resync requests are
 * validated and rate-limited per socket, and a socket that keeps sending past its limit is
 * disconnected. What a page is sent once in a group is board-delivery.ts's.
 */
import type { Namespace, Socket } from 'socket.io';
import type { ScreenProfile, Viewport } from '../../../shared/schemas/screen';
import { BoardHandshakeSchema, type BoardRefusal } from '../../../shared/contract';
import { BOARD_CLIENT_EVENTS, type BoardClientEvents, type BoardServerEvents } from '../../../shared/api/board-events';
import { createTokenBucket, type TokenBucket } from '../server/rate-limit';
import type { BoardDelivery, Group, SocketState } from './board-delivery';
import type { BoardServiceDeps, BoardTuning } from './board-service';

/** What one connected board page reported last. */
export interface ScreenPresence {
  socketId: string;
  screenId: string;
  viewport: Viewport | null;
  planId: string | null;
  pageIndex: number | null;
  urgentIds: string[];
  paintedAt: number | null;
  connectedAt: number;
  lastSeenAt: number;
}

export interface BoardSocketData {
  screenId: string;
  /** The paired board device behind a page from the hall network (null on the hall PC itself). */
  deviceId: string | null;
  viewport: Viewport | null;
  /** The plan group (screen + size) this page is in, once it has one. */
  group: string | null;
  /** The page applies `plan-patch` events (handshake `auth.planPatch`). */
  planPatch: boolean;
}

export type BoardSocket = Socket<BoardClientEvents, BoardServerEvents, Record<string, never>, BoardSocketData>;
export type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents, Record<string, never>, BoardSocketData>;

/**
 * A board page reports its viewport as soon as it connects; a page that never does gets the
 * configured-size plan after this long.
 */
export const VIEWPORT_WAIT_MS = 250;

const groupKey = (screenId: string, viewport: Viewport | null) =>
  `${screenId}@${viewport ? `${viewport.width}x${viewport.height}` : 'configured'}`;

/** The service's own deps this side uses, and what the service shares with it. */
export interface BoardSocketsDeps extends Pick<
  BoardServiceDeps,
  'namespace' | 'gate' | 'status' | 'clock' | 'log' | 'limits' | 'viewportWaitMs' | 'play'
> {
  tuning: BoardTuning;
  screenById: (id: string) => ScreenProfile | undefined;
  presence: Map<string, ScreenPresence>;
  states: Map<string, SocketState>;
  groups: Map<string, Group>;
  /** The service's counters (BoardCounters) this side adds to. */
  counters: { resyncs: number };
  delivery: Pick<BoardDelivery, 'giveFull' | 'dropFull' | 'forget'>;
  /** Asks for the next batch (coalesced). */
  requestFlush: () => void;
}

export interface BoardSockets {
  /** Pages whose screen appeared or vanished since (screens are edited at run time). */
  regroup(): void;
  /** Closes the pages of a board device staff revoked. */
  disconnectDevice(deviceId: string): number;
}

/** Takes the namespace's handshake and connections; the service calls regroup before each batch. */
export function createBoardSockets(deps: BoardSocketsDeps): BoardSockets {
  const { namespace, tuning, clock, log, limits, play, screenById, presence, states, groups, counters } = deps;
  const { delivery, requestFlush } = deps;
  const socketsOf = () => namespace.sockets.values() as IterableIterator<BoardSocket>;

  function regroup(): void {
    for (const socket of socketsOf()) {
      const state = states.get(socket.id);
      if (!state || state.waitTimer) continue;
      const screen = screenById(socket.data.screenId);
      if (!screen && socket.data.group) {
        leaveGroup(socket);
        socket.emit('screen-error', unknownScreen(socket.data.screenId));
      } else if (screen && !socket.data.group) {
        joinGroup(socket);
      }
    }
  }

  function unknownScreen(id: string) {
    return { code: 'unknown_screen', message: `screen "${id}" is not configured` };
  }

  function leaveGroup(socket: BoardSocket): void {
    const key = socket.data.group;
    if (!key) return;
    socket.data.group = null;
    const group = groups.get(key);
    if (!group) return;
    group.sockets.delete(socket.id);
    if (group.sockets.size > 0) return;
    delivery.dropFull(group);
    groups.delete(key);
    play?.groupGone(key);
  }

  /** Puts a page in the group of its screen and size; a plan the group has costs nothing. */
  function joinGroup(socket: BoardSocket): void {
    const screen = screenById(socket.data.screenId);
    if (!screen) {
      leaveGroup(socket);
      socket.emit('screen-error', unknownScreen(socket.data.screenId));
      return;
    }
    // A page at the configured size shares the plan of pages that never reported a size.
    const reported = socket.data.viewport;
    let viewport = reported && (reported.width !== screen.width || reported.height !== screen.height) ? reported : null;
    let key = groupKey(screen.id, viewport);
    if (!groups.has(key) && viewport) {
      const sizes = [...groups.values()].filter((g) => g.screenId === screen.id && g.viewport !== null).length;
      if (sizes >= tuning.maxViewportsPerScreen) {
        limits.hit('board.viewports_per_screen', { screenId: screen.id });
        viewport = null;
        key = groupKey(screen.id, null);
      }
    }
    if (socket.data.group === key) return;
    leaveGroup(socket);
    let group = groups.get(key);
    if (!group) {
      group = { key, screenId: screen.id, viewport, sockets: new Set(), summary: null, lastPatch: null, full: null };
      groups.set(key, group);
    }
    group.sockets.add(socket.id);
    socket.data.group = key;
    // the page holds nothing of this group's plan yet: it gets the whole plan the group has, or
    // the next batch brings it (the planner makes it once for every page that joined meanwhile)
    const state = states.get(socket.id);
    if (!state) return requestFlush();
    state.holds = null;
    delivery.giveFull(socket, state, group);
  }

  /** True when the socket may go on; a socket far past its limit is disconnected. */
  function withinLimit(socket: BoardSocket, state: SocketState, bucket: TokenBucket, name: string): boolean {
    if (bucket.take(clock())) return true;
    state.overLimit++;
    limits.hit(name, { screenId: socket.data.screenId });
    if (state.overLimit >= tuning.floodDisconnectAfter) {
      limits.hit('board.flood_disconnect', { screenId: socket.data.screenId });
      socket.disconnect(true);
    }
    return false;
  }

  const refuse = (code: BoardRefusal, message: string) => Object.assign(new Error(code), { data: { code, message } });

  namespace.use((socket, next) => {
    const parsed = BoardHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('board handshake needs auth.screenId (1–32 letters, digits, _ or -)'));
    const admission = deps.gate(parsed.data, socket.handshake.address);
    if (!admission.ok) return next(refuse(admission.code, admission.message));
    let onScreen = 0;
    let ofDevice = 0;
    for (const other of socketsOf()) {
      if (other.data.screenId === admission.screenId) onScreen++;
      if (admission.deviceId !== null && other.data.deviceId === admission.deviceId) ofDevice++;
    }
    if (onScreen >= tuning.maxSocketsPerScreen || ofDevice >= tuning.maxSocketsPerDevice) {
      limits.hit('board.sockets_per_screen', { screenId: admission.screenId });
      return next(
        refuse('too_many_sockets', `screen "${admission.screenId}" already has as many pages open as a screen may`),
      );
    }
    socket.data = {
      screenId: admission.screenId,
      deviceId: admission.deviceId,
      viewport: null,
      group: null,
      planPatch: parsed.data.planPatch === true,
    };
    next();
  });

  namespace.on('connection', (socket: BoardSocket) => {
    const now = clock();
    presence.set(socket.id, {
      socketId: socket.id,
      screenId: socket.data.screenId,
      viewport: null,
      planId: null,
      pageIndex: null,
      urgentIds: [],
      paintedAt: null,
      connectedAt: now,
      lastSeenAt: now,
    });
    const state: SocketState = {
      viewportBucket: createTokenBucket({ capacity: tuning.viewportBurst, refillPerS: tuning.viewportPerS }, now),
      heartbeatBucket: createTokenBucket({ capacity: tuning.heartbeatBurst, refillPerS: tuning.heartbeatPerS }, now),
      resyncBucket: createTokenBucket({ capacity: tuning.resyncBurst, refillPerS: tuning.resyncPerS }, now),
      overLimit: 0,
      waitTimer: null,
      holds: null,
      needsFull: false,
    };
    states.set(socket.id, state);
    socket.emit('status', deps.status());
    state.waitTimer = setTimeout(() => {
      state.waitTimer = null;
      joinGroup(socket);
    }, deps.viewportWaitMs ?? VIEWPORT_WAIT_MS);

    socket.on('viewport', (raw) => {
      if (!withinLimit(socket, state, state.viewportBucket, 'board.viewport_rate')) return;
      const parsed = BOARD_CLIENT_EVENTS.viewport.payload.safeParse(raw);
      if (!parsed.success) return limits.hit('board.viewport_invalid', { screenId: socket.data.screenId });
      const same =
        socket.data.viewport &&
        socket.data.viewport.width === parsed.data.width &&
        socket.data.viewport.height === parsed.data.height;
      socket.data.viewport = parsed.data;
      const p = presence.get(socket.id);
      if (p) p.viewport = parsed.data;
      if (state.waitTimer) {
        clearTimeout(state.waitTimer);
        state.waitTimer = null;
      } else if (same && socket.data.group) {
        return;
      }
      joinGroup(socket);
    });

    socket.on('heartbeat', (raw, ack) => {
      const allowed = withinLimit(socket, state, state.heartbeatBucket, 'board.heartbeat_rate');
      const parsed = allowed ? BOARD_CLIENT_EVENTS.heartbeat.payload.safeParse(raw) : null;
      const p = presence.get(socket.id);
      if (parsed?.success && p) {
        Object.assign(p, {
          planId: parsed.data.planId,
          pageIndex: parsed.data.pageIndex,
          urgentIds: parsed.data.urgentIds,
          paintedAt: parsed.data.paintedAt,
          lastSeenAt: clock(),
        });
        play?.beat(socket.id, socket.data.screenId, parsed.data);
      }
      if (typeof ack === 'function') ack(parsed?.success === true);
    });

    socket.on('plan-resync', (raw) => {
      if (!withinLimit(socket, state, state.resyncBucket, 'board.resync_rate')) return;
      if (!BOARD_CLIENT_EVENTS['plan-resync'].payload.safeParse(raw).success)
        return limits.hit('board.resync_invalid', { screenId: socket.data.screenId });
      counters.resyncs++;
      const group = socket.data.group ? groups.get(socket.data.group) : undefined;
      if (group) delivery.giveFull(socket, state, group);
    });

    socket.on('disconnect', () => {
      presence.delete(socket.id);
      play?.gone(socket.id);
      if (state.waitTimer) clearTimeout(state.waitTimer);
      states.delete(socket.id);
      delivery.forget(socket.id);
      leaveGroup(socket);
    });
    log.debug({ screenId: socket.data.screenId }, 'board connected');
  });

  return {
    regroup,
    disconnectDevice(deviceId) {
      let n = 0;
      for (const socket of socketsOf()) {
        if (socket.data.deviceId !== deviceId) continue;
        socket.disconnect(true);
        n++;
      }
      return n;
    },
  };
}
