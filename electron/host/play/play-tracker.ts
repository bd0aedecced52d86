/**
 * Proof of play: turns the heartbeats board pages send (plan id, page index, painted at) into
 * per posting, per screen, per day counts — how many times it was on a painted page and for how
 * long — handed to the play store in batches.
 *
 * Bounded, so a page cannot make up what it did not show:
 * - only a plan the host sent to that very socket counts (the last few, as a patch may cross a
 *   heartbeat on the wire); any other plan id earns nothing;
 * - time is credited between heartbeats only, at most `capMs` after the previous one (a little
 *   more than the page's 5 s heartbeat): a page that stops beating stops counting, and the time
 *   since its last beat is not credited when it closes;
 * - a page earns time only while its rotation had that page due (play-credit.ts), so never
 *   more than the page's dwell per cycle, whatever `paintedAt` says;
 * - time is credited once per screen however many pages show it (each interval starts where
 *   the screen's last credited one ended).
 * A showing ("time") is a stretch of a posting on screen: a new window of its page, or its
 * page coming back after a gap.
 */
import type { BoardHeartbeat } from '../../../shared/contract';
import type { PlaySchedule } from '../boards/plan-engine';
import { hallDay, pageWindows } from './play-credit';

/** Where the counts go (play-store.ts batches them). */
export interface PlaySink {
  add(day: string, screenId: string, postingId: string, shows: number, ms: number): void;
}

/** What board-service.ts tells the tracker. */
export interface PlayObserver {
  /** A group (screen + size) has a new plan. */
  planned(groupKey: string, schedule: PlaySchedule): void;
  /** A group has no pages left. */
  groupGone(groupKey: string): void;
  /** A page was sent this plan of its group (whole or as a patch). */
  sent(socketId: string, groupKey: string, planId: string): void;
  beat(socketId: string, screenId: string, beat: BoardHeartbeat): void;
  gone(socketId: string): void;
}

export interface PlayTracker extends PlayObserver {
  stats(): { sockets: number; plans: number; postingsJoined: number };
}

interface Resolved {
  planId: string;
  anchorMs: number;
  cycleMs: number;
  pages: Array<{ startMs: number; dwellMs: number; hash: string; ids: readonly string[] }>;
}

interface SocketPlay {
  groupKey: string;
  /** Plan ids sent to this socket, newest last. */
  sent: string[];
  showing: { plan: Resolved; pageIndex: number } | null;
  /** Credited up to here. */
  from: number;
  lastBeatAt: number | null;
}

/** A page's heartbeat comes every 5 s (renderer/board/use-heartbeat.ts); a little slack on top. */
export const PLAY_CAP_MS = 7000;
/** Plans kept per group and plan ids per socket. */
const KEEP_PLANS = 3;
/** A posting back on screen within this long continues its showing (a live change, the next beat). */
const JOIN_MS = 1500;
/** How long the join bookkeeping keeps a posting after it was last on screen. */
const FORGET_MS = 10 * 60_000;

