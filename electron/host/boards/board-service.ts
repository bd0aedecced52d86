/**
 * The board pages' side of the host: who is connected, which plan each needs, and pushing it.
 *
 * Pages of the same screen at the same size share one plan group. A plan is computed once per
 * group and data change — by the plan worker, from its own copy of the postings
 * (plan-engine.ts) — and sent as the bytes the worker already wrote (server/raw-packet-adapter.ts),
 * so neither planning nor serialising runs on the host's thread. A page that takes patches
 * (`auth.planPatch`) gets a live change as a `plan-patch` from the plan it holds — a page or two
 * of a 20,000-posting wall instead of 5 MB — and the whole plan on connect and when it asks
 * (`plan-resync`); other pages get the whole plan every time. The whole plan is made only when
 * some page needs it and is not kept.
 * Changes are coalesced: while a re-plan runs, every further change waits for the next one,
 * so the host plans at most one batch behind however fast the changes come. A viewport the
 * screen is already planned for costs nothing; viewport reports and heartbeats are validated
 * and rate-limited per socket.
 */
import type { Namespace, Socket } from 'socket.io';
import type { ScreenProfile, Viewport } from '../../../shared/schemas/screen';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { BOARD_NAMESPACE, BoardHandshakeSchema, type BoardRefusal, type HallStatus } from '../../../shared/contract';
import { BOARD_CLIENT_EVENTS, type BoardClientEvents, type BoardServerEvents } from '../../../shared/api/board-events';
import type { Posting } from '../../../shared/schemas/posting';
import type { Logger } from '../util/logger';
import type { MarketPulse } from '../../../shared/pulse/market-pulse';
import type { BandsWanted } from '../../../shared/planner/bottom-band';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import { RawPacket } from '../server/raw-packet';
import { createTokenBucket, type TokenBucket } from '../server/rate-limit';
import type { LimitCounters } from '../server/limit-counters';
import type { PostingFeed } from './posting-feed';
import type { BoardGate } from './board-gate';
import { minuteOf, planForJob, summarise, type PlanJob, type PlanSummary } from './plan-engine';
import { planGroupSplit, type GroupInput } from '../../../shared/planner/board-planner';
import type { ScreenCycle } from '../../../shared/contract';
import { createPlanRunner, defaultPlanWorker, type PlanRunner } from './plan-runner';
import type { PlayObserver } from '../play/play-tracker';

/** What the boards need from the store; kept narrow so the service is easy to test. */
export interface BoardDataSource {
  activePostings(now: number): Posting[];
  dataUpdatedAt(): number | null;
  /** Market indices for screens that show the pulse page (optional: absent, no pulse page). */
  pulse?(now: number): MarketPulse | null;
  /** Bottom bands a screen must keep clear now (an urgent banner, the hall notice). */
  bands?(screenId: string, now: number): BandsWanted;
}

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

type BoardSocket = Socket<BoardClientEvents, BoardServerEvents, Record<string, never>, BoardSocketData>;
export type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents, Record<string, never>, BoardSocketData>;

export interface BoardTuning {
  /** Plans are re-checked at least this often (the pulse page, a missed expiry). */
  refreshEveryMs: number;
  /** Viewport reports per socket: a burst, then one every 1/refill seconds. */
  viewportBurst: number;
  viewportPerS: number;
  /** A socket that keeps sending past its limit this many times is disconnected. */
  floodDisconnectAfter: number;
  heartbeatBurst: number;
  heartbeatPerS: number;
  /** `plan-resync` requests per socket (each may cost a whole plan). */
  resyncBurst: number;
  resyncPerS: number;
  /** Different viewports planned per screen; further sizes get the configured-size plan. */
  maxViewportsPerScreen: number;
  /** Pages open at once per screen, and per paired device. */
  maxSocketsPerScreen: number;
  maxSocketsPerDevice: number;
}

