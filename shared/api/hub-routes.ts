/**
 * Every HTTP route of the reference hub (scripts/hub/), as data (define-route.ts), like the
 * hall's HALL_ROUTES. The hub registers each one from here with the hall's own helper
 * (electron/host/server/api-route.ts); the hall's sync client reads the change feed by
 * `HUB_ROUTES.changes`. A test lists the hub's Fastify routes and fails on any route that is
 * not in this map and on any entry with no route. DESIGN.md's "Public contract" (reference hub)
 * names the routes other systems rely on: those paths never change.
 *
 * Auth: `hall` takes a hall token or the admin token; `hub-admin` only the admin token.
 */
import { z } from 'zod';
import { PostingSchema } from '../schemas/posting';
import { CityPictureSchema } from '../pulse/city-pulse-schema';
import { defineRoute } from './define-route';
import { ChangesPageSchema, ChangesQuerySchema, CityQuerySchema, HubUrgentInputSchema } from './hub-wire';
import { idParam } from './route-parts';

/** Postings one `POST /api/v1/listings` may carry. */
export const HUB_MAX_BATCH = 5000;

/**
 * `POST /api/v1/listings`: one posting, an array of them, or `{ listings: [...] }` — as the
 * items, 1–5000 of them. Each item is checked with ListingSchema in the handler, after it is
 * merged over the posting the hub holds for its id (so a partial posting edits fields).
 */
export const HubPostingsBodySchema = z
  .union([
    z.array(z.unknown()),
    z.object({ listings: z.array(z.unknown()) }).transform((body) => body.listings),
    z.unknown().transform((item) => [item]),
  ])
  .pipe(
    z
      .array(z.unknown())
      .min(1, { message: `send 1–${HUB_MAX_BATCH} postings` })
      .max(HUB_MAX_BATCH, { message: `send 1–${HUB_MAX_BATCH} postings` }),
  );

const SeqSchema = z.number().int().nonnegative();

export const HubHealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'draining']),
  node: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  database: z.object({ reachable: z.boolean(), latencyMs: z.number(), error: z.string().optional() }),
  /** PostgreSQL only: whether this node hears the others' changes, and how far it has sent them on. */
  fanout: z.object({ listening: z.boolean(), position: SeqSchema }).optional(),
  lastSeq: SeqSchema.nullable(),
  listings: z.number().int().nonnegative().nullable(),
  /** Hall sockets on this node. */
  halls: z.number().int().nonnegative(),
  connectedHalls: z.array(z.string()),
});

export const SubmissionsQuerySchema = z.object({
  /** The id to page on from (submissions come in id order). */
  after: z.string().max(64).default(''),
  /** Only submissions of this type (`registration`, `urgent`, `match-outcome`…). */
  type: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{0,63}$/)
    .optional(),
  /** 1–10,000, 1000 when missing or not a number. */
  limit: z
    .string()
    .optional()
    .transform((value) => Math.min(10_000, Math.max(1, Number(value ?? 1000) || 1000))),
});

export const SubmissionSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  type: z.string(),
  payload: z.unknown(),
  receivedAt: z.number(),
  receivedCount: z.number().int().positive(),
});

export const HUB_ROUTES = {
  health: defineRoute({ method: 'GET', path: '/healthz', auth: 'public', label: 'health', response: HubHealthSchema }),
  cityPage: defineRoute({
    method: 'GET',
    path: '/city',
    auth: 'public',
    label: 'city',
    query: CityQuerySchema,
    response: 'page',
  }),
  cityStyles: defineRoute({
    method: 'GET',
    path: '/city/city.css',
    auth: 'public',
    label: 'city styles',
    response: 'file',
  }),
  city: defineRoute({
    method: 'GET',
    path: '/api/v1/city',
    auth: 'public',
    label: 'city',
    response: CityPictureSchema.extend({ node: z.string() }),
  }),
  changes: defineRoute({
    method: 'GET',
    path: '/api/v1/changes',
    auth: 'hall',
    label: 'changes',
    query: ChangesQuerySchema,
    response: ChangesPageSchema,
  }),
  listing: defineRoute({
    method: 'GET',
    path: '/api/v1/listings/:id',
    auth: 'hall',
    label: 'listings',
    params: idParam,
    response: PostingSchema,
  }),
  listingsUpsert: defineRoute({
    method: 'POST',
    path: '/api/v1/listings',
    auth: 'hub-admin',
    label: 'listings',
    body: HubPostingsBodySchema,
    response: z.object({
      upserted: z.array(z.object({ id: z.string(), seq: SeqSchema, revision: z.number().int() })),
      lastSeq: SeqSchema,
    }),
  }),
  listingDelete: defineRoute({
    method: 'DELETE',
    path: '/api/v1/listings/:id',
    auth: 'hub-admin',
    label: 'listings',
    params: idParam,
    response: z.object({ id: z.string(), seq: SeqSchema }),
  }),
  urgent: defineRoute({
    method: 'POST',
    path: '/api/v1/urgent',
    auth: 'hub-admin',
    label: 'urgent',
    body: HubUrgentInputSchema,
    bodyError: 'invalid_urgent',
    bodyStatus: 422,
    response: z.object({ id: z.string(), seq: SeqSchema }),
  }),
  submissions: defineRoute({
    method: 'GET',
    path: '/api/v1/submissions',
    auth: 'hub-admin',
    label: 'submissions',
    query: SubmissionsQuerySchema,
    response: z.object({ submissions: z.array(SubmissionSchema), total: z.number().int().nonnegative() }),
  }),
} as const;
export type HubRouteName = keyof typeof HUB_ROUTES;
