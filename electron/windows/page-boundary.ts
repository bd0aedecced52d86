import type { BoardPlan } from '../../shared/schemas/board-plan';
import { pageAt } from '../../shared/planner/rotation';

// Pure: when a window that must be recycled (memory over budget) can go without anyone seeing
// a jump. A board's rotation is a function of time (shared/planner/rotation.ts), so the shell
// knows the moment its page changes anyway; a reload then looks like one more page turn. The
// kiosk waits until nobody has touched it for a while; the staff console waits until it is idle.

export type PlanTiming = Pick<BoardPlan, 'anchorMs' | 'cycleMs' | 'pages'>;

/** A page that began less than this long ago is still "at" its boundary (timers fire late). */
export const BOUNDARY_GRACE_MS = 1_000;

/**
 * The next page change at or after `now` — `now` itself when the page on show began within
 * `graceMs` — or null when the plan does not rotate.
 */
export function nextPageBoundary(plan: PlanTiming | null, now: number, graceMs = BOUNDARY_GRACE_MS): number | null {
  if (!plan || plan.pages.length < 2) return null;
  const position = pageAt(plan, now);
  if (!position) return null;
  return position.elapsedMs < graceMs ? now : position.nextAtMs;
}

export interface RecycleMomentInput {
  role: 'board' | 'kiosk' | 'staff';
  now: number;
  /** When the recycle was ordered; it happens by orderedAt + maxWaitMs whatever else. */
  orderedAt: number;
  maxWaitMs: number;
  /** Boards: the plan the wall is showing. */
  plan?: PlanTiming | null;
  /** Kiosk and staff: the last touch, click or key in the window (null: none seen). */
  lastInputAt?: number | null;
  /** Kiosk and staff: untouched this long counts as nobody there. */
  idleMs?: number;
}

/**
 * The time to recycle at (≤ now means now). Boards: the next page change, or now when the
 * wall does not rotate (one page: nothing to wait for). Kiosk and staff: once idle. Never
 * later than the deadline: a window that keeps growing must go before it runs out of memory.
 */
export function recycleMoment(input: RecycleMomentInput): number {
  const deadline = input.orderedAt + input.maxWaitMs;
  let at: number;
  if (input.role === 'board') {
    at = nextPageBoundary(input.plan ?? null, input.now) ?? input.now;
  } else {
    const last = input.lastInputAt ?? null;
    at = last === null ? input.now : Math.max(input.now, last + (input.idleMs ?? 0));
  }
  return Math.min(at, Math.max(deadline, input.now));
}