export const DEFAULT_BOARD_TUNING: BoardTuning = {
  refreshEveryMs: 60_000,
  viewportBurst: 4,
  viewportPerS: 0.5,
  floodDisconnectAfter: 200,
  heartbeatBurst: 10,
  heartbeatPerS: 2,
  resyncBurst: 4,
  resyncPerS: 0.5,
  maxViewportsPerScreen: 8,
  maxSocketsPerScreen: 32,
  maxSocketsPerDevice: 4,
};

export interface BoardServiceDeps {
  namespace: BoardNamespace;
  screens: () => ScreenProfile[];
  /** The hall's own words on every board (hall.json); default: the planner's defaults. */
  hall?: HallProfile;
  source: BoardDataSource;
  /** The postings written since the planner last looked. */
  feed: PostingFeed;
  status: () => HallStatus;
  clock: () => number;
  log: Logger;
  limits: LimitCounters;
  /** Who may open a board socket, as which screen (board-gate.ts). */
  gate: BoardGate;
  /** Where plans are computed; default the plan worker with the host's thread as fallback. */
  planner?: (onReset: () => void) => PlanRunner;
  tuning?: Partial<BoardTuning>;
  /** How long a connecting page has to report its viewport (default VIEWPORT_WAIT_MS); tests lengthen it. */
  viewportWaitMs?: number;
  /** Proof of play: told each group's plans, what each page was sent and its heartbeats. */
  play?: PlayObserver;
}

/** Counters for /healthz and the tests: re-planning runs once per data change, not per socket. */
export interface BoardCounters {
  sockets: number;
  groups: number;
  /** Plans the planner computed (a cached plan reused is not counted). */
  plansComputed: number;
  /** Plan batches run (each covers every group that needed one). */
  batches: number;
  /** Whole plans pushed, counted per receiving page. */
  plansSent: number;
  /** Live changes pushed as a patch, counted per receiving page. */
  patchesSent: number;
  /** `plan-resync` requests from pages (a patch did not fit what they held). */
  resyncs: number;
  /** Plans held back for a page still receiving an earlier one (it gets the newest later). */
  plansDeferred: number;
  planner: 'worker' | 'inline';
  /** Postings written that the planner has not seen yet. */
  feedBehind: number;
}

