/**
 * Which page of the plan is up, as a pure function of host time (shared/planner/rotation.ts).
 * Each tick recomputes from the clock and sleeps until the absolute deadline `nextAtMs`; no
 * chained offsets, so walls stay in phase and a reload resumes in place.
 */
import { useEffect, useRef, useState } from 'react';
import type { BoardPage, BoardPlan } from '../../shared/schemas/board-plan';
import { pageAt } from '../../shared/planner/rotation';
import type { ServerClock } from '../common/server-clock';
import { continuesShowing } from './live-keys';

export interface ShownPage {
  planId: string;
  page: BoardPage;
  /** Host ms at which this showing of the page began (the ticker scrolls from it). */
  startedAt: number;
  nextAtMs: number;
  /**
   * Changes when another page comes up, not when a new plan keeps the page on screen
   * (live-keys.ts); drives the page transition.
   */
  key: string;
}

function shownAt(plan: BoardPlan, now: number, key: string): ShownPage | null {
  const pos = pageAt(plan, now);
  if (!pos) return null;
  return { planId: plan.planId, page: pos.page, startedAt: now - pos.elapsedMs, nextAtMs: pos.nextAtMs, key };
}

export function useRotation(plan: BoardPlan | null, clock: ServerClock, clockEpoch: number): ShownPage | null {
  const showings = useRef(0);
  const [shown, setShown] = useState<ShownPage | null>(() => (plan ? shownAt(plan, clock.now(), 'show-0') : null));

  useEffect(() => {
    if (!plan) {
      setShown(null);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const next = shownAt(plan, clock.now(), '');
      setShown((prev) => {
        if (!next) return null;
        if (!prev || !continuesShowing(prev, next)) return { ...next, key: `show-${++showings.current}` };
        if (prev.planId === next.planId && prev.startedAt === next.startedAt && prev.page === next.page) return prev;
        return { ...next, key: prev.key };
      });
      if (next) timer = setTimeout(tick, Math.max(0, next.nextAtMs - clock.now()));
    };
    tick();
    return () => clearTimeout(timer);
  }, [plan, clock, clockEpoch]);

  return shown;
}
