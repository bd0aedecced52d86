/**
 * Which page of the plan is up, as a pure function of host time (shared/planner/rotation.ts).
 * Each tick recomputes from the clock and sleeps until the absolute deadline `nextAtMs`; no
 * chained offsets, so walls stay in phase and a reload resumes in place.
 */
import { useEffect, useState } from 'react';
import type { BoardPage, BoardPlan } from '../../shared/schemas/board-plan';
import { pageAt } from '../../shared/planner/rotation';
import type { ServerClock } from '../common/server-clock';

export interface ShownPage {
  page: BoardPage;
  /** Host ms at which this showing of the page began (the ticker scrolls from it). */
  startedAt: number;
  nextAtMs: number;
  /** Changes when different content comes up; drives the page transition. */
  key: string;
}

function shownAt(plan: BoardPlan, now: number): ShownPage | null {
  const pos = pageAt(plan, now);
  if (!pos) return null;
  return {
    page: pos.page,
    startedAt: now - pos.elapsedMs,
    nextAtMs: pos.nextAtMs,
    key: `${plan.planId}:${pos.page.index}`,
  };
}

export function useRotation(plan: BoardPlan | null, clock: ServerClock, clockEpoch: number): ShownPage | null {
  const [shown, setShown] = useState<ShownPage | null>(() => (plan ? shownAt(plan, clock.now()) : null));

  useEffect(() => {
    if (!plan) {
      setShown(null);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const next = shownAt(plan, clock.now());
      setShown((prev) =>
        prev && next && prev.key === next.key && prev.startedAt === next.startedAt && prev.page === next.page
          ? prev
          : next,
      );
      if (next) timer = setTimeout(tick, Math.max(0, next.nextAtMs - clock.now()));
    };
    tick();
    return () => clearTimeout(timer);
  }, [plan, clock, clockEpoch]);

  return shown;
}
