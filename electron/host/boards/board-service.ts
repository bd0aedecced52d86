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
 *
 * This file is the service's surface and its batches (feeding the planner, planning every group,
 * the re-check tick); it wires board-sockets.ts (handshake, joining and leaving groups, per-socket
 * limits), board-delivery.ts (what each page is owed of its group's plan, and sending it) and
 * board-cycles.ts (plans made here from the store: wall groups, previews, cycles).
 */
import type { ScreenProfile, Viewport } from '../../../shared/schemas/screen';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import type { HallStatus, ScreenCycle } from '../../../shared/contract';
import type { Posting } from '../../../shared/schemas/posting';
import type { Logger } from '../util/logger';
import type { MarketPulse } from '../../../shared/pulse/market-pulse';
import type { BandsWanted } from '../../../shared/planner/bottom-band';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import type { LimitCounters } from '../server/limit-counters';
import type { PostingFeed } from './posting-feed';
import type { BoardGate } from './board-gate';
import { minuteOf, type PlanJob, type PlanSummary } from './plan-engine';
import { createPlanRunner, defaultPlanWorker, type PlanRunner } from './plan-runner';
import type { PlayObserver } from '../play/play-tracker';
import { createBoardCycles, wallGroupOf } from './board-cycles';
import { createBoardDelivery, type Group, type SocketState } from './board-delivery';
import { createBoardSockets, type BoardNamespace, type ScreenPresence } from './board-sockets';

export { CYCLE_PREVIEW_EVERY_MS, cycleOf, wallGroupOf } from './board-cycles';
export { VIEWPORT_WAIT_MS, type BoardNamespace, type BoardSocketData, type ScreenPresence } from './board-sockets';

/** What the boards need from the store; kept narrow so the service is easy to test. */
export interface BoardDataSource {
  activePostings(now: number): Posting[];
  dataUpdatedAt(): number | null;
  /** Market indices for screens that show the pulse page (optional: absent, no pulse page). */
  pulse?(now: number): MarketPulse | null;
  /** Bottom bands a screen must keep clear now (an urgent banner, the hall notice). */
  bands?(screenId: string, now: number): BandsWanted;
}

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

/** Further behind than this, the planner is loaded afresh rather than sent each change. */
const FEED_RELOAD_AFTER = 5000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  const delivery = createBoardDelivery({ namespace, states, groups, counters, play, requestFlush });
  const sockets = createBoardSockets({
    namespace,
    tuning,
    gate: deps.gate,
    status: deps.status,
    clock,
    log,
    limits,
    viewportWaitMs: deps.viewportWaitMs,
    play,
    screenById,
    presence,
    states,
    groups,
    counters,
    delivery,
    requestFlush,
  });
  const plansHere = createBoardCycles({ screens: deps.screens, hall, source, clock, live: () => groups.values() });

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
    sockets.regroup();
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
      if (delivery.deliver(group, result.summary, result.full, result.patch)) again = true;
    }
    scheduleTick(horizon);
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

  return {
    dataChanged: requestFlush,
    statusChanged() {
      namespace.emit('status', deps.status());
    },
    presences: () => [...presence.values()],
    planFor(screenId, viewport) {
      const screen = screenById(screenId);
      return screen ? plansHere.planHere(screen, deps.screens(), viewport) : null;
    },
    cycles: plansHere.cycles,
    planDraft(draft) {
      const others = deps.screens().filter((s) => s.id !== draft.id);
      return plansHere.planHere(draft, [...others, draft]);
    },
    summaries: () => [...groups.values()].flatMap((g) => (g.summary ? [g.summary] : [])),
    counters: () => ({
      sockets: namespace.sockets.size,
      groups: groups.size,
      ...counters,
      planner: runner.mode(),
      feedBehind: feed.behind(),
    }),
    disconnectDevice: sockets.disconnectDevice,
    settled() {
      if (!flushing && !scheduled && !again) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      if (tick) clearTimeout(tick);
      delivery.close();
      if (scheduled) clearImmediate(scheduled);
      for (const s of states.values()) if (s.waitTimer) clearTimeout(s.waitTimer);
      for (const wake of idleWaiters.splice(0)) wake();
      idleWaiters = [];
      await runner.close();
    },
  };
}
