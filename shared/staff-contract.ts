/**
 * The staff console's schemas, the building blocks of its routes in shared/api/hall-routes.ts.
 * Every staff route except sign-in and first-use setup needs `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { typedText } from './schemas/invisible-text';
import { OCCUPATION_CODES } from './occupations';
import { BOARD_LAYOUTS, GROUP_ID, LEGIBILITY_RULES, ScreenIdSchema } from './schemas/screen';
import { plainText } from './schemas/urgent';
import { ScreenCycleSchema } from './contract';

/** PINs are digits only (typed on a keypad); 6–12 of them, and not a trivial run. */
export const PinSchema = z
  .string()
  .regex(/^\d{6,12}$/, { message: 'a PIN is 6–12 digits' })
  .refine((pin) => !/^(\d)\1+$/.test(pin), { message: 'a PIN of one repeated digit is too easy to guess' })
  .refine((pin) => !'01234567890123'.includes(pin) && !'98765432109876'.includes(pin), {
    message: 'a PIN of consecutive digits is too easy to guess',
  });

export const SessionInputSchema = z.strictObject({ pin: z.string().max(64) });
export const SetupInputSchema = z.strictObject({ name: plainText(1, 30), pin: PinSchema });
export const AccountInputSchema = z.strictObject({
  name: plainText(1, 30),
  pin: PinSchema,
  role: z.enum(['admin', 'staff']).default('staff'),
});

export const StaffIdentitySchema = z.object({
  accountId: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'staff']),
});
export type StaffIdentity = z.infer<typeof StaffIdentitySchema>;

export const SessionResponseSchema = StaffIdentitySchema.extend({ token: z.string(), expiresAt: z.number().int() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SetupStateSchema = z.object({ needsSetup: z.boolean() });

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  accountName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  source: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Skip this many of the newest matching entries (paging). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  action: z
    .string()
    .regex(/^[a-z._]{1,40}$/)
    .optional(),
  /** The staff member's name as recorded (exact). */
  who: z.string().trim().min(1).max(40).optional(),
  /** From and to, ms since epoch (inclusive, exclusive). */
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One cell of an urgent posting's delivery proof: one open board page. */
export const DeliveryCellSchema = z.object({
  screenId: z.string(),
  screenName: z.string(),
  /** The connected page (socket) this is about; null when no page of that screen is open. */
  pageId: z.string().nullable(),
  online: z.boolean(),
  /** Host ms when this page first confirmed it in a heartbeat; null: not confirmed. */
  showingSince: z.number().int().nullable(),
  /** How many times the host re-sent it to this page because no heartbeat confirmed it. */
  retries: z.number().int().nonnegative(),
  /** Not confirmed within the deadline (retried) — staff should look at this screen. */
  flagged: z.boolean(),
});
export type DeliveryCell = z.infer<typeof DeliveryCellSchema>;

export const UrgentViewSchema = z.object({
  id: z.string(),
  origin: z.enum(['local', 'hub']),
  title: z.string(),
  body: z.string(),
  listingId: z.string().nullable(),
  screens: z.array(z.string()).nullable(),
  createdAt: z.number().int(),
  createdBy: z.string().nullable(),
  expiresAt: z.number().int(),
  retractedAt: z.number().int().nullable(),
  live: z.boolean(),
  delivery: z.array(DeliveryCellSchema),
});
export type UrgentView = z.infer<typeof UrgentViewSchema>;

export const AnnouncementViewSchema = z.object({
  title: z.string(),
  body: z.string(),
  setAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
});
export type AnnouncementView = z.infer<typeof AnnouncementViewSchema>;

export const UrgentListResponseSchema = z.object({
  urgent: z.array(UrgentViewSchema),
  notice: AnnouncementViewSchema.nullable(),
  emergency: AnnouncementViewSchema.nullable(),
  serverNow: z.number().int(),
});
export type UrgentListResponse = z.infer<typeof UrgentListResponseSchema>;

export const ScreenPageViewSchema = z.object({
  pageId: z.string(),
  viewport: z.object({ width: z.number(), height: z.number() }).nullable(),
  connectedAt: z.number().int(),
  lastSeenAt: z.number().int(),
  planId: z.string().nullable(),
  pageIndex: z.number().int().nullable(),
  urgentIds: z.array(z.string()),
  paintedAt: z.number().int().nullable(),
});
export type ScreenPageView = z.infer<typeof ScreenPageViewSchema>;

export const ScreenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  pitchMm: z.number(),
  viewingDistanceM: z.number(),
  legibilityRule: z.enum(LEGIBILITY_RULES),
  layout: z.enum(BOARD_LAYOUTS),
  filter: z.object({ occupations: z.array(z.string()), districts: z.array(z.string()) }),
  minGlyphPx: z.number().int(),
  online: z.boolean(),
  lastSeenAt: z.number().int().nullable(),
  pages: z.array(ScreenPageViewSchema),
  /** The screen's wall group (null: none), its cycle target and whether it shows the group legend. */
  group: z.string().nullable(),
  maxCycleS: z.number().int().positive(),
  groupLegend: z.boolean(),
  minDwellS: z.number(),
  maxDwellS: z.number(),
  /** Its cycle at its configured size (null: not planned yet). */
  cycle: ScreenCycleSchema.nullable(),
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

/** What staff call a paired kiosk and where it stands (both may be empty). */
export const KioskNamingSchema = z
  .object({
    label: typedText().max(30),
    place: typedText().max(30),
  })
  .strict();
export type KioskNaming = z.infer<typeof KioskNamingSchema>;

export const KioskViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['local', 'paired']),
  label: z.string().default(''),
  place: z.string().default(''),
  approvedBy: z.string().nullable(),
  createdAt: z.number().int().nullable(),
  lastSeenAt: z.number().int().nullable(),
  /** What the kiosk last reported: its Mandarin voice (null: none on that PC); null when it has not reported since the host started. */
  status: z.object({ voice: z.string().nullable(), reportedAt: z.number().int() }).nullable().default(null),
});
export type KioskView = z.infer<typeof KioskViewSchema>;

