/**
 * The demo hall's pulse history (assets/demo/pulse-history.json, written by `npm run seed:demo`):
 * seeded with the demo postings into an empty `pulse_snapshots`, so the console's charts have
 * 90 days and a same-week-last-year to show on a fresh clone. Offsets are days back from the
 * seeding day; today is left to the hall's own counts. A hall that ever recorded a snapshot
 * keeps its own history.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WritableDatabase } from '../db/handles';
import { localDay } from '../signups/signup-intake';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import { addDays, SNAPSHOT_TOTAL } from '../../../shared/pulse/pulse-history';

export class DemoPulseHistoryError extends Error {
  override readonly name = 'DemoPulseHistoryError';
}

const Count = z.number().int().nonnegative();
const DemoPulseHistorySchema = z.object({
  trades: z.array(z.enum(OCCUPATION_CODES)).min(1),
  days: z
    .array(
      z.object({
        offset: z.number().int().max(-1).min(-800),
        demand: z.array(Count),
        seekers: z.array(Count),
        seekersTotal: Count,
      }),
    )
    .max(800),
});

/** Writes the file's days into an empty pulse_snapshots, rebased to `now`'s local day; returns the days written. */
export function seedDemoPulseHistory(db: WritableDatabase, file: string, now: number): number {
  if (db.prepare('SELECT 1 FROM pulse_snapshots LIMIT 1').get() !== undefined) return 0;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DemoPulseHistoryError(`seedDemoPulseHistory: cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = DemoPulseHistorySchema.safeParse(raw);
  if (!parsed.success)
    throw new DemoPulseHistoryError(`seedDemoPulseHistory: ${file}: ${z.prettifyError(parsed.error)}`);
  const { trades, days } = parsed.data;
  for (const d of days) {
    if (d.demand.length !== trades.length || d.seekers.length !== trades.length)
      throw new DemoPulseHistoryError(`seedDemoPulseHistory: ${file}: day ${d.offset} does not give every trade`);
  }
  const insert = db.prepare<{ day: string; occupation: string; demand: number; seekers: number; at: number }>(
    `INSERT INTO pulse_snapshots (day, occupation, demand, seekers, recorded_at) VALUES (@day, @occupation, @demand, @seekers, @at)`,
  );
  const today = localDay(now);
  db.transaction(() => {
    for (const d of days) {
      const day = addDays(today, d.offset);
      trades.forEach((occupation, i) =>
        insert.run({ day, occupation, demand: d.demand[i]!, seekers: d.seekers[i]!, at: now }),
      );
      const demand = d.demand.reduce((s, n) => s + n, 0);
      insert.run({ day, occupation: SNAPSHOT_TOTAL, demand, seekers: d.seekersTotal, at: now });
    }
  })();
  return days.length;
}
