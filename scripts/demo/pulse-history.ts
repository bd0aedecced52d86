/**
 * A made-up but believable pulse history for the demo hall (assets/demo/pulse-history.json), so
 * the console's pulse charts have 90 days and a same-week-last-year to draw on a fresh clone. A
 * standalone hall seeds it into an empty `pulse_snapshots` with the demo postings
 * (electron/host/pulse/pulse-demo-seed.ts).
 *
 * Days are offsets from the day the hall seeds them (−1 = yesterday); today is never in the
 * file, the hall records today from its own postings and sign-ups. Each trade's demand starts
 * from the demo postings' open headcount and drifts day by day, with a slow trend; seekers (a
 * 30-day count, so smooth) follow a ratio per trade: short trades (护工, 建筑, 维修) have fewer
 * seekers than jobs, office work more. Last year's weeks run a little lower: the hall has grown.
 * A few days are missing on purpose (a three-day holiday, a day the host was off): the charts
 * show them as gaps.
 */
import { OCCUPATION_CODES, type OccupationCode } from '../../shared/occupations';
import type { Posting } from '../../shared/schemas/posting';
import { createRandom } from './prng';

export interface DemoPulseDay {
  /** Days from the seeding day: −1 is yesterday. */
  offset: number;
  /** Per trade, in `trades` order. */
  demand: number[];
  seekers: number[];
  /** Seekers over all trades, each person once (people pick about 1.3 trades each). */
  seekersTotal: number;
}

export interface DemoPulseHistory {
  trades: OccupationCode[];
  days: DemoPulseDay[];
}

/** Seekers per job, roughly, by trade (below 1: more jobs than people, a trade in short supply). */
const SEEKERS_PER_JOB: Record<OccupationCode, number> = {
  construction: 0.55,
  moving: 0.8,
  delivery: 0.7,
  driving: 0.9,
  cleaning: 1.1,
  catering: 0.85,
  retail: 1.3,
  repair: 0.45,
  factory: 0.6,
  care: 0.4,
  teaching: 1.4,
  media: 1.8,
  office: 2.2,
  farming: 0.5,
  other: 1.0,
};

/** The last 89 days (today is the hall's own) and five weeks around the same day last year. */
const RECENT = { from: -89, to: -1 };
const YEAR_AGO = { from: -380, to: -348 };
/** Days the demo hall has no snapshot: a three-day holiday and a day the host was off. */
const CLOSED = new Set([-58, -57, -56, -23]);
/** Last year's figures against this year's. */
const LAST_YEAR_DEMAND = 0.82;
const LAST_YEAR_SEEKERS = 0.9;

function openHeadcount(postings: readonly Posting[], now: number): Record<OccupationCode, number> {
  const out = Object.fromEntries(OCCUPATION_CODES.map((o) => [o, 0])) as Record<OccupationCode, number>;
  for (const p of postings) {
    if (Date.parse(p.validFrom) <= now && Date.parse(p.validUntil) > now) out[p.occupation] += p.headcount;
  }
  return out;
}

export function generatePulseHistory(
  postings: readonly Posting[],
  options: { seed: number; now: number },
): DemoPulseHistory {
  const random = createRandom(options.seed ^ 0x5eed);
  const base = openHeadcount(postings, options.now);
  const offsets = [
    ...Array.from({ length: YEAR_AGO.to - YEAR_AGO.from + 1 }, (_, i) => YEAR_AGO.from + i),
    ...Array.from({ length: RECENT.to - RECENT.from + 1 }, (_, i) => RECENT.from + i),
  ];
  // Per trade a slow trend over the window (some trades rising towards the year's end, some
  // easing) and two random walks, one for demand, one for the seekers' ratio.
  const trend = OCCUPATION_CODES.map(() => (random.next() - 0.4) * 0.35);
  const demandWalk = OCCUPATION_CODES.map(() => 0);
  const seekerWalk = OCCUPATION_CODES.map(() => 0);
  const days: DemoPulseDay[] = [];
  let previous: number | null = null;
  for (const offset of offsets) {
    // the walks start again where the history jumps from last year to this
    if (previous !== null && offset !== previous + 1) {
      demandWalk.fill(0);
      seekerWalk.fill(0);
    }
    previous = offset;
    const lastYear = offset <= YEAR_AGO.to;
    // 1 at today, (1 − trend) 90 days before
    const position = lastYear ? (offset + 365) / 90 : offset / 90;
    const demand: number[] = [];
    const seekers: number[] = [];
    OCCUPATION_CODES.forEach((occupation, i) => {
      demandWalk[i] = demandWalk[i]! * 0.8 + (random.next() - 0.5) * 0.16;
      seekerWalk[i] = seekerWalk[i]! * 0.95 + (random.next() - 0.5) * 0.03;
      const level = Math.max(0.3, 1 + trend[i]! * position + demandWalk[i]!) * (lastYear ? LAST_YEAR_DEMAND : 1);
      const d = Math.max(0, Math.round(base[occupation] * level));
      const perJob = SEEKERS_PER_JOB[occupation] * (1 + seekerWalk[i]!) * (lastYear ? LAST_YEAR_SEEKERS : 1);
      demand.push(d);
      seekers.push(Math.max(0, Math.round(base[occupation] * Math.max(0.3, 1 + trend[i]! * position) * perJob)));
    });
    if (CLOSED.has(offset)) continue;
    const seekersTotal = Math.round(seekers.reduce((s, n) => s + n, 0) / 1.3);
    days.push({ offset, demand, seekers, seekersTotal });
  }
  return { trades: [...OCCUPATION_CODES], days };
}

/** One day a line, so the file reads as a table in a diff. */
export function serializePulseHistory(history: DemoPulseHistory): string {
  const lines = history.days.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "trades": ${JSON.stringify(history.trades)},\n  "days": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
