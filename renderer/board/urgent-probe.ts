/**
 * `window.__hallUrgent`: when each urgent posting was first painted on this page (local
 * wall-clock ms, taken at the start of the frame after the one that drew the DOM update, so
 * after its paint), for delivery tests and the push-latency benchmark, which compare it with
 * the time the POST was sent.
 */
export interface HallUrgentProbe {
  paintedAt: Record<string, number>;
  /** Ids on screen in the last painted frame. */
  showing: string[];
}

declare global {
  interface Window {
    __hallUrgent?: HallUrgentProbe;
  }
}

export function recordUrgentPaint(ids: readonly string[], at: number): void {
  const probe = (window.__hallUrgent ??= { paintedAt: {}, showing: [] });
  for (const id of ids) probe.paintedAt[id] ??= at;
  probe.showing = [...ids];
}
