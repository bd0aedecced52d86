/**
 * The market pulse over time, for the console's charts: each trade's demand and seekers on each
 * of the last 90 local days, and this ISO week against the same ISO week a year before, from the
 * daily snapshots (`pulse_snapshots`, one row per local day and trade). Pure: the host reads
 * the rows, this shapes them.
 *
 * A day without a snapshot (the hall was closed, the host was off) is a gap (null), never a
 * zero: a zero would read as "nobody wanted workers that day".
 *
 * A week is summed up as the mean of its days with a snapshot, not their sum: demand is the
 * headcount open on a day and seekers a 30-day count, so adding seven days counts the same
 * opening seven times, and this week (Monday to today) has fewer days than last year's whole one.
 *
 * Days are the hall's local calendar days as text (`2026-11-27`); the maths runs on them in UTC,
 * so no time zone or daylight saving can move a day.
 */
import { OCCUPATION_CODES, type OccupationCode } from '../occupations';

/** How many local days the daily series covers, today included. */
export const HISTORY_DAYS = 90;

/** The `occupation` of the snapshot row that holds the whole hall's (or city's) figures. */
export const SNAPSHOT_TOTAL = '_total';

/** One row of a day's snapshot (the hall's `pulse_snapshots`, the hub's `city_snapshots`). */
export interface DaySnapshotRow {
  occupation: string;
  demand: number;
  seekers: number;
}

/** A day's figures by trade, and the distinct seekers over all trades. */
export interface SnapshotCounts<K extends string = string> {
  demand: Partial<Record<K, number>>;
  seekers: Partial<Record<K, number>>;
  totalSeekers: number;
}

/**
 * A day's counts as snapshot rows: one per trade of `trades` (0 where the counts have none),
 * then the SNAPSHOT_TOTAL row with the demand summed over those trades and the distinct seekers.
 */
export function snapshotRows<K extends string>(counts: SnapshotCounts<K>, trades: readonly K[]): DaySnapshotRow[] {
  const rows: DaySnapshotRow[] = trades.map((occupation) => ({
    occupation,
    demand: counts.demand[occupation] ?? 0,
    seekers: counts.seekers[occupation] ?? 0,
  }));
  const demand = rows.reduce((sum, r) => sum + r.demand, 0);
  rows.push({ occupation: SNAPSHOT_TOTAL, demand, seekers: counts.totalSeekers });
  return rows;
}

/** One day's snapshot rows as counts again; rows of an occupation `isTrade` refuses are left out. */
export function snapshotCounts<K extends string = string>(
  rows: readonly DaySnapshotRow[],
  isTrade: (occupation: string) => occupation is K = (_o): _o is K => true,
): SnapshotCounts<K> {
  const counts: SnapshotCounts<K> = { demand: {}, seekers: {}, totalSeekers: 0 };
  for (const r of rows) {
    if (r.occupation === SNAPSHOT_TOTAL) counts.totalSeekers = r.seekers;
    else if (isTrade(r.occupation)) {
      counts.demand[r.occupation] = r.demand;
      counts.seekers[r.occupation] = r.seekers;
    }
  }
  return counts;
}

const DAY_MS = 86_400_000;

