/**
 * What a board page is owed of its group's plan, and getting it there.
 *
 * A group's new plan goes to each page as a `plan-patch` from the plan it holds where the page
 * takes patches and holds the base, else as the whole plan — one packet per group, kept while
 * pages are being given it (FULL_KEEP_MS), never one made per page. A page still receiving an
 * earlier send is owed the newest plan and gets it once free (checked every OWED_CHECK_MS),
 * never a queue of plans. Packets are sent as the bytes the plan worker wrote
 * (server/raw-packet-adapter.ts). board-service.ts calls deliver after each batch;
 * board-sockets.ts calls giveFull when a page joins a group or asks for a resync.
 */
import { BOARD_NAMESPACE } from '../../../shared/contract';
import type { Viewport } from '../../../shared/schemas/screen';
import { RawPacket } from '../server/raw-packet';
import type { TokenBucket } from '../server/rate-limit';
import type { PlanSummary } from './plan-engine';
import type { BoardSocket } from './board-sockets';
import type { BoardServiceDeps } from './board-service';

export interface Group {
  key: string;
  screenId: string;
  viewport: Viewport | null;
  sockets: Set<string>;
  summary: PlanSummary | null;
  /** The patch that made the current plan, for a page let through late that holds its base. */
  lastPatch: { base: string; packet: RawPacket } | null;
  /**
   * The whole current plan while pages are being given it (a connect wave, pages let through
   * late): one packet for all of them, not one made per page. Dropped when the plan changes or
   * FULL_KEEP_MS after its last use.
   */
  full: { planId: string; packet: RawPacket; timer: NodeJS.Timeout } | null;
}

export interface SocketState {
  viewportBucket: TokenBucket;
  heartbeatBucket: TokenBucket;
  resyncBucket: TokenBucket;
  overLimit: number;
  waitTimer: NodeJS.Timeout | null;
  /** The plan id this page was last sent (whole or as a patch): what it holds once it has read it. */
  holds: string | null;
  /** The page needs the whole plan (it joined the group, or asked). */
  needsFull: boolean;
}

/**
 * A page whose previous send is still on its way (a slow LAN link, a hung browser): it gets
 * the newest plan once that send is through, never a queue of plans (5 MB each at 20,000
 * postings) that would only pile up in the host's memory.
 */
function backlogged(socket: BoardSocket): boolean {
  const conn = socket.conn as unknown as { transport?: { writable?: boolean }; writeBuffer?: unknown[] };
  return conn.transport?.writable === false || (conn.writeBuffer?.length ?? 0) > 0;
}
const OWED_CHECK_MS = 100;
const FULL_KEEP_MS = 10_000;

export interface BoardDeliveryDeps extends Pick<BoardServiceDeps, 'namespace' | 'play'> {
  states: Map<string, SocketState>;
  groups: Map<string, Group>;
  /** The service's counters (BoardCounters) this side adds to. */
  counters: { plansSent: number; patchesSent: number; plansDeferred: number };
  /** Asks for the next batch (coalesced): it makes the whole plan a page needs. */
  requestFlush: () => void;
}

export interface BoardDelivery {
  /**
   * Sends a group's pages what they lack of its plan: the patch where it fits, else the whole plan.
   * True when a page needs the whole plan and the planner did not make it: the next batch must.
   */
  deliver(group: Group, summary: PlanSummary, fullBytes: Uint8Array | null, patchBytes: Uint8Array | null): boolean;
  /** A page needs the whole plan: the group's packet if it has the current one, else the next batch makes it. */
  giveFull(socket: BoardSocket, state: SocketState, group: Group): void;
  /** The group has no pages left: its kept whole plan goes. */
  dropFull(group: Group): void;
  /** A page left: it is owed nothing. */
  forget(socketId: string): void;
  close(): void;
}