export interface BoardService {
  /** Postings, screens, bands or the pulse changed: re-plan (coalesced). */
  dataChanged(): void;
  /** Hall status changed (upstream link, staleness): tell every board. */
  statusChanged(): void;
  presences(): ScreenPresence[];
  /**
   * The plan a screen would show at its configured size (or `viewport`), computed here and now
   * from the store: exact and synchronous, for staff previews, the shell and tests (the pages
   * get theirs from the planner).
   */
  planFor(screenId: string, viewport?: Viewport): BoardPlan | null;
  /** The latest plan summary of every group with pages (staff screens page). */
  summaries(): PlanSummary[];
  /**
   * Every configured screen's cycle at its configured size: the live plan's where a page holds
   * it, else a preview planned here. `plan: 'if-due'` plans previews no more often than every
   * CYCLE_PREVIEW_EVERY_MS (staff screens page); 'never' reports only what is known (/healthz).
   */
  cycles(plan: 'if-due' | 'never'): ScreenCycle[];
  /**
   * The plan a screen would get with `draft` in place of its profile (or added, for a new id),
   * at its configured size, from the store, saving nothing (the screen editor's live preview).
   */
  planDraft(draft: ScreenProfile): BoardPlan;
  counters(): BoardCounters;
  /** Closes the pages of a board device staff revoked. */
  disconnectDevice(deviceId: string): number;
  /** Resolves once every change so far is planned and pushed (tests, benchmarks). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A board page reports its viewport as soon as it connects; a page that never does gets the
 * configured-size plan after this long.
 */
export const VIEWPORT_WAIT_MS = 250;

interface Group {
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

interface SocketState {
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
/** Further behind than this, the planner is loaded afresh rather than sent each change. */
const FEED_RELOAD_AFTER = 5000;
const groupKey = (screenId: string, viewport: Viewport | null) =>
  `${screenId}@${viewport ? `${viewport.width}x${viewport.height}` : 'configured'}`;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Previews of screens with no page open are planned at most this often (20,000 postings: ~0.2 s a screen)... */
export const CYCLE_PREVIEW_EVERY_MS = 15_000;
/** ...and for at most this long per call (at least one screen). */
const PREVIEW_BUDGET_MS = 100;

const byId = (a: ScreenProfile, b: ScreenProfile) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The screens of `screen`'s wall group in `screens` (by id), or null when it names none. */
export function wallGroupOf(screen: ScreenProfile, screens: readonly ScreenProfile[]): ScreenProfile[] | null {
  if (!screen.group) return null;
  return screens.filter((s) => s.group === screen.group).sort(byId);
}

export function cycleOf(summary: PlanSummary, source: ScreenCycle['source']): ScreenCycle {
  return {
    screenId: summary.screenId,
    source,
    layout: summary.layout,
    cycleMs: summary.cycleMs,
    maxCycleMs: summary.maxCycleMs,
    overTarget: summary.cycleMs > summary.maxCycleMs,
    pages: summary.pages,
    postings: summary.totalItems,
    warnings: summary.warnings,
    group: summary.group,
    plannedAt: summary.generatedAt,
  };
}

export function createBoardService(deps: BoardServiceDeps): BoardService {
  const { namespace, source, feed, clock, log, limits, play } = deps;
  const hall = deps.hall ?? {};
  const tuning = { ...DEFAULT_BOARD_TUNING, ...deps.tuning };
  const presence = new Map<string, ScreenPresence>();
  const states = new Map<string, SocketState>();
  const groups = new Map<string, Group>();
  const counters = { plansComputed: 0, batches: 0, plansSent: 0, patchesSent: 0, resyncs: 0, plansDeferred: 0 };
  /** The minute of the data's last update the pages were last told (status event). */
  let statusMinute = minuteOf(source.dataUpdatedAt());
  /** Pages that were backlogged when their group's plan changed: they get the newest once free. */
  const owed = new Set<string>();
  let owedTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let flushing: Promise<void> | null = null;
  let again = false;
  let scheduled: NodeJS.Immediate | null = null;
  let tick: NodeJS.Timeout | null = null;
  let idleWaiters: Array<() => void> = [];

  const runner: PlanRunner = (
    deps.planner ?? ((onReset) => createPlanRunner({ log, worker: defaultPlanWorker(), onReset }))
  )(() => {
    feed.reset();
    for (const g of groups.values()) g.summary = null;
    requestFlush();
  });

  const screenById = (id: string) => deps.screens().find((s) => s.id === id);
  const socketsOf = () => namespace.sockets.values() as IterableIterator<BoardSocket>;

  function jobFor(group: Group, now: number): PlanJob | null {
    const screen = screenById(group.screenId);
    if (!screen) return null;
    let full: PlanJob['full'] = 'no';
    for (const id of group.sockets) {
      if (states.get(id)?.needsFull) {
        full = 'yes';
        break;
      }
      if (namespace.sockets.get(id)?.data.planPatch === false) full = 'if-changed';
    }
    return {
      full,
      key: group.key,
      screen,
      viewport: group.viewport,
      bands: source.bands?.(screen.id, now) ?? { urgent: false, notice: false },
      pulse: screen.pulsePage && source.pulse ? source.pulse(now) : null,
      hall,
      group: wallGroupOf(screen, deps.screens()),
      have: group.summary?.planId ?? null,
    };
  }

  /** The store's postings now, and the wall groups split from them so far (one read, one split per group). */
  interface Here {
    now: number;
    postings: Posting[];
    splits: Map<string, GroupInput>;
  }
  const hereNow = (): Here => {
    const now = clock();
    return { now, postings: source.activePostings(now), splits: new Map() };
  };

  /** A plan made here from the store (not the planner's), with its wall group's split. */
  function planHere(
    screen: ScreenProfile,
    screens: readonly ScreenProfile[],
    viewport?: Viewport,
    here: Here = hereNow(),
  ): BoardPlan {
    const { now, postings } = here;
    const members = wallGroupOf(screen, screens);
    let group: GroupInput | null = null;
    if (members) {
      const key = JSON.stringify(members);
      group = here.splits.get(key) ?? {
        split: planGroupSplit(screen.group!, members, postings, now, hall),
        screens: members,
      };
      here.splits.set(key, group);
    }
    return planForJob(
      {
        screen,
        viewport: viewport ?? null,
        bands: source.bands?.(screen.id, now) ?? { urgent: false, notice: false },
        pulse: screen.pulsePage && source.pulse ? source.pulse(now) : null,
        hall,
      },
      postings,
      now,
      source.dataUpdatedAt(),
      group,
    ).plan;
  }

  /**
   * Previews of screens no page shows at their configured size, each kept until the next is due.
   * A call plans previews for at most PREVIEW_BUDGET_MS (at least one), oldest first: a city's
   * 20,000 postings take about 0.2 s a screen, and the console asks every few seconds.
   */
  const previews = new Map<string, { at: number; profile: string; cycle: ScreenCycle }>();

  function cycles(plan: 'if-due' | 'never'): ScreenCycle[] {
    const screens = deps.screens();
    const live = new Map<string, PlanSummary>();
    for (const g of groups.values()) if (g.viewport === null && g.summary) live.set(g.screenId, g.summary);
    const now = clock();
    // a preview is of the screen and its group as they are configured now
    const profileOf = (s: ScreenProfile) => JSON.stringify([s, wallGroupOf(s, screens)]);
    const current = (s: ScreenProfile) => {
      const held = previews.get(s.id);
      return held && held.profile === profileOf(s) ? held : null;
    };
    if (plan === 'if-due') {
      const due = screens
        .filter((s) => !live.has(s.id))
        .filter((s) => {
          const held = current(s);
          return !held || now - held.at >= CYCLE_PREVIEW_EVERY_MS;
        })
        .sort((a, b) => (current(a)?.at ?? 0) - (current(b)?.at ?? 0));
      const started = performance.now();
      const here = due.length > 0 ? hereNow() : null;
      for (const s of due) {
        if (performance.now() - started > PREVIEW_BUDGET_MS) break;
        const cycle = cycleOf(summarise(planHere(s, screens, undefined, here!), s), 'preview');
        previews.set(s.id, { at: now, profile: profileOf(s), cycle });
      }
    }
    for (const id of previews.keys()) if (!screens.some((s) => s.id === id)) previews.delete(id);
    return screens.flatMap((s) => {
      const summary = live.get(s.id);
      if (summary) return [cycleOf(summary, 'live')];
      const held = current(s);
      return held ? [held.cycle] : [];
    });
  }

  function requestFlush(): void {
    if (closed) return;
    if (flushing) {
      again = true;
      return;
    }
    scheduled ??= setImmediate(() => {
      scheduled = null;
      flushing = flush().finally(() => {
        flushing = null;
        if (again) {
          again = false;
          requestFlush();
        } else if (!scheduled) {
          for (const wake of idleWaiters.splice(0)) wake();
        }
      });
    });
  }

  /** Feeds the planner what changed, plans every group that has pages, pushes what is new. */
  async function flush(): Promise<void> {
    // No page open: the planner can wait (a first sync of a city's postings is written faster
    // without it); the first page to connect brings it up to date, by a full load if far behind.
    if (namespace.sockets.size === 0) return scheduleTick(Infinity);
    if (feed.behind() > FEED_RELOAD_AFTER) feed.reset();
    for (let delta = feed.next(clock()); delta; delta = feed.next(clock())) {
      runner.apply(delta);
      // a first load or a big sync comes in pieces; pages and sockets are answered in between
      await yieldToLoop();
      if (closed) return;
    }
    regroup();
    const now = clock();
    const jobs = [...groups.values()].map((g) => jobFor(g, now)).filter((j): j is PlanJob => j !== null);
    if (jobs.length === 0) return scheduleTick(Infinity);
    let outcome;
    try {
      outcome = await runner.plan({ now, dataUpdatedAt: source.dataUpdatedAt(), jobs });
    } catch (error) {
      if (closed) return;
      log.warn({ err: error }, 'board re-plan failed; trying again');
      again = true;
      return;
    }
    if (closed) return;
    counters.batches++;
    counters.plansComputed += outcome.computed;
    // the board shows the data's last update (HH:MM) from the status event, not from each plan
    const dataMinute = minuteOf(source.dataUpdatedAt());
    if (dataMinute !== statusMinute) {
      statusMinute = dataMinute;
      namespace.emit('status', deps.status());
    }
    let horizon = Infinity;
    for (const result of outcome.results) {
      horizon = Math.min(horizon, result.horizon);
      const group = groups.get(result.key);
      if (!group) continue;
      if (result.schedule) play?.planned(group.key, result.schedule);
      deliver(group, result.summary, result.full, result.patch);
    }
    scheduleTick(horizon);
  }

  /** Sends a group's pages what they lack of its plan: the patch where it fits, else the whole plan. */
  function deliver(
    group: Group,
    summary: PlanSummary,
    fullBytes: Uint8Array | null,
    patchBytes: Uint8Array | null,
  ): void {
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

  /** A page needs the whole plan: the group's packet if it has the current one, else the next batch makes it. */
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

  /** The next re-check: when a plan changes by time alone, and never later than refreshEveryMs. */
  function scheduleTick(horizon: number): void {
    if (tick) clearTimeout(tick);
    if (closed) return;
    const now = clock();
    const at = Math.min(horizon, now + tuning.refreshEveryMs);
    tick = setTimeout(requestFlush, Math.min(2 ** 31 - 1, Math.max(50, at - now + 5)));
    tick.unref();
  }

  /** Pages whose screen appeared or vanished since (screens are edited at run time). */
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
    dropFull(group);
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
    giveFull(socket, state, group);
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
      if (group) giveFull(socket, state, group);
    });

