/**
 * The city's picture (/city on every hub node): the market pulse over every hall in the city,
 * plus how each hall is doing. Pure, so the figures are checked against a hand-computed table.
 *
 * The pulse itself is computeMarketPulse (market-pulse.ts), unchanged: D = open headcount of
 * the platform's postings valid now, S = distinct people who signed up in the window at any
 * hall (the hub counts a person once city-wide, not once per hall), gap = D − S, R = D/S only
 * where D reaches the minimum, shortage ranked by the gap (DOMAIN.md "Market indices"). The
 * year-ago figures are those of the same week last year — the daily snapshot nearest to 52
 * weeks back, so the same weekday — and absent until a year of snapshots exists.
 *
 * Nothing here carries a person: the inputs are counts and hall ids.
 */
import { DAY_MS, computeMarketPulse, PULSE_DEFAULTS, type MarketPulse, type TradeCounts } from './market-pulse';
import { isOccupationCode } from '../occupations';

/** China Standard Time, no daylight saving: the city's calendar day. */
export const CITY_UTC_OFFSET_MINUTES = 8 * 60;
/** A hall whose last connect or heartbeat is older than this is shown offline. */
export const HALL_ONLINE_WITHIN_MS = 60_000;
/** A year-ago snapshot may be this many days off the target (a day the hub was down has none). */
export const YEAR_AGO_SLACK_DAYS = 3;

export interface CityHallInput {
  hallId: string;
  nodeId: string;
  connected: boolean;
  lastSeenAt: number;
  cursor: number;
  outboxPending: number | null;
  outboxOldestAt: number | null;
  screensOnline: number | null;
  screensTotal: number | null;
}

export interface CityHall {
  hallId: string;
  /** The hub node it is (or was last) connected to. */
  nodeId: string;
  online: boolean;
  lastHeartbeatAt: number;
  /** Whole seconds since the last connect or heartbeat. */
  heartbeatAgeS: number;
  outboxPending: number | null;
  /** Whole seconds the oldest undelivered outbox item has waited; 0 with an empty outbox. */
  outboxLagS: number | null;
  screensOnline: number | null;
  screensTotal: number | null;
  /** Changes of the log the hall had not applied at its last report. */
  behindChanges: number;
}

export interface CityCountsInput {
  demand: Partial<Record<string, number>>;
  seekers: Partial<Record<string, number>>;
  totalSeekers: number;
}

export interface CityPicture {
  computedAt: number;
  lastSeq: number;
  pulse: MarketPulse;
  /** The day (YYYY-MM-DD) whose snapshot gave the year-ago figures, or null. */
  yearAgoDay: string | null;
  halls: CityHall[];
  hallTotals: { halls: number; online: number; screensOnline: number; screensTotal: number; outboxPending: number };
}

export interface CityPictureInput {
  counts: CityCountsInput;
  yearAgo: (CityCountsInput & { day: string }) | null;
  halls: readonly CityHallInput[];
  lastSeq: number;
  now: number;
  minDemand?: number;
  windowDays?: number;
  onlineWithinMs?: number;
}

/** Only known trades, and only non-negative whole counts, reach the pulse. */
function tradeCounts(counts: Partial<Record<string, number>>): TradeCounts {
  const out: TradeCounts = {};
  for (const [trade, n] of Object.entries(counts)) {
    if (isOccupationCode(trade) && Number.isSafeInteger(n) && (n as number) >= 0) out[trade] = n as number;
  }
  return out;
}

export function computeCityPicture(input: CityPictureInput): CityPicture {
  const { now } = input;
  const onlineWithin = input.onlineWithinMs ?? HALL_ONLINE_WITHIN_MS;
  const pulse = computeMarketPulse({
    demand: tradeCounts(input.counts.demand),
    seekers: tradeCounts(input.counts.seekers),
    totalSeekers: input.counts.totalSeekers,
    yearAgo: input.yearAgo
      ? {
          demand: tradeCounts(input.yearAgo.demand),
          seekers: tradeCounts(input.yearAgo.seekers),
          totalSeekers: input.yearAgo.totalSeekers,
        }
      : null,
    minDemand: input.minDemand ?? PULSE_DEFAULTS.minDemand,
    windowDays: input.windowDays ?? PULSE_DEFAULTS.windowDays,
    now,
  });
  const halls = [...input.halls]
    .sort((a, b) => (a.hallId < b.hallId ? -1 : a.hallId > b.hallId ? 1 : 0))
    .map((h): CityHall => ({
      hallId: h.hallId,
      nodeId: h.nodeId,
      online: h.connected && now - h.lastSeenAt <= onlineWithin,
      lastHeartbeatAt: h.lastSeenAt,
      heartbeatAgeS: Math.max(0, Math.floor((now - h.lastSeenAt) / 1000)),
      outboxPending: h.outboxPending,
      outboxLagS:
        h.outboxPending === null
          ? null
          : h.outboxOldestAt === null
            ? 0
            : Math.max(0, Math.floor((now - h.outboxOldestAt) / 1000)),
      screensOnline: h.screensOnline,
      screensTotal: h.screensTotal,
      behindChanges: Math.max(0, input.lastSeq - h.cursor),
    }));
  const online = halls.filter((h) => h.online);
  return {
    computedAt: now,
    lastSeq: input.lastSeq,
    pulse,
    yearAgoDay: input.yearAgo?.day ?? null,
    halls,
    hallTotals: {
      halls: halls.length,
      online: online.length,
      // screens of halls that are offline are not known to be online
      screensOnline: online.reduce((s, h) => s + (h.screensOnline ?? 0), 0),
      screensTotal: halls.reduce((s, h) => s + (h.screensTotal ?? 0), 0),
      outboxPending: halls.reduce((s, h) => s + (h.outboxPending ?? 0), 0),
    },
  };
}

/** The city's calendar day of `ms`, YYYY-MM-DD. */
export function cityDay(ms: number, offsetMinutes: number = CITY_UTC_OFFSET_MINUTES): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Where to look for the same week last year: 52 weeks back (same weekday), ± a few days. */
export function yearAgoWindow(
  now: number,
  offsetMinutes: number = CITY_UTC_OFFSET_MINUTES,
): { target: string; from: string; to: string } {
  const target = now - 364 * DAY_MS;
  return {
    target: cityDay(target, offsetMinutes),
    from: cityDay(target - YEAR_AGO_SLACK_DAYS * DAY_MS, offsetMinutes),
    to: cityDay(target + YEAR_AGO_SLACK_DAYS * DAY_MS, offsetMinutes),
  };
}
