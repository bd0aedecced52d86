/**
 * The hall host's public schemas (DESIGN.md, "Public contract"): health, the public search,
 * board status and pairing, the board socket's payloads. The routes that use them are in
 * shared/api/hall-routes.ts and the socket events in shared/api/board-events.ts.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from './occupations';
import { PublicPostingSchema } from './schemas/public-posting';
import { BOARD_LAYOUTS, SCREEN_ID } from './schemas/screen';
import { PLAN_WARNINGS } from './schemas/board-plan';

export { ErrorBodySchema, type ErrorBody } from './api/error-body';

export const HubStateSchema = z.enum(['standalone', 'connected', 'offline']);
export type HubState = z.infer<typeof HubStateSchema>;

/** Upstream link detail in /healthz when a hub is configured (absent when standalone). */
export const SyncHealthSchema = z.object({
  /** When the hall last knew itself up to date with the hub (ms), or null. */
  lastSyncAt: z.number().int().nullable(),
  /** The hub's last change seq as last heard, or null before first contact. */
  hubLastSeq: z.number().int().nonnegative().nullable(),
  /** Changes behind the hub, as far as the hall knows. */
  lagChanges: z.number().int().nonnegative(),
  /** ms since lastSyncAt (since start when never synced). */
  lagMs: z.number().int().nonnegative(),
  stale: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Where catch-up pages are parsed and checked: the page worker, or the host's own thread
   * (until the worker has started, or for good when it could not). */
  pageReader: z.enum(['worker', 'inline']),
});
export type SyncHealth = z.infer<typeof SyncHealthSchema>;

/**
 * One screen's cycle at its configured size (DESIGN.md "Boards": every cycle within maxCycleS):
 * how long a visitor may wait for a posting to come round, and why it is longer when it is.
 */
export const ScreenCycleSchema = z.object({
  screenId: z.string(),
  /** 'live': the plan the screen's pages hold; 'preview': planned for this report, no page open. */
  source: z.enum(['live', 'preview']),
  layout: z.enum(BOARD_LAYOUTS),
  cycleMs: z.number().int().nonnegative(),
  maxCycleMs: z.number().int().positive(),
  overTarget: z.boolean(),
  pages: z.number().int().nonnegative(),
  postings: z.number().int().nonnegative(),
  warnings: z.array(z.enum(PLAN_WARNINGS)),
  /** The screen's share of its wall group (null: no group). */
  group: z
    .object({
      groupId: z.string(),
      occupations: z.array(z.enum(OCCUPATION_CODES)),
      screens: z.number().int().positive(),
      groupPostings: z.number().int().nonnegative(),
      groupCapacity: z.number().int().nonnegative(),
      screensNeeded: z.number().int().positive().nullable(),
    })
    .nullable(),
  plannedAt: z.number().int(),
});
export type ScreenCycle = z.infer<typeof ScreenCycleSchema>;

/** The board pages and their planner in /healthz: re-planning runs per data change, not per page. */
export const BoardHealthSchema = z.object({
  sockets: z.number().int().nonnegative(),
  /** Plan groups (screen + size) with pages. */
  groups: z.number().int().nonnegative(),
  /** Plans computed since start (a cached plan served again is not counted). */
  plansComputed: z.number().int().nonnegative(),
  /** Plan batches run (each covers every group that needed a plan). */
  batches: z.number().int().nonnegative(),
  /** Whole plans pushed, per receiving page. */
  plansSent: z.number().int().nonnegative(),
  /** Live changes pushed as a `plan-patch`, per receiving page. */
  patchesSent: z.number().int().nonnegative(),
  /** `plan-resync` requests from pages (a patch did not fit the plan they held). */
  resyncs: z.number().int().nonnegative(),
  /** Plans held back for a page still receiving an earlier one (it gets the newest later). */
  plansDeferred: z.number().int().nonnegative(),
  planner: z.enum(['worker', 'inline']),
  /** Postings written that the planner has not seen yet. */
  feedBehind: z.number().int().nonnegative(),
  /** Every screen's cycle as far as known (a screen with no page open since the last change: not yet). */
  screens: z.array(ScreenCycleSchema).optional(),
});

/** How often each limit against floods was hit since start, and when last. */
export const LimitHealthSchema = z.record(
  z.string(),
  z.object({ total: z.number().int().nonnegative(), lastAt: z.number().int().nullable() }),
);

