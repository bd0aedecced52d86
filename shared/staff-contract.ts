/**
 * The staff console's routes. `POST /api/staff/session`, `POST /api/urgent` and
 * `DELETE /api/urgent/:id` are in DESIGN.md; the rest serve the console. Every route except
 * sign-in and first-use setup needs `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from './occupations';
import { BOARD_LAYOUTS, LEGIBILITY_RULES } from './schemas/screen';
import { plainText } from './schemas/urgent';

export const STAFF_ROUTES = {
  page: '/staff',
  setupState: '/api/staff/setup',
  setup: '/api/staff/setup',
  session: '/api/staff/session',
  me: '/api/staff/me',
  accounts: '/api/staff/accounts',
  audit: '/api/staff/audit',
  urgent: '/api/urgent',
  urgentOne: '/api/urgent/:id',
  notice: '/api/staff/notice',
  emergency: '/api/staff/emergency',
  screens: '/api/staff/screens',
  screen: '/api/staff/screens/:id',
  identify: '/api/staff/screens/:id/identify',
  reload: '/api/staff/screens/:id/reload',
  pairings: '/api/staff/pairings',
  /** `DELETE`: revoke a paired board device or kiosk. */
  device: '/api/staff/devices/:id',
} as const;

/** PINs are digits only (typed on a keypad); 6–12 of them, and not a trivial run. */
export const PinSchema = z
  .string()
  .regex(/^\d{6,12}$/, { message: 'a PIN is 6–12 digits' })
  .refine((pin) => !/^(\d)\1+$/.test(pin), { message: 'a PIN of one repeated digit is too easy to guess' })
  .refine((pin) => !'01234567890123'.includes(pin) && !'98765432109876'.includes(pin), { message: 'a PIN of consecutive digits is too easy to guess' });

export const SessionInputSchema = z.strictObject({ pin: z.string().max(64) });
export const SetupInputSchema = z.strictObject({ name: plainText(1, 30), pin: PinSchema });
export const AccountInputSchema = z.strictObject({ name: plainText(1, 30), pin: PinSchema, role: z.enum(['admin', 'staff']).default('staff') });

export interface StaffIdentity {
  accountId: string;
  name: string;
  role: 'admin' | 'staff';
}

export interface SessionResponse extends StaffIdentity {
  token: string;
  expiresAt: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  accountName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  source: string | null;
}

/** One cell of an urgent posting's delivery proof: one open board page. */
export interface DeliveryCell {
  screenId: string;
  screenName: string;
  /** The connected page (socket) this is about; null when no page of that screen is open. */
  pageId: string | null;
  online: boolean;
  /** Host ms when this page first confirmed it in a heartbeat; null: not confirmed. */
  showingSince: number | null;
  /** How many times the host re-sent it to this page because no heartbeat confirmed it. */
  retries: number;
  /** Not confirmed within the deadline (retried) — staff should look at this screen. */
  flagged: boolean;
}

export interface UrgentView {
  id: string;
  origin: 'local' | 'hub';
  title: string;
  body: string;
  listingId: string | null;
  screens: string[] | null;
  createdAt: number;
  createdBy: string | null;
  expiresAt: number;
  retractedAt: number | null;
  live: boolean;
  delivery: DeliveryCell[];
}

export interface AnnouncementView {
  title: string;
  body: string;
  setAt: number;
  expiresAt: number | null;
}

export interface UrgentListResponse {
  urgent: UrgentView[];
  notice: AnnouncementView | null;
  emergency: AnnouncementView | null;
  serverNow: number;
}

export interface ScreenPageView {
  pageId: string;
  viewport: { width: number; height: number } | null;
  connectedAt: number;
  lastSeenAt: number;
  planId: string | null;
  pageIndex: number | null;
  urgentIds: string[];
  paintedAt: number | null;
}

export interface ScreenView {
  id: string;
  name: string;
  width: number;
  height: number;
  pitchMm: number;
  viewingDistanceM: number;
  legibilityRule: (typeof LEGIBILITY_RULES)[number];
  layout: (typeof BOARD_LAYOUTS)[number];
  filter: { occupations: string[]; districts: string[] };
  minGlyphPx: number;
  online: boolean;
  lastSeenAt: number | null;
  pages: ScreenPageView[];
}

export interface KioskView {
  id: string;
  kind: 'local' | 'paired';
  approvedBy: string | null;
  createdAt: number | null;
  lastSeenAt: number | null;
}

/** A board page on the hall network that staff paired; it can show only its screen. */
export interface BoardDeviceView {
  id: string;
  screenId: string;
  approvedBy: string;
  createdAt: number;
  lastSeenAt: number | null;
}

export interface ScreensResponse {
  screens: ScreenView[];
  kiosks: KioskView[];
  boardDevices: BoardDeviceView[];
  serverNow: number;
}

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
});
export type ScreenPatch = z.infer<typeof ScreenPatchSchema>;

/**
 * `POST /api/staff/pairings`: approve the code a device shows. `device`: whatever shows the
 * code — a browser kiosk becomes a paired kiosk, a board page on the hall network a board
 * device of the screen it asked for. `kiosk`: a kiosk's code only. `board`: a board screen is
 * added (or updated) in screens.json with the given layout and filter.
 */
export const PairingApprovalSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('device'), code: z.string().regex(/^\d{6}$/, { message: 'the 6-digit code the device shows' }) }),
  z.strictObject({ role: z.literal('kiosk'), code: z.string().regex(/^\d{6}$/, { message: 'the 6-digit code the kiosk shows' }) }),
  z.strictObject({
    role: z.literal('board'),
    screenId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '1–32 letters, digits, _ or -' }),
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
