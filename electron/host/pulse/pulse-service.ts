/**
 * The market pulse on the host: counts from SQLite, year-ago figures from the daily
 * snapshots, the pure computeMarketPulse in between. Cached for a minute (the boards re-plan
 * every 15 s and must not aggregate 100 000 postings each time) and dropped as soon as the
 * postings or sign-ups change through the console. Today's snapshot is refreshed at most
 * every ten minutes.
 */
import type { WritableDatabase } from '../db/handles';
import { createMetaStore } from '../db/meta-store';
import { computeMarketPulse, PULSE_DEFAULTS, type MarketPulse } from '../../../shared/pulse/market-pulse';
import type { PulseSettings } from '../../../shared/staff-data-contract';
import { createPulseQuery } from './pulse-query';
import { createPulseSnapshots } from './pulse-snapshots';
import { createPulseHistoryQuery } from './pulse-history-query';
import type { PulseHistory } from '../../../shared/pulse/pulse-history';

const CACHE_MS = 60_000;
const SNAPSHOT_EVERY_MS = 10 * 60_000;
const KEYS = { minDemand: 'pulse.minDemand', windowDays: 'pulse.windowDays', minSeekers: 'pulse.minSeekers' } as const;

export interface PulseService {
  current(now: number): { pulse: MarketPulse; yearAgoDay: string | null };
  /** The charts' last 90 days and this week against last year's, today's snapshot brought up to date first. */
  history(now: number): PulseHistory;
  settings(): PulseSettings;
  setSettings(settings: PulseSettings): void;
  invalidate(): void;
}

export function createPulseService(db: WritableDatabase): PulseService {
  const meta = createMetaStore(db);
  const query = createPulseQuery(db);
  const snapshots = createPulseSnapshots(db);
  const historyQuery = createPulseHistoryQuery(db);
  let cached: { at: number; value: { pulse: MarketPulse; yearAgoDay: string | null } } | null = null;
  let snapshotAt = -Infinity;

  function readSetting(key: string, fallback: number): number {
    const n = Number(meta.get(key));
    return Number.isInteger(n) && n >= 1 ? n : fallback;
  }
  const settings = (): PulseSettings => ({
    minDemand: readSetting(KEYS.minDemand, PULSE_DEFAULTS.minDemand),
    windowDays: readSetting(KEYS.windowDays, PULSE_DEFAULTS.windowDays),
    minSeekers: readSetting(KEYS.minSeekers, PULSE_DEFAULTS.minSeekers),
  });

  const service: PulseService = {
    current(now) {
      if (cached && now - cached.at < CACHE_MS && now >= cached.at) return cached.value;
      const { minDemand, windowDays, minSeekers } = settings();
      const counts = query.counts(now, windowDays);
      if (now - snapshotAt >= SNAPSHOT_EVERY_MS) {
        snapshots.record(now, counts);
        snapshotAt = now;
      }
      const year = snapshots.yearAgo(now);
      const pulse = computeMarketPulse({ ...counts, yearAgo: year, minDemand, minSeekers, windowDays, now });
      cached = { at: now, value: { pulse, yearAgoDay: year?.day ?? null } };
      return cached.value;
    },
    history(now) {
      service.current(now);
      return historyQuery.history(now);
    },
    settings,
    setSettings(next) {
      meta.set(KEYS.minDemand, String(next.minDemand));
      meta.set(KEYS.windowDays, String(next.windowDays));
      if (next.minSeekers !== undefined) meta.set(KEYS.minSeekers, String(next.minSeekers));
      cached = null;
    },
    invalidate() {
      cached = null;
    },
  };
  return service;
}
