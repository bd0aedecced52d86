import type { BoardPage, BoardPlan } from '../schemas/board-plan';

export interface RotationPosition {
  page: BoardPage;
  /** Milliseconds since this page started showing. */
  elapsedMs: number;
  /** Absolute time at which the next page starts. */
  nextAtMs: number;
}

/**
 * The page a screen shows at `nowMs`: a pure function of time, so every wall showing the same
 * plan is in phase and a reloaded page resumes where it was.
 */
export function pageAt(
  plan: Pick<BoardPlan, 'anchorMs' | 'cycleMs' | 'pages'>,
  nowMs: number,
): RotationPosition | null {
  const { pages, cycleMs, anchorMs } = plan;
  if (pages.length === 0 || cycleMs <= 0) return null;
  const cycleStart = nowMs - ((((nowMs - anchorMs) % cycleMs) + cycleMs) % cycleMs);
  const offset = nowMs - cycleStart;
  // Pages are few (a cycle is at most a few minutes); a linear scan is clearer than a search.
  for (const page of pages) {
    if (offset >= page.startMs && offset < page.startMs + page.dwellMs) {
      return { page, elapsedMs: offset - page.startMs, nextAtMs: cycleStart + page.startMs + page.dwellMs };
    }
  }
  const last = pages[pages.length - 1]!;
  return { page: last, elapsedMs: offset - last.startMs, nextAtMs: cycleStart + cycleMs };
}