export function createBoardDelivery(deps: BoardDeliveryDeps): BoardDelivery {
  const { namespace, states, groups, counters, play, requestFlush } = deps;
  /** Pages that were backlogged when their group's plan changed: they get the newest once free. */
  const owed = new Set<string>();
  let owedTimer: NodeJS.Timeout | null = null;

  function deliver(
    group: Group,
    summary: PlanSummary,
    fullBytes: Uint8Array | null,
    patchBytes: Uint8Array | null,
  ): boolean {
    let again = false;
    const base = group.summary?.planId ?? null;
    const planId = summary.planId;
    group.summary = summary;
    const full = fullBytes ? new RawPacket(BOARD_NAMESPACE, 'plan', fullBytes) : null;
    const patch = patchBytes ? new RawPacket(BOARD_NAMESPACE, 'plan-patch', patchBytes) : null;
    if (patch && base !== null) group.lastPatch = { base, packet: patch };
    else if (base !== planId) group.lastPatch = null;
    if (full) keepFull(group, planId, full);
    else if (group.full && group.full.planId !== planId) dropFull(group);
    const toFull: string[] = [];
    const toPatch: string[] = [];
    for (const id of group.sockets) {
      const socket = namespace.sockets.get(id);
      const state = states.get(id);
      if (!socket || !state || (state.holds === planId && !state.needsFull)) continue;
      // a patch queues behind whatever the page is still receiving: it is small, and in order
      if (patch && socket.data.planPatch && !state.needsFull && state.holds === base) toPatch.push(id);
      else if (backlogged(socket)) owe(id);
      else if (full) toFull.push(id);
      else {
        // this page needs the whole plan and the planner did not make it: the next batch will
        state.needsFull = true;
        again = true;
      }
    }
    if (toPatch.length > 0) send(toPatch, 'plan-patch', patch!, planId);
    if (toFull.length > 0) send(toFull, 'plan', full!, planId);
    return again;
  }

  function keepFull(group: Group, planId: string, packet: RawPacket): void {
    if (group.full) clearTimeout(group.full.timer);
    const timer = setTimeout(() => {
      if (group.full?.packet === packet) group.full = null;
    }, FULL_KEEP_MS);
    timer.unref();
    group.full = { planId, packet, timer };
  }

  function dropFull(group: Group): void {
    if (group.full) clearTimeout(group.full.timer);
    group.full = null;
  }

  function giveFull(socket: BoardSocket, state: SocketState, group: Group): void {
    state.needsFull = true;
    const planId = group.summary?.planId;
    const full = group.full;
    if (!full || full.planId !== planId) return requestFlush();
    if (backlogged(socket)) return owe(socket.id);
    keepFull(group, full.planId, full.packet);
    send([socket.id], 'plan', full.packet, full.planId);
  }

  /** One encoded event to these pages, through the adapter, so its frame is sent as built. */
  function send(ids: string[], event: 'plan' | 'plan-patch', packet: RawPacket, planId: string): void {
    for (const id of ids) {
      const state = states.get(id);
      if (!state) continue;
      state.holds = planId;
      if (event === 'plan') state.needsFull = false;
      const group = namespace.sockets.get(id)?.data.group;
      if (group) play?.sent(id, group, planId);
    }
    if (event === 'plan') counters.plansSent += ids.length;
    else counters.patchesSent += ids.length;
    namespace.to(ids).emit(event, packet as never);
  }

  function owe(socketId: string): void {
    counters.plansDeferred++;
    owed.add(socketId);
    if (owedTimer) return;
    owedTimer = setInterval(payOwed, OWED_CHECK_MS);
    owedTimer.unref();
  }

  function payOwed(): void {
    for (const id of owed) {
      const socket = namespace.sockets.get(id);
      const state = states.get(id);
      const group = socket?.data.group ? groups.get(socket.data.group) : undefined;
      if (!socket || !state || !group?.summary) {
        owed.delete(id);
        continue;
      }
      if (backlogged(socket)) continue;
      owed.delete(id);
      const planId = group.summary.planId;
      if (state.holds === planId && !state.needsFull) continue;
      const last = group.lastPatch;
      if (socket.data.planPatch && !state.needsFull && last && last.base === state.holds) {
        send([id], 'plan-patch', last.packet, planId);
      } else {
        giveFull(socket, state, group);
      }
    }
    if (owed.size === 0 && owedTimer) {
      clearInterval(owedTimer);
      owedTimer = null;
    }
  }

  return {
    deliver,
    giveFull,
    dropFull,
    forget(socketId) {
      owed.delete(socketId);
    },
    close() {
      if (owedTimer) clearInterval(owedTimer);
    },
  };
}
