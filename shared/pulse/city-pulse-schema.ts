/**
 * The city's picture on the wire (`GET /api/v1/city` on a hub node). Typed against
 * city-pulse.ts's interfaces, so a field added there and not here fails the typecheck.
 */
import { z } from 'zod';
import type { CityHall, CityPicture } from './city-pulse';
import { MarketPulseSchema } from './market-pulse-schema';

const CityHallSchema: z.ZodType<CityHall> = z.object({
  hallId: z.string(),
  nodeId: z.string(),
  online: z.boolean(),
  lastHeartbeatAt: z.number(),
  heartbeatAgeS: z.number(),
  outboxPending: z.number().nullable(),
  outboxLagS: z.number().nullable(),
  screensOnline: z.number().nullable(),
  screensTotal: z.number().nullable(),
  behindChanges: z.number(),
});

export const CityPictureSchema = z.object({
  computedAt: z.number(),
  lastSeq: z.number(),
  pulse: MarketPulseSchema,
  yearAgoDay: z.string().nullable(),
  halls: z.array(CityHallSchema),
  hallTotals: z.object({
    halls: z.number(),
    online: z.number(),
    screensOnline: z.number(),
    screensTotal: z.number(),
    outboxPending: z.number(),
  }),
}) satisfies z.ZodType<CityPicture>;
