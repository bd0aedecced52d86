/**
 * Urgent postings, the hall notice line and the emergency message: what staff send, what the
 * hub relays, and what a board is told to show. Texts are plain (no markup) and short enough
 * to read from 8 m in the seconds people look at a wall.
 */
import { z } from 'zod';
import { typedText } from './invisible-text';
import { SCREEN_ID } from './screen';

/** Plain text of bounded length; `<` and `>` refused so nobody can paste markup at a wall; invisible bidi and zero-width characters removed. */
export function plainText(min: number, max: number) {
  return (
    typedText()
      .min(min, { message: min === 1 ? 'must not be empty' : `needs at least ${min} characters` })
      .max(max, { message: `at most ${max} characters` })
      .refine((s) => !/[<>]/.test(s), { message: 'must be plain text (no < or >)' })
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), { message: 'must not contain control characters' })
  );
}

/** A new urgent posting takes over the whole screen this long, and again every TAKEOVER_EVERY_MS. */
export const TAKEOVER_MS = 8000;
export const TAKEOVER_EVERY_MS = 120_000;

/** Longest an urgent posting may stay up: one week (anything longer is not urgent). */
export const URGENT_MAX_LIFETIME_MS = 7 * 24 * 3600_000;

/** `POST /api/urgent` body (DESIGN.md). `screens` absent or null: every screen. */
export const UrgentInputSchema = z.strictObject({
  listingId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._:-]+$/, { message: 'letters, digits and . _ : - only' })
    .nullish(),
  title: plainText(1, 60),
  body: plainText(0, 500).default(''),
  expiresAt: z.iso.datetime({ offset: true, message: 'an ISO date-time with offset, e.g. 2025-11-27T18:00:00+08:00' }),
  screens: z
    .array(z.string().regex(SCREEN_ID, { message: 'a screen id' }))
    .min(1)
    .max(200)
    .nullish(),
});
export type UrgentInput = z.infer<typeof UrgentInputSchema>;

/** An urgent posting as the hub relays it (scripts/hub UrgentInputSchema plus its revision). */
export const HubUrgentSchema = z.object({
  id: z.string().min(1).max(64),
  title: plainText(1, 60),
  body: plainText(0, 500).default(''),
  listingId: z.string().max(64).nullable().default(null),
  expiresAt: z.iso.datetime({ offset: true }),
  screens: z.array(z.string().regex(SCREEN_ID)).max(200).nullable().default(null),
});

/** One urgent posting on a board. Times are host ms. */
export const BoardUrgentSchema = z.object({
  id: z.string().max(100),
  title: z.string().max(60),
  body: z.string().max(500),
  listingId: z.string().max(64).nullable(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  /** Pay and phone the banner always shows (shared/urgent-contact.ts), in the screen's words. */
  pay: z.string().max(40).optional(),
  phone: z.string().max(40).optional(),
});
export type BoardUrgent = z.infer<typeof BoardUrgentSchema>;

export const AnnouncementSchema = z.object({
  title: z.string().max(200),
  body: z.string().max(500),
  setAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** Everything a board shows over its rotation; sent whole on connect and on every change. */
export const BoardAlertsSchema = z.object({
  urgent: z.array(BoardUrgentSchema).max(50),
  notice: AnnouncementSchema.nullable(),
  emergency: AnnouncementSchema.nullable(),
  /**
   * The takeover comes back while a posting is live, so people who arrive later see it: for
   * `forMs` every `everyMs` (0: only when it is new). Absent: the defaults below.
   */
  takeover: z
    .object({ everyMs: z.number().int().min(0).max(3_600_000), forMs: z.number().int().min(1000).max(60_000) })
    .optional(),
});
export type BoardAlerts = z.infer<typeof BoardAlertsSchema>;

export const IdentifySchema = z.object({
  name: z.string().max(40),
  screenId: z.string().max(32),
  until: z.number().int(),
});
export type Identify = z.infer<typeof IdentifySchema>;

/** `PUT /api/staff/notice`: one ticker line, e.g. closing time. */
export const NoticeInputSchema = z.strictObject({
  text: plainText(1, 200),
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
});

/** `PUT /api/staff/emergency`: red on every screen until cleared. */
export const EmergencyInputSchema = z.strictObject({
  title: plainText(1, 40),
  body: plainText(0, 300).default(''),
});
