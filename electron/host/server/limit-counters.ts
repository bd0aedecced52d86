/**
 * Every limit the host enforces against what a stranger on the hall LAN can send (socket
 * events, sign-ups, pairing requests, sign-in attempts, uploads) counts its hits here. The
 * counts show in `/healthz` (`limits`), and each limit writes one log line per period with how
 * often it was hit, never one line per hit: a flood must not become a flood of log lines.
 */
import type { Logger } from '../util/logger';

export interface LimitCount {
  total: number;
  lastAt: number | null;
}

export interface LimitCounters {
  hit(name: string, detail?: Record<string, unknown>): void;
  snapshot(): Record<string, LimitCount>;
  close(): void;
}

export const LIMIT_LOG_PERIOD_MS = 60_000;

export function createLimitCounters(deps: { log: Logger; clock: () => number; periodMs?: number }): LimitCounters {
  const periodMs = deps.periodMs ?? LIMIT_LOG_PERIOD_MS;
  const counts = new Map<
    string,
    LimitCount & { unlogged: number; loggedAt: number | null; detail: Record<string, unknown> | undefined }
  >();

  function report(name: string, now: number): void {
    const c = counts.get(name)!;
    if (c.unlogged === 0) return;
    deps.log.warn(
      { limit: name, hits: c.unlogged, total: c.total, ...(c.detail ? { last: c.detail } : {}) },
      `limit ${name} reached ${c.unlogged} time(s) in the last period`,
    );
    c.unlogged = 0;
    c.loggedAt = now;
  }

  const timer = setInterval(() => {
    const now = deps.clock();
    for (const name of counts.keys()) report(name, now);
  }, periodMs);
  timer.unref();

  return {
    hit(name, detail) {
      const now = deps.clock();
      let c = counts.get(name);
      if (!c) {
        c = { total: 0, lastAt: null, unlogged: 0, loggedAt: null, detail: undefined };
        counts.set(name, c);
      }
      c.total++;
      c.unlogged++;
      c.lastAt = now;
      c.detail = detail;
      // The first hit of a period is logged at once; the rest are summed into the next line.
      if (c.loggedAt === null || now - c.loggedAt >= periodMs) report(name, now);
    },
    snapshot: () => Object.fromEntries([...counts].map(([name, c]) => [name, { total: c.total, lastAt: c.lastAt }])),
    close: () => clearInterval(timer),
  };
}
