/**
 * The market-pulse page of a board plan (shared/planner/pulse-layout.ts): every string is
 * formatted and cut by the planner, every size decided, so the board only draws it.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';

export const PULSE_COLUMNS = ['rank', 'trade', 'demand', 'seekers', 'gap', 'ratio', 'yearAgo'] as const;
export type PulseColumn = (typeof PULSE_COLUMNS)[number];

export const PulsePageSchema = z.object({
  /** Headline at titlePx, summary and note at bodyPx, table cells at bodyPx (trade at titlePx). */
  titlePx: z.number().int().positive(),
  bodyPx: z.number().int().positive(),
  rowHeightPx: z.number().int().positive(),
  headline: z.string(),
  summary: z.string(),
  note: z.string(),
  columns: z.array(z.object({ key: z.enum(PULSE_COLUMNS), label: z.string(), widthPx: z.number().int().positive() })),
  rows: z.array(
    z.object({
      occupation: z.enum(OCCUPATION_CODES),
      /** In the shortage ranking (the rank cell says so in text; colour only repeats it). */
      shortage: z.boolean(),
      /** One string per column, in `columns` order. */
      cells: z.array(z.string()),
    }),
  ),
  /** Shown instead of the table when no trade has any demand. */
  empty: z.string().nullable(),
});
export type PulsePage = z.infer<typeof PulsePageSchema>;
