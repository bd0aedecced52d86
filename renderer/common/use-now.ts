/**
 * Re-renders on every boundary of `periodMs` of the given clock (e.g. each minute for an
 * HH:MM clock), computed from absolute time so the display never lags by a drifting interval.
 */
import { useEffect, useState } from 'react';

export function useNow(now: () => number, periodMs: number): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const t = now();
      setValue(t);
      // +20 ms so we land just after the boundary, not a hair before it.
      timer = setTimeout(schedule, periodMs - (t % periodMs) + 20);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [now, periodMs]);
  return value;
}
