/**
 * Market indices for one hall (DOMAIN.md, "Market indices"), as a pure function the host, the
 * console and the board planner share.
 *
 * Per trade: D = open headcount of valid postings, S = people who signed up for the trade in
 * the last `windowDays` days (counted once per person, by phone), gap = D − S. The vacancy
 * ratio R = D/S is shown only where D ≥ `minDemand`; a trade with D ≥ minDemand and S = 0 has
 * no finite ratio and says so. Shortage is ranked by the gap, not by the ratio, like the
 * ministry's list; trades below the minimum demand are left out of the ranking because a
 * handful of openings says nothing about a shortage.
 */
import { OCCUPATION_CODES, type OccupationCode } from '../occupations';

export const DAY_MS = 86_400_000;

/**
 * `minSeekers` is for public screens only: a ratio from a couple of seekers ("1298.00" from 2)
 * says more about who happened to sign up than about the market, so a board shows 供不应求
 * there instead; the console shows every ratio with its counts.
 */
export const PULSE_DEFAULTS = { windowDays: 30, minDemand: 5, minSeekers: 5 } as const;

export type TradeCounts = Partial<Record<OccupationCode, number>>;

/** A posting as the pulse needs it. */
export interface PulsePosting {
  occupation: OccupationCode;
  headcount: number;
  validFromMs: number;
  validUntilMs: number;
  hidden?: boolean;
}

/** A sign-up as the pulse needs it: `person` is what makes two sign-ups one seeker (the phone). */
export interface PulseSignup {
  person: string;
  occupations: readonly OccupationCode[];
  createdAtMs: number;
}

export type TradeStatus =
  /** No open headcount at all. */
  | 'no-demand'
  /** Some demand, but less than `minDemand`: no ratio shown, not ranked. */
  | 'below-minimum'
  /** Enough demand and no seekers: the ratio is unbounded. */
  | 'no-seekers'
  /** Enough demand and at least one seeker: R = D/S. */
  | 'ratio';

export interface YearAgo {
  demand: number;
  seekers: number;
  /** D/S a year ago under the same rules, or null where it would not be shown. */
  ratio: number | null;
}

export interface TradePulse {
  occupation: OccupationCode;
  demand: number;
  seekers: number;
  gap: number;
  /** D/S rounded to 2 decimals; null unless `status` is 'ratio'. */
  ratio: number | null;
  status: TradeStatus;
  /** 1-based place in the shortage ranking, or null when not ranked. */
  shortageRank: number | null;
  yearAgo: YearAgo | null;
}

export interface MarketPulse {
  computedAt: number;
  windowDays: number;
  minDemand: number;
  /** The fewest seekers behind a ratio a public screen shows (PULSE_DEFAULTS). */
  minSeekers: number;
  /** Every trade, in shortage order first (ranked), then the rest by demand, then by code. */
  trades: TradePulse[];
  totals: { demand: number; seekers: number; gap: number; ratio: number | null; yearAgo: YearAgo | null };
}

export interface PulseInput {
  demand: TradeCounts;
  seekers: TradeCounts;
  /** Seekers over all trades, each person once (a person in two trades counts once here). */
  totalSeekers?: number;
  /** Snapshot of the same day a year ago, when the hall has one. */
  yearAgo?: { demand: TradeCounts; seekers: TradeCounts; totalSeekers?: number } | null;
  minDemand?: number;
  minSeekers?: number;
  windowDays?: number;
  now: number;
}

export class PulseInputError extends Error {
  override name = 'PulseInputError';
}

/** Open headcount per trade: postings valid at `now` and not hidden by staff. */
export function aggregateDemand(postings: Iterable<PulsePosting>, now: number): TradeCounts {
  const out: TradeCounts = {};
  for (const p of postings) {
    if (p.hidden || p.validFromMs > now || p.validUntilMs <= now) continue;
    out[p.occupation] = (out[p.occupation] ?? 0) + p.headcount;
  }
  return out;
}

