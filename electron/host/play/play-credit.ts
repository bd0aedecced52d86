/**
 * Proof of play, the arithmetic: which stretches of a plan's rotation a heartbeat interval
 * covers for one page. Rotation is a function of time (shared/planner/rotation.ts), so a page
 * is up only inside its windows — `[cycleStart + startMs, cycleStart + startMs + dwellMs)` of
 * each cycle — and a board that says it painted page 3 earns page 3's time only while page 3
 * was due. However a heartbeat is made up, a page never earns more than its dwell per cycle.
 */

export interface PageSlot {
  startMs: number;
  dwellMs: number;
}

export interface Rotation {
  anchorMs: number;
  cycleMs: number;
}

export interface WindowOverlap {
  /** When this showing of the page began (host ms). */
  windowStart: number;
  /** The part of the interval inside it. */
  from: number;
  to: number;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The parts of `[from, to)` during which `page` was due, one per window it touches. */
export function pageWindows(rotation: Rotation, page: PageSlot, from: number, to: number): WindowOverlap[] {
  const { anchorMs, cycleMs } = rotation;
  if (!(to > from) || cycleMs <= 0 || page.dwellMs <= 0) return [];
  const out: WindowOverlap[] = [];
  // the cycle holding `from`, back one in case a window of the cycle before reaches into it
  let cycleStart = from - mod(from - anchorMs, cycleMs) - cycleMs;
  for (; cycleStart < to; cycleStart += cycleMs) {
    const start = cycleStart + page.startMs;
    const end = start + page.dwellMs;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) out.push({ windowStart: start, from: a, to: b });
  }
  return out;
}

/** The hall's calendar day (China, UTC+8, no daylight saving) of a host time, `YYYY-MM-DD`. */
export function hallDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The hall day `days` before `ms`'s. */
export function hallDayBefore(ms: number, days: number): string {
  return hallDay(ms - days * 86_400_000);
}
