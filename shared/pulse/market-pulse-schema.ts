/**
 * The market pulse on the wire (`GET /api/staff/pulse`). Typed against market-pulse.ts's
 * interfaces, so a field added there and not here fails the typecheck.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import type { MarketPulse, TradePulse, YearAgo } from './market-pulse';

const YearAgoSchema: z.ZodType<YearAgo> = z.object({
  demand: z.number(),
  seekers: z.number(),
  ratio: z.number().nullable(),
});

const TradePulseSchema: z.ZodType<TradePulse> = z.object({
  occupation: z.enum(OCCUPATION_CODES),
  demand: z.number(),
  seekers: z.number(),
  gap: z.number(),
  ratio: z.number().nullable(),
  status: z.enum(['no-demand', 'below-minimum', 'no-seekers', 'ratio']),
  shortageRank: z.number().int().nullable(),
  yearAgo: YearAgoSchema.nullable(),
});

export const MarketPulseSchema: z.ZodType<MarketPulse> = z.object({
  computedAt: z.number(),
  windowDays: z.number(),
  minDemand: z.number(),
  minSeekers: z.number(),
  trades: z.array(TradePulseSchema),
  totals: z.object({
    demand: z.number(),
    seekers: z.number(),
    gap: z.number(),
    ratio: z.number().nullable(),
    yearAgo: YearAgoSchema.nullable(),
  }),
});
