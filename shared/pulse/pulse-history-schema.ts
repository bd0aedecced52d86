/**
 * The pulse's history on the wire (`GET /api/staff/pulse/history`). Typed against
 * pulse-history.ts's interfaces, so a field added there and not here fails the typecheck; every
 * array is bounded, so a response can never grow past 90 days of 15 trades.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import { HISTORY_DAYS, type PulseHistory, type WeekFigures, type WeekSpan } from './pulse-history';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Series = z.array(z.number().nonnegative().nullable()).length(HISTORY_DAYS);

const WeekFiguresSchema: z.ZodType<WeekFigures> = z.object({
  demand: z.number().nonnegative(),
  seekers: z.number().nonnegative(),
  days: z.number().int().min(1).max(7),
});

const WeekSpanSchema: z.ZodType<WeekSpan> = z.object({
  year: z.number().int(),
  week: z.number().int().min(1).max(53),
  from: Day,
  to: Day,
});

const Row = {
  demand: Series,
  seekers: Series,
  current: WeekFiguresSchema.nullable(),
  lastYear: WeekFiguresSchema.nullable(),
};

export const PulseHistorySchema: z.ZodType<PulseHistory> = z.object({
  today: Day,
  days: z.array(Day).length(HISTORY_DAYS),
  trades: z.array(z.object({ occupation: z.enum(OCCUPATION_CODES), ...Row })).max(OCCUPATION_CODES.length),
  total: z.object(Row),
  week: z.object({ current: WeekSpanSchema, lastYear: WeekSpanSchema }),
});
