/**
 * Open-loop load: requests start on a fixed schedule whether or not earlier ones have answered,
 * the way independent kiosks and monitors hit a host. A host that stalls shows as long
 * latencies (and, past `maxInFlight`, as requests never sent), not as a politely slower client.
 */
export interface OpenLoopResult {
  /** Latency of every answered request, ms. */
  latencies: number[];
  failed: number;
  /** Requests not started because `maxInFlight` were already waiting. */
  skipped: number;
}

export function openLoop(
  perSecond: number,
  durationMs: number,
  request: (i: number) => Promise<unknown>,
  options: { maxInFlight?: number } = {},
): Promise<OpenLoopResult> {
  const result: OpenLoopResult = { latencies: [], failed: 0, skipped: 0 };
  const maxInFlight = options.maxInFlight ?? 500;
  const started = performance.now();
  const total = Math.round((perSecond * durationMs) / 1000);
  let inFlight = 0;
  let i = 0;
  return new Promise((resolve) => {
    const pending = new Set<Promise<void>>();
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * perSecond) / 1000) + 1);
      for (; i < due; i++) {
        if (inFlight >= maxInFlight) {
          result.skipped++;
          continue;
        }
        inFlight++;
        const t0 = performance.now();
        const p = request(i).then(
          () => void result.latencies.push(performance.now() - t0),
          () => void result.failed++,
        );
        const tracked = p.finally(() => {
          inFlight--;
          pending.delete(tracked);
        });
        pending.add(tracked);
      }
      if (i < total) setTimeout(tick, Math.max(1, Math.min(20, 1000 / perSecond / 2)));
      else void Promise.all(pending).then(() => resolve(result));
    };
    tick();
  });
}