export function createPlayTracker(deps: { sink: PlaySink; clock: () => number; capMs?: number }): PlayTracker {
  const { sink, clock } = deps;
  const capMs = deps.capMs ?? PLAY_CAP_MS;
  const plans = new Map<string, Resolved[]>();
  const sockets = new Map<string, SocketPlay>();
  /** Per screen: credited up to here. */
  const screenUntil = new Map<string, number>();
  /** Per screen, per posting: when its last credited stretch ended, and the window it was in. */
  const lastOnScreen = new Map<string, Map<string, { end: number; window: number }>>();
  let prunedAt = clock();

  /** Forgets, now and then, the postings long off screen (kept only to join stretches). */
  function prune(now: number): void {
    if (now - prunedAt < FORGET_MS) return;
    prunedAt = now;
    for (const [screenId, seen] of lastOnScreen) {
      for (const [id, at] of seen) if (at.end < now - FORGET_MS) seen.delete(id);
      if (seen.size === 0) lastOnScreen.delete(screenId);
    }
  }

  function resolve(groupKey: string, schedule: PlaySchedule): Resolved {
    const held = plans.get(groupKey) ?? [];
    const byHash = new Map<string, readonly string[]>();
    for (const p of held) for (const page of p.pages) byHash.set(page.hash, page.ids);
    return {
      planId: schedule.planId,
      anchorMs: schedule.anchorMs,
      cycleMs: schedule.cycleMs,
      pages: schedule.pages.map((p) => ({
        startMs: p.startMs,
        dwellMs: p.dwellMs,
        hash: p.hash,
        ids: p.ids ?? byHash.get(p.hash) ?? [],
      })),
    };
  }

  function planOf(socket: SocketPlay, planId: string): Resolved | null {
    if (!socket.sent.includes(planId)) return null;
    return plans.get(socket.groupKey)?.find((p) => p.planId === planId) ?? null;
  }

  function credit(screenId: string, plan: Resolved, pageIndex: number, from: number, to: number): void {
    const start = Math.max(from, screenUntil.get(screenId) ?? -Infinity);
    if (!(to > start)) return;
    screenUntil.set(screenId, to);
    const page = plan.pages[pageIndex];
    if (!page || page.ids.length === 0) return;
    let seen = lastOnScreen.get(screenId);
    if (!seen) lastOnScreen.set(screenId, (seen = new Map()));
    for (const w of pageWindows(plan, page, start, to)) {
      const ms = w.to - w.from;
      const day = hallDay(w.from);
      for (const id of page.ids) {
        // a new showing: its window began in this stretch, or it comes back after a gap; never
        // twice in one window, however the heartbeats go
        const last = seen.get(id);
        const fresh =
          last?.window !== w.windowStart &&
          (w.windowStart >= start || last === undefined || last.end < w.from - JOIN_MS);
        seen.set(id, { end: w.to, window: w.windowStart });
        sink.add(day, screenId, id, fresh ? 1 : 0, ms);
      }
    }
  }

  return {
    planned(groupKey, schedule) {
      const held = plans.get(groupKey) ?? [];
      if (held.some((p) => p.planId === schedule.planId)) return;
      const next = [...held, resolve(groupKey, schedule)].slice(-KEEP_PLANS);
      plans.set(groupKey, next);
    },
    groupGone(groupKey) {
      plans.delete(groupKey);
    },
    sent(socketId, groupKey, planId) {
      let s = sockets.get(socketId);
      if (!s || s.groupKey !== groupKey) {
        s = { groupKey, sent: [], showing: null, from: 0, lastBeatAt: null };
        sockets.set(socketId, s);
      }
      if (!s.sent.includes(planId)) s.sent = [...s.sent, planId].slice(-KEEP_PLANS);
    },
    beat(socketId, screenId, beat) {
      const s = sockets.get(socketId);
      if (!s) return;
      const now = clock();
      const end = s.lastBeatAt === null ? now : Math.min(now, s.lastBeatAt + capMs);
      const painted = Math.min(now, Math.max(now - capMs, beat.paintedAt));
      const plan = planOf(s, beat.planId);
      const next = plan && beat.pageIndex < plan.pages.length ? { plan, pageIndex: beat.pageIndex } : null;
      const same =
        s.showing !== null && next !== null && s.showing.plan === next.plan && s.showing.pageIndex === next.pageIndex;
      let from: number;
      if (same) {
        credit(screenId, s.showing!.plan, s.showing!.pageIndex, s.from, end);
        from = now;
      } else {
        // the old page was up until the new one was painted
        const until = Math.min(end, Math.max(s.from, painted));
        if (s.showing) credit(screenId, s.showing.plan, s.showing.pageIndex, s.from, until);
        from = Math.max(until, painted);
      }
      s.showing = next;
      s.from = from;
      s.lastBeatAt = now;
      prune(now);
    },
    gone(socketId) {
      sockets.delete(socketId);
    },
    stats: () => ({
      sockets: sockets.size,
      plans: [...plans.values()].reduce((n, l) => n + l.length, 0),
      postingsJoined: [...lastOnScreen.values()].reduce((n, m) => n + m.size, 0),
    }),
  };
}
