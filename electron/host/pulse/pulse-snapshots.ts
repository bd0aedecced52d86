/**
 * Daily aggregates of the pulse (one row per local day and trade, plus a `_total` row), the
 * only way to compare with the same period last year: the sign-ups and postings behind them
 * are purged long before then. No personal data is kept here.
 */
import type { WritableDatabase } from '../db/handles';
import { localDay } from '../signups/signup-intake';
import { DAY_MS, type TradeCounts } from '../../../shared/pulse/market-pulse';
import { isOccupationCode, OCCUPATION_CODES } from '../../../shared/occupations';
import { snapshotCounts, snapshotRows } from '../../../shared/pulse/pulse-history';
import type { PulseCounts } from './pulse-query';
/** A year-ago snapshot may be this many days off the exact date (a closed day has none). */
const YEAR_AGO_SLACK_DAYS = 3;

export interface PulseSnapshots {
  record(now: number, counts: PulseCounts): void;
  /** Counts of the snapshot nearest to the same day last year, or null when none is near. */
  yearAgo(now: number): { day: string; demand: TradeCounts; seekers: TradeCounts; totalSeekers: number } | null;
}

export function createPulseSnapshots(db: WritableDatabase): PulseSnapshots {
  const upsert = db.prepare<{ day: string; occupation: string; demand: number; seekers: number; at: number }>(
    `INSERT INTO pulse_snapshots (day, occupation, demand, seekers, recorded_at) VALUES (@day, @occupation, @demand, @seekers, @at)
     ON CONFLICT (day, occupation) DO UPDATE SET demand = excluded.demand, seekers = excluded.seekers, recorded_at = excluded.recorded_at`,
  );
  const nearest = db.prepare<{ lo: string; hi: string; target: string }, { day: string }>(
    `SELECT DISTINCT day FROM pulse_snapshots WHERE day BETWEEN @lo AND @hi
     ORDER BY abs(julianday(day) - julianday(@target)), day LIMIT 1`,
  );
  const rowsOf = db.prepare<{ day: string }, { occupation: string; demand: number; seekers: number }>(
    'SELECT occupation, demand, seekers FROM pulse_snapshots WHERE day = @day',
  );
  const recordTx = db.transaction((now: number, counts: PulseCounts) => {
    const day = localDay(now);
    for (const row of snapshotRows(counts, OCCUPATION_CODES)) upsert.run({ day, ...row, at: now });
  });
  return {
    record: (now, counts) => recordTx(now, counts),
    yearAgo(now) {
      const target = new Date(now);
      target.setFullYear(target.getFullYear() - 1);
      const t = target.getTime();
      const found = nearest.get({
        lo: localDay(t - YEAR_AGO_SLACK_DAYS * DAY_MS),
        hi: localDay(t + YEAR_AGO_SLACK_DAYS * DAY_MS),
        target: localDay(t),
      });
      if (!found) return null;
      return { day: found.day, ...snapshotCounts(rowsOf.all({ day: found.day }), isOccupationCode) };
    },
  };
}
