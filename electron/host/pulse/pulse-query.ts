/**
 * The host's side of the market pulse: the per-trade counts straight from SQLite (aggregated
 * in SQL, so 100 000 postings never become JS objects), fed to the pure computeMarketPulse.
 *
 * Seekers: distinct phones per trade among sign-ups of the window. A sign-up that named no
 * trade but signed up for a posting counts for that posting's trade; one with neither counts
 * in the total only.
 */
import type { Database } from '../db/handles';
import { DAY_MS, type TradeCounts } from '../../../shared/pulse/market-pulse';
import { isOccupationCode } from '../../../shared/occupations';

export interface PulseCounts {
  demand: TradeCounts;
  seekers: TradeCounts;
  totalSeekers: number;
}

export interface PulseQuery {
  counts(now: number, windowDays: number): PulseCounts;
}

function toCounts(rows: readonly { occupation: string; n: number }[]): TradeCounts {
  const out: TradeCounts = {};
  for (const r of rows) if (isOccupationCode(r.occupation)) out[r.occupation] = r.n;
  return out;
}

export function createPulseQuery(db: Database): PulseQuery {
  const demand = db.prepare<{ now: number }, { occupation: string; n: number }>(
    `SELECT occupation, SUM(headcount) AS n FROM listings
     WHERE hidden = 0 AND valid_from_ms <= @now AND valid_until_ms > @now GROUP BY occupation`,
  );
  const seekers = db.prepare<{ since: number; now: number }, { occupation: string; n: number }>(
    `WITH recent AS (
       SELECT phone, occupations, listing_id FROM signups WHERE created_at >= @since AND created_at <= @now
     ), pairs AS (
       SELECT j.value AS occupation, r.phone AS phone FROM recent r, json_each(r.occupations) j
       UNION
       SELECT l.occupation, r.phone FROM recent r JOIN listings l ON l.id = r.listing_id WHERE r.occupations = '[]'
     )
     SELECT occupation, COUNT(DISTINCT phone) AS n FROM pairs GROUP BY occupation`,
  );
  const total = db.prepare<{ since: number; now: number }, { n: number }>(
    'SELECT COUNT(DISTINCT phone) AS n FROM signups WHERE created_at >= @since AND created_at <= @now',
  );
  return {
    counts(now, windowDays) {
      const since = now - windowDays * DAY_MS;
      return {
        demand: toCounts(demand.all({ now })),
        seekers: toCounts(seekers.all({ since, now })),
        totalSeekers: total.get({ since, now })?.n ?? 0,
      };
    },
  };
}
