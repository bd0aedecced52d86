/**
 * The console's pulse charts from the daily snapshots: the last 90 local days and the same ISO
 * week last year, two ranges of the table's primary key (day, occupation), at most
 * (90 + 7) × 16 rows, shaped by the pure buildPulseHistory.
 */
import type { Database } from '../db/handles';
import { localDay } from '../signups/signup-intake';
import {
  buildPulseHistory,
  historyRanges,
  type PulseHistory,
  type SnapshotRow,
} from '../../../shared/pulse/pulse-history';

export interface PulseHistoryQuery {
  history(now: number): PulseHistory;
}

export function createPulseHistoryQuery(db: Database): PulseHistoryQuery {
  const rows = db.prepare<{ from: string; to: string; lyFrom: string; lyTo: string }, SnapshotRow>(
    `SELECT day, occupation, demand, seekers FROM pulse_snapshots
     WHERE day BETWEEN @from AND @to OR day BETWEEN @lyFrom AND @lyTo`,
  );
  return {
    history(now) {
      const today = localDay(now);
      const { series, lastYear } = historyRanges(today);
      return buildPulseHistory(
        today,
        rows.all({ from: series.from, to: series.to, lyFrom: lastYear.from, lyTo: lastYear.to }),
      );
    },
  };
}