/** Event-loop delay of the host's thread (ms): everything waits behind a blocked loop. */
const LoopDelaySchema = z.object({
  p50Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
});
export const LoopHealthSchema = z.object({ lastMinute: LoopDelaySchema.nullable(), thisMinute: LoopDelaySchema });

export const HealthSchema = z.object({
  status: z.literal('ok'),
  listings: z.number().int().nonnegative(),
  hub: HubStateSchema,
  cursor: z.number().int().nonnegative(),
  outboxPending: z.number().int().nonnegative(),
  sync: SyncHealthSchema.optional(),
  boards: BoardHealthSchema.optional(),
  limits: LimitHealthSchema.optional(),
  loop: LoopHealthSchema.optional(),
});
export type Health = z.infer<typeof HealthSchema>;

/** The search every postings list takes (public, kiosk and console): words, trade, district. */
export const POSTING_SEARCH_FIELDS = {
  q: z.string().trim().max(50).optional(),
  occupation: z.enum(OCCUPATION_CODES).optional(),
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
};

export const PostingQuerySchema = z.object({
  ...POSTING_SEARCH_FIELDS,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PostingQuery = z.infer<typeof PostingQuerySchema>;

export const PostingsResponseSchema = z.object({
  listings: z.array(PublicPostingSchema),
  total: z.number().int().nonnegative(),
});
export type PostingsResponse = z.infer<typeof PostingsResponseSchema>;

/** What every screen is told about the hall's data and its upstream link. */
export const HallStatusSchema = z.object({
  hub: HubStateSchema,
  /** When the postings last changed (ms since epoch), or null when never. */
  dataUpdatedAt: z.number().int().nullable(),
  /** When the hall last heard from its upstream; null when standalone or never. */
  lastSyncAt: z.number().int().nullable(),
  /** True when the upstream has been unreachable for longer than the stale threshold. */
  stale: z.boolean(),
  /** The host's clock, so screens can correct a drifting local clock. */
  serverNow: z.number().int(),
});
export type HallStatus = z.infer<typeof HallStatusSchema>;

export const BoardHeartbeatSchema = z.object({
  planId: z.string().max(100),
  pageIndex: z.number().int().nonnegative().max(100_000),
  urgentIds: z.array(z.string().max(100)).max(50).default([]),
  paintedAt: z.number().int(),
});
export type BoardHeartbeat = z.infer<typeof BoardHeartbeatSchema>;

/**
 * `auth` of a board socket: the screen, and for a page on the hall network (not the hall PC
 * itself) the device token it got when staff approved its pairing.
 */
export const BoardHandshakeSchema = z.object({
  screenId: z.string().regex(SCREEN_ID),
  deviceToken: z.string().max(200).optional(),
  /**
   * The page applies `plan-patch` events (shared/planner/plan-patch.ts): live changes come as
   * patches from the plan it holds, the whole `plan` only on connect and on `plan-resync`.
   * Pages without it get the whole plan every time.
   */
  planPatch: z.boolean().optional(),
});

/** Why the host refused a board socket (`connect_error` `data.code`). */
export const BOARD_REFUSALS = ['pairing_required', 'device_other_screen', 'too_many_sockets'] as const;
export type BoardRefusal = (typeof BOARD_REFUSALS)[number];

/** `POST /api/board/pairings`: a board page on the hall network asks for a pairing code. */
export const BoardPairingInputSchema = z.strictObject({ screenId: z.string().regex(SCREEN_ID) });
export const BoardPairingRequestSchema = z.object({
  /** Secret to the page that asked: only it can collect the token. */
  pairingId: z.string(),
  /** Shown big on the screen for staff to approve in 屏幕管理. */
  code: z.string().regex(/^\d{6}$/),
  expiresAt: z.number().int(),
  screenId: z.string(),
});
export type BoardPairingRequest = z.infer<typeof BoardPairingRequestSchema>;
export const BoardPairingStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), code: z.string(), expiresAt: z.number().int(), screenId: z.string() }),
  z.object({ status: z.literal('approved'), deviceId: z.string(), screenId: z.string(), token: z.string() }),
]);
export type BoardPairingStatus = z.infer<typeof BoardPairingStatusSchema>;

/** socket.io namespace for LED board pages (its events: shared/api/board-events.ts). */
export const BOARD_NAMESPACE = '/board';