/** A board page on the hall network that staff paired; it can show only its screen. */
export const BoardDeviceViewSchema = z.object({
  id: z.string(),
  screenId: z.string(),
  approvedBy: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
});
export type BoardDeviceView = z.infer<typeof BoardDeviceViewSchema>;

export const ScreensResponseSchema = z.object({
  screens: z.array(ScreenViewSchema),
  kiosks: z.array(KioskViewSchema),
  boardDevices: z.array(BoardDeviceViewSchema),
  serverNow: z.number().int(),
});
export type ScreensResponse = z.infer<typeof ScreensResponseSchema>;

/** What approving a pairing code made: a kiosk, a board device of a screen, or a board screen. */
export const PairingApprovedSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('kiosk'), deviceId: z.string() }),
  z.object({ role: z.literal('board-device'), deviceId: z.string(), screenId: z.string() }),
  z.object({ role: z.literal('board'), screenId: z.string(), url: z.string() }),
]);
export type PairingApproved = z.infer<typeof PairingApprovedSchema>;

/** A screen filter as staff send it (no defaults: an absent filter must not reset the screen's). */
const FilterInputSchema = z.strictObject({
  occupations: z.array(z.enum(OCCUPATION_CODES)).max(20),
  districts: z.array(z.string().regex(/^\d{6}$/)).max(50),
});

/** `PATCH /api/staff/screens/:id`: what staff may change on a screen. */
export const ScreenPatchSchema = z.strictObject({
  name: plainText(1, 40).optional(),
  pitchMm: z.number().min(0.5).max(20).optional(),
  viewingDistanceM: z.number().min(1).max(50).optional(),
  legibilityRule: z.enum(LEGIBILITY_RULES).optional(),
  layout: z.enum(BOARD_LAYOUTS).optional(),
  filter: FilterInputSchema.optional(),
  /** The wall group to join; null leaves the group. */
  group: z.string().regex(GROUP_ID).nullable().optional(),
  maxCycleS: z.number().int().min(30).max(1800).optional(),
  groupLegend: z.boolean().optional(),
  maxDwellS: z.number().min(3).max(300).optional(),
});
export type ScreenPatch = z.infer<typeof ScreenPatchSchema>;

/** `POST /api/staff/screens/:id/preview`: the cycle the screen would have with these edits, saving nothing. */
export const ScreenPreviewSchema = z.object({
  current: ScreenCycleSchema,
  draft: ScreenCycleSchema,
});
export type ScreenPreview = z.infer<typeof ScreenPreviewSchema>;

/**
 * `POST /api/staff/pairings`: approve the code a device shows. `device`: whatever shows the
 * code — a browser kiosk becomes a paired kiosk, a board page on the hall network a board
 * device of the screen it asked for. `kiosk`: a kiosk's code only. `board`: a board screen is
 * added (or updated) in screens.json with the given layout and filter.
 */
export const PairingApprovalSchema = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('device'),
    code: z.string().regex(/^\d{6}$/, { message: 'the 6-digit code the device shows' }),
  }),
  z.strictObject({
    role: z.literal('kiosk'),
    code: z.string().regex(/^\d{6}$/, { message: 'the 6-digit code the kiosk shows' }),
  }),
  z.strictObject({
    role: z.literal('board'),
    screenId: ScreenIdSchema,
    name: plainText(1, 40),
    width: z.number().int().min(64).max(16_384),
    height: z.number().int().min(16).max(16_384),
    pitchMm: z.number().min(0.5).max(20),
    viewingDistanceM: z.number().min(1).max(50),
    layout: z.enum(BOARD_LAYOUTS),
    filter: FilterInputSchema.optional(),
  }),
]);
export type PairingApproval = z.infer<typeof PairingApprovalSchema>;