/** Distinct people per trade who signed up in the `windowDays` before `now` (and the total). */
export function aggregateSeekers(
  signups: Iterable<PulseSignup>,
  now: number,
  windowDays: number = PULSE_DEFAULTS.windowDays,
): { perTrade: TradeCounts; total: number } {
  const since = now - windowDays * DAY_MS;
  const people = new Map<OccupationCode, Set<string>>();
  const everyone = new Set<string>();
  for (const s of signups) {
    if (s.createdAtMs < since || s.createdAtMs > now) continue;
    everyone.add(s.person);
    for (const occ of s.occupations) {
      let set = people.get(occ);
      if (!set) people.set(occ, (set = new Set()));
      set.add(s.person);
    }
  }
  const perTrade: TradeCounts = {};
  for (const [occ, set] of people) perTrade[occ] = set.size;
  return { perTrade, total: everyone.size };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function statusOf(demand: number, seekers: number, minDemand: number): TradeStatus {
  if (demand <= 0) return 'no-demand';
  if (demand < minDemand) return 'below-minimum';
  return seekers <= 0 ? 'no-seekers' : 'ratio';
}

function ratioOf(demand: number, seekers: number, minDemand: number): number | null {
  return statusOf(demand, seekers, minDemand) === 'ratio' ? round2(demand / seekers) : null;
}

function count(counts: TradeCounts, occ: OccupationCode, what: string): number {
  const n = counts[occ] ?? 0;
  if (!Number.isSafeInteger(n) || n < 0)
    throw new PulseInputError(`computeMarketPulse: ${what} of ${occ} must be a non-negative integer, got ${n}`);
  return n;
}

export function computeMarketPulse(input: PulseInput): MarketPulse {
  const minDemand = input.minDemand ?? PULSE_DEFAULTS.minDemand;
  const minSeekers = input.minSeekers ?? PULSE_DEFAULTS.minSeekers;
  if (!Number.isInteger(minSeekers) || minSeekers < 1)
    throw new PulseInputError(`computeMarketPulse: minSeekers must be an integer ≥ 1, got ${minSeekers}`);
  const windowDays = input.windowDays ?? PULSE_DEFAULTS.windowDays;
  if (!Number.isInteger(minDemand) || minDemand < 1)
    throw new PulseInputError(`computeMarketPulse: minDemand must be an integer ≥ 1, got ${minDemand}`);
  const year = input.yearAgo ?? null;

  const trades: TradePulse[] = OCCUPATION_CODES.map((occupation) => {
    const demand = count(input.demand, occupation, 'demand');
    const seekers = count(input.seekers, occupation, 'seekers');
    const status = statusOf(demand, seekers, minDemand);
    let yearAgo: YearAgo | null = null;
    if (year) {
      const d = count(year.demand, occupation, 'last year demand');
      const s = count(year.seekers, occupation, 'last year seekers');
      yearAgo = { demand: d, seekers: s, ratio: ratioOf(d, s, minDemand) };
    }
    return {
      occupation,
      demand,
      seekers,
      gap: demand - seekers,
      ratio: status === 'ratio' ? round2(demand / seekers) : null,
      status,
      shortageRank: null,
      yearAgo,
    };
  });

  const ranked = trades
    .filter((t) => t.demand >= minDemand && t.gap > 0)
    .sort((a, b) => b.gap - a.gap || b.demand - a.demand || a.occupation.localeCompare(b.occupation));
  ranked.forEach((t, i) => (t.shortageRank = i + 1));
  const rest = trades
    .filter((t) => t.shortageRank === null)
    .sort((a, b) => b.demand - a.demand || b.gap - a.gap || a.occupation.localeCompare(b.occupation));

  const demand = trades.reduce((s, t) => s + t.demand, 0);
  const seekers = input.totalSeekers ?? trades.reduce((s, t) => s + t.seekers, 0);
  let totalYear: YearAgo | null = null;
  if (year) {
    const d = OCCUPATION_CODES.reduce((s, o) => s + (year.demand[o] ?? 0), 0);
    const sk = year.totalSeekers ?? OCCUPATION_CODES.reduce((s, o) => s + (year.seekers[o] ?? 0), 0);
    totalYear = { demand: d, seekers: sk, ratio: ratioOf(d, sk, minDemand) };
  }
  return {
    computedAt: input.now,
    windowDays,
    minDemand,
    minSeekers,
    trades: [...ranked, ...rest],
    totals: { demand, seekers, gap: demand - seekers, ratio: ratioOf(demand, seekers, minDemand), yearAgo: totalYear },
  };
}