function dayToUtc(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`dayToUtc: not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function utcToDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(day: string, n: number): string {
  return utcToDay(dayToUtc(day) + n * DAY_MS);
}

export interface IsoWeek {
  /** The ISO week-numbering year (2027-01-01 is in week 53 of 2026). */
  year: number;
  week: number;
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(day: string): number {
  return ((new Date(dayToUtc(day)).getUTCDay() + 6) % 7) + 1;
}

export function isoWeekOf(day: string): IsoWeek {
  // The week's Thursday decides its year (ISO 8601).
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayToUtc(thursday) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/** The Monday of an ISO week. */
export function isoWeekMonday({ year, week }: IsoWeek): string {
  // 4 January is always in week 1.
  const jan4 = utcToDay(Date.UTC(year, 0, 4));
  return addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
}

export function isoWeeksInYear(year: number): 52 | 53 {
  return isoWeekOf(utcToDay(Date.UTC(year, 11, 28))).week === 53 ? 53 : 52;
}

/** The same week number a year before; a week 53 with no twin compares with that year's week 52. */
export function sameWeekLastYear({ year, week }: IsoWeek): IsoWeek {
  return { year: year - 1, week: Math.min(week, isoWeeksInYear(year - 1)) };
}

/** One snapshot row as the host reads it. */
export interface SnapshotRow extends DaySnapshotRow {
  day: string;
}

/** Demand and seekers per day of `days`, null where that day has no snapshot. */
export interface DailySeries {
  demand: (number | null)[];
  seekers: (number | null)[];
}

/** A week summed up: the mean per day over `days` days that have a snapshot. */
export interface WeekFigures {
  demand: number;
  seekers: number;
  days: number;
}

export interface WeekSpan extends IsoWeek {
  /** Monday. */
  from: string;
  /** The last day counted: today for this week, Sunday for last year's. */
  to: string;
}

export interface WeekCompare {
  /** null: no snapshot on any day of the week. */
  current: WeekFigures | null;
  lastYear: WeekFigures | null;
}

export interface PulseHistory {
  today: string;
  /** The series' days, oldest first, today last. */
  days: string[];
  /** Every trade, in OCCUPATION_CODES order. */
  trades: ({ occupation: OccupationCode } & DailySeries & WeekCompare)[];
  /** The whole hall (seekers counted once across trades). */
  total: DailySeries & WeekCompare;
  week: { current: WeekSpan; lastYear: WeekSpan };
}

/** The local days the series and the two weeks need, for the host's two range queries. */
export function historyRanges(today: string): {
  series: { from: string; to: string };
  lastYear: WeekSpan;
  current: WeekSpan;
} {
  const thisWeek = isoWeekOf(today);
  const lastWeek = sameWeekLastYear(thisWeek);
  const lastFrom = isoWeekMonday(lastWeek);
  return {
    series: { from: addDays(today, 1 - HISTORY_DAYS), to: today },
    current: { ...thisWeek, from: isoWeekMonday(thisWeek), to: today },
    lastYear: { ...lastWeek, from: lastFrom, to: addDays(lastFrom, 6) },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function weekFigures(rows: readonly SnapshotRow[], span: WeekSpan): WeekFigures | null {
  const inWeek = rows.filter((r) => r.day >= span.from && r.day <= span.to);
  if (inWeek.length === 0) return null;
  const sum = (pick: (r: SnapshotRow) => number) => inWeek.reduce((s, r) => s + pick(r), 0);
  return {
    demand: round1(sum((r) => r.demand) / inWeek.length),
    seekers: round1(sum((r) => r.seekers) / inWeek.length),
    days: inWeek.length,
  };
}

/**
 * Shapes the snapshot rows of `historyRanges(today)` (any order; rows outside the ranges and of
 * unknown trades are ignored) into the charts' series and week comparison.
 */
export function buildPulseHistory(today: string, rows: readonly SnapshotRow[]): PulseHistory {
  const ranges = historyRanges(today);
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => addDays(ranges.series.from, i));
  const index = new Map(days.map((d, i) => [d, i]));
  const byOccupation = new Map<string, SnapshotRow[]>();
  for (const r of rows) {
    const list = byOccupation.get(r.occupation);
    if (list) list.push(r);
    else byOccupation.set(r.occupation, [r]);
  }
  function of(occupation: string): DailySeries & WeekCompare {
    const own = byOccupation.get(occupation) ?? [];
    const demand: (number | null)[] = days.map(() => null);
    const seekers: (number | null)[] = days.map(() => null);
    for (const r of own) {
      const i = index.get(r.day);
      if (i === undefined) continue;
      demand[i] = r.demand;
      seekers[i] = r.seekers;
    }
    return {
      demand,
      seekers,
      current: weekFigures(own, ranges.current),
      lastYear: weekFigures(own, ranges.lastYear),
    };
  }
  return {
    today,
    days,
    trades: OCCUPATION_CODES.map((occupation) => ({ occupation, ...of(occupation) })),
    total: of(SNAPSHOT_TOTAL),
    week: { current: ranges.current, lastYear: ranges.lastYear },
  };
}
