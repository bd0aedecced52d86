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
import {
  demandByTradeSql,
  seekersByTradeSql,
  seekersTotalSql,
  type PulseTables,
} from '../../../shared/pulse/pulse-sql';

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
  const tables: PulseTables = { postings: 'postings', listed: 'hidden = 0', person: 'phone', signedUpAt: 'created_at' };
  const demand = db.prepare<{ now: number }, { occupation: string; n: number }>(demandByTradeSql(tables));
  const seekers = db.prepare<{ since: number; now: number }, { occupation: string; n: number }>(
    seekersByTradeSql(tables),
  );
  const total = db.prepare<{ since: number; now: number }, { n: number }>(seekersTotalSql(tables));
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
