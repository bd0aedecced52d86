/**
 * What the reference hub accepts from its admin and its halls. Postings use the shared
 * ListingSchema (the same one halls validate with); urgent notices and outbox items are hub
 * wire shapes of their own.
 */
import { z } from 'zod';

export const UrgentInputSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/).optional(),
  title: z.string().trim().min(1).max(60).refine((s) => !/[<>]/.test(s), { message: 'must be plain text (no < or >)' }),
  body: z.string().trim().max(500).refine((s) => !/[<>]/.test(s), { message: 'must be plain text (no < or >)' }).default(''),
  listingId: z.string().max(64).nullable().default(null),
  expiresAt: z.iso.datetime({ offset: true }),
  screens: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)).max(200).nullable().default(null),
});

/** One outbox item from a hall: ids are UUIDs (v7 from the hall) and dedupe the submission. */
export const SubmitItemSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'a UUID' }),
  type: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, { message: 'a lower-case type name' }),
  payload: z.unknown(),
  createdAt: z.number().int().optional(),
});

export const HallHandshakeSchema = z.object({
  hallId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  token: z.string().min(1).max(512),
  since: z.number().int().nonnegative().default(0),
});

export const ChangesQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/** `/city?lang=` and `/api/v1/city`: Chinese unless English is asked for. */
export const CityQuerySchema = z.object({
  lang: z.enum(['zh-CN', 'en']).default('zh-CN').catch('zh-CN'),
});

/** What a hall reports with each heartbeat (all optional: older halls send only the cursor). */
export const HeartbeatReportSchema = z.object({
  cursor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  outboxPending: z.number().int().min(0).max(100_000_000).nullable().default(null),
  outboxOldestAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  screensOnline: z.number().int().min(0).max(100_000).nullable().default(null),
  screensTotal: z.number().int().min(0).max(100_000).nullable().default(null),
});