    socket.on('disconnect', () => {
      presence.delete(socket.id);
      play?.gone(socket.id);
      if (state.waitTimer) clearTimeout(state.waitTimer);
      states.delete(socket.id);
      owed.delete(socket.id);
      leaveGroup(socket);
    });
    log.debug({ screenId: socket.data.screenId }, 'board connected');
  });

  return {
    dataChanged: requestFlush,
    statusChanged() {
      namespace.emit('status', deps.status());
    },
    presences: () => [...presence.values()],
    planFor(screenId, viewport) {
      const screen = screenById(screenId);
      return screen ? planHere(screen, deps.screens(), viewport) : null;
    },
    cycles,
    planDraft(draft) {
      const others = deps.screens().filter((s) => s.id !== draft.id);
      return planHere(draft, [...others, draft]);
    },
    summaries: () => [...groups.values()].flatMap((g) => (g.summary ? [g.summary] : [])),
    counters: () => ({
      sockets: namespace.sockets.size,
      groups: groups.size,
      ...counters,
      planner: runner.mode(),
      feedBehind: feed.behind(),
    }),
    disconnectDevice(deviceId) {
      let n = 0;
      for (const socket of socketsOf()) {
        if (socket.data.deviceId !== deviceId) continue;
        socket.disconnect(true);
        n++;
      }
      return n;
    },
    settled() {
      if (!flushing && !scheduled && !again) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      if (tick) clearTimeout(tick);
      if (owedTimer) clearInterval(owedTimer);
      if (scheduled) clearImmediate(scheduled);
      for (const s of states.values()) if (s.waitTimer) clearTimeout(s.waitTimer);
      for (const wake of idleWaiters.splice(0)) wake();
      idleWaiters = [];
      await runner.close();
    },
  };
}
