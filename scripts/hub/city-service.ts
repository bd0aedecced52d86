/**
 * The city's picture on one hub node: counts from the store (shared by every node), the pure
 * computeCityPicture, a short cache so a busy public page costs the database one aggregation
 * per `cacheMs` whatever the traffic, and the daily per-trade snapshot that makes "same week
 * last year" possible once a year has passed (every node writes the same day's row; the last
 * write of the day wins, which is the day's latest figure).
 */
import type { Logger } from 'pino';
import { computeCityPicture, cityDay, yearAgoWindow, type CityPicture } from '../../shared/pulse/city-pulse';
import { PULSE_DEFAULTS } from '../../shared/pulse/market-pulse';
import type { HubStore } from './hub-store';

export interface CityServiceOptions {
  store: HubStore;
  clock: () => number;
  log: Logger;
  /** A computed picture is served this long (default 30 s; 0: every request computes). */
  cacheMs?: number;
  /** Today's snapshot is refreshed at most this often (default 10 min). */
  snapshotEveryMs?: number;
  minDemand?: number;
  windowDays?: number;
}

export interface CityService {
  current(): Promise<CityPicture>;
  /** Writes today's snapshot now (the node's timer calls it; tests too). */
  snapshot(): Promise<void>;
  close(): void;
}

export function createCityService(options: CityServiceOptions): CityService {
  const { store, clock, log } = options;
  const cacheMs = options.cacheMs ?? 30_000;
  const snapshotEveryMs = options.snapshotEveryMs ?? 10 * 60_000;
  const windowDays = options.windowDays ?? PULSE_DEFAULTS.windowDays;
  const minDemand = options.minDemand ?? PULSE_DEFAULTS.minDemand;
  let cached: { at: number; picture: CityPicture } | null = null;
  let computing: Promise<CityPicture> | null = null;

  async function snapshot(): Promise<void> {
    const now = clock();
    await store.recordCitySnapshot(cityDay(now), await store.cityCounts(now, windowDays), now);
  }

  async function compute(): Promise<CityPicture> {
    const now = clock();
    const window = yearAgoWindow(now);
    const [counts, yearAgo, halls, lastSeq] = await Promise.all([
      store.cityCounts(now, windowDays),
      store.citySnapshotNear(window.from, window.to, window.target),
      store.hallStatuses(),
      store.lastSeq(),
    ]);
    return computeCityPicture({ counts, yearAgo, halls, lastSeq, now, minDemand, windowDays });
  }

  const snapshotNow = () => {
    snapshot().catch((error: unknown) =>
      log.warn({ err: error }, 'city: writing the daily snapshot failed; next try in a while'),
    );
  };
  const first = setTimeout(snapshotNow, Math.min(5000, snapshotEveryMs));
  const timer = setInterval(snapshotNow, snapshotEveryMs);
  first.unref();
  timer.unref();

  return {
    async current() {
      const now = clock();
      if (cached && now - cached.at < cacheMs && now >= cached.at) return cached.picture;
      // one aggregation at a time, whatever the number of visitors
      computing ??= compute().finally(() => (computing = null));
      const picture = await computing;
      cached = { at: now, picture };
      return picture;
    },
    snapshot,
    close() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
