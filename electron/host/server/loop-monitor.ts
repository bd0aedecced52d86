/**
 * How long the host's thread kept everything waiting: event-loop delay, sampled by Node
 * (perf_hooks), reported in /healthz for the last full minute and the minute so far. Every
 * page, socket, kiosk and sign-in waits behind a blocked loop, so this is the number that says
 * whether the hall host is keeping up.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoopMonitor {
  /** The last full window and the window so far. */
  snapshot(): { lastMinute: LoopDelay | null; thisMinute: LoopDelay };
  close(): void;
}

export function createLoopMonitor(windowMs = 60_000): LoopMonitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const read = (): LoopDelay => ({
    p50Ms: Math.round(histogram.percentile(50) / 1e5) / 10,
    p99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
    maxMs: Math.round(histogram.max / 1e5) / 10,
  });
  let last: LoopDelay | null = null;
  const timer = setInterval(() => {
    last = read();
    histogram.reset();
  }, windowMs);
  timer.unref();
  return {
    snapshot: () => ({ lastMinute: last, thisMinute: read() }),
    close() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
