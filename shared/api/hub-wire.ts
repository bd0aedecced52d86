/**
 * The hub's wire format, once, for both ends: the reference hub (scripts/hub/) serves and checks
 * it, the hall's sync client (electron/host/sync/) reads and sends it. DESIGN.md's "Public
 * contract" (reference hub) and "Sync rules" are the source; nothing here may change a byte of
 * what either side sends.
 *
 * REST: the change feed's page and its change items, the admin's urgent notice. Socket.io: the
 * `/hall` namespace, its handshake and its events as data (like board-events.ts), so both sides'
 * socket.io types come from one map.
 */
import { z } from 'zod';
import { SCREEN_ID } from '../schemas/screen';

export const HALL_NAMESPACE = '/hall';

export const CHANGE_TYPES = ['listing', 'urgent'] as const;
export const CHANGE_OPS = ['upsert', 'delete'] as const;

/**
 * One change of the hub's log. The hall checks each envelope on its own (a bad one is
 * quarantined, never the page); the posting inside is checked with the shared ListingSchema
 * when it is applied.
 */
export const ChangeEnvelopeSchema = z.object({
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  type: z.enum(CHANGE_TYPES),
  op: z.enum(CHANGE_OPS),
  id: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
export type ChangeEnvelope = z.infer<typeof ChangeEnvelopeSchema>;

/** `GET /api/v1/changes`: the items stay raw here, so one bad change does not refuse its page. */
export const ChangesPageSchema = z.object({
  changes: z.array(z.unknown()),
  lastSeq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

export const ChangesQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

const plainText = (s: string) => !/[<>]/.test(s);

/** `POST /api/v1/urgent` (the admin), and the payload of a hall's relayed urgent posting. */
export const HubUrgentInputSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/)
    .optional(),
  title: z.string().trim().min(1).max(60).refine(plainText, { message: 'must be plain text (no < or >)' }),
  body: z.string().trim().max(500).refine(plainText, { message: 'must be plain text (no < or >)' }).default(''),
  listingId: z.string().max(64).nullable().default(null),
  expiresAt: z.iso.datetime({ offset: true }),
  screens: z.array(z.string().regex(SCREEN_ID)).max(200).nullable().default(null),
});

/** `/city?lang=` and `/api/v1/city`: Chinese unless English is asked for. */
export const CityQuerySchema = z.object({
  lang: z.enum(['zh-CN', 'en']).default('zh-CN').catch('zh-CN'),
});

/** The `/hall` handshake: `auth: { hallId, token, since }`. */
export const HallHandshakeSchema = z.object({
  hallId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  token: z.string().min(1).max(512),
  since: z.number().int().nonnegative().default(0),
});
export type HallHandshake = z.input<typeof HallHandshakeSchema>;

/** One outbox item from a hall (`submit`): ids are UUIDs (v7 from the hall) and dedupe the submission. */
export const SubmitItemSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'a UUID' }),
  type: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, { message: 'a lower-case type name' }),
  payload: z.unknown(),
  createdAt: z.number().int().optional(),
});

/** The answer to `submit`: every time, a duplicate included (`duplicate: true`). */
export const SubmitAckSchema = z.object({
  ok: z.boolean(),
  id: z.string().optional(),
  duplicate: z.boolean().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SubmitAck = z.infer<typeof SubmitAckSchema>;

/**
 * What a hall reports with each heartbeat (all optional: older halls send only the cursor).
 * `hallId` rides along for a reader of the traffic; the hub takes the hall from the handshake.
 */
export const HeartbeatReportSchema = z.object({
  hallId: z.string().max(64).optional(),
  cursor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  outboxPending: z.number().int().min(0).max(100_000_000).nullable().default(null),
  outboxOldestAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  screensOnline: z.number().int().min(0).max(100_000).nullable().default(null),
  screensTotal: z.number().int().min(0).max(100_000).nullable().default(null),
});

/** The answer to `heartbeat`: the hub's last seq, so a hall notices a change it never got. */
export const HeartbeatAckSchema = z.object({
  ok: z.literal(true),
  lastSeq: z.number().int().nonnegative(),
  now: z.number().optional(),
});

/** Events the hub sends to a hall. */
export const HALL_SERVER_EVENTS = {
  /** One live change, with its seq (the hall checks it as it checks a page's items). */
  change: ChangeEnvelopeSchema,
} as const;

/** Events a hall sends to the hub; `ack` is the answer the sender's callback gets. */
export const HALL_CLIENT_EVENTS = {
  submit: { payload: SubmitItemSchema, ack: SubmitAckSchema },
  heartbeat: { payload: HeartbeatReportSchema, ack: HeartbeatAckSchema },
} as const;

type ServerEventMap = typeof HALL_SERVER_EVENTS;
type ClientEventMap = typeof HALL_CLIENT_EVENTS;

/** socket.io's listener map of what the hub sends, derived from HALL_SERVER_EVENTS. */
export type HallServerEvents = {
  [K in keyof ServerEventMap]: (payload: z.output<ServerEventMap[K]>) => void;
};

/** socket.io's listener map of what a hall sends, derived from HALL_CLIENT_EVENTS. */
export type HallClientEvents = {
  [K in keyof ClientEventMap]: (
    payload: z.input<ClientEventMap[K]['payload']>,
    ack: (answer: z.input<ClientEventMap[K]['ack']>) => void,
  ) => void;
};
