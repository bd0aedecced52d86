/**
 * The kiosk's schemas beyond the public ones in contract.ts: kiosk search (with the 日结
 * filter), today's counts, device pairing. Its routes are in shared/api/hall-routes.ts.
 */
import { z } from 'zod';
import { PostingQuerySchema, PostingsResponseSchema } from './contract';
import { PAY_UNITS } from './schemas/posting-enums';

export const KioskPostingQuerySchema = PostingQuerySchema.extend({
  /** `1`: only postings paid daily (日结). */
  daily: z.enum(['0', '1']).optional(),
  /** Skip this many results ("再看 20 个"); paging stops where counting does (COUNT_CAP). */
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export type KioskPostingQuery = z.infer<typeof KioskPostingQuerySchema>;

/** Kiosk results: `total` stops counting at a cap; `totalIsLowerBound` says "more than". */
export const KioskPostingsResponseSchema = PostingsResponseSchema.extend({ totalIsLowerBound: z.boolean() });
export type KioskPostingsResponse = z.infer<typeof KioskPostingsResponseSchema>;

/** Today's counts for the start screen: postings only, never anything about people. */
export const KioskSummarySchema = z.object({
  activeListings: z.number().int().nonnegative(),
  dailyListings: z.number().int().nonnegative(),
  newToday: z.number().int().nonnegative(),
  serverNow: z.number().int(),
  /** The hall's words for visitors (hall.json): where to sign up in person when this kiosk cannot. */
  hall: z
    .object({
      name: z.string().nullable(),
      serviceWindow: z.string().nullable(),
      signupUrl: z.string().nullable(),
    })
    .optional(),
});
export type KioskSummary = z.infer<typeof KioskSummarySchema>;

export const KioskDeviceSchema = z.object({ deviceId: z.string(), kind: z.enum(['local', 'paired']) });
export type KioskDevice = z.infer<typeof KioskDeviceSchema>;

export const PairingRequestSchema = z.object({
  /** Secret to the kiosk that asked: only it can collect the token. */
  pairingId: z.string(),
  /** Short code shown big on the kiosk for staff to approve. */
  code: z.string().regex(/^\d{6}$/),
  expiresAt: z.number().int(),
});
export type PairingRequest = z.infer<typeof PairingRequestSchema>;

export const PairingStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), code: z.string(), expiresAt: z.number().int() }),
  z.object({ status: z.literal('approved'), deviceId: z.string(), token: z.string() }),
]);
export type PairingStatus = z.infer<typeof PairingStatusSchema>;

/** The header a kiosk sends its device token in. */
export const KIOSK_AUTH_HEADER = 'authorization';
export const kioskAuthValue = (token: string): string => `Bearer ${token}`;

/** `GET /api/kiosk/pay-presets?occupations=moving,delivery`: what the hall's postings of those trades pay. */
export const PayPresetQuerySchema = z.object({
  /** Comma-separated occupation codes; empty or absent: every trade. */
  occupations: z.string().max(400).optional(),
});
export const PayPresetsSchema = z.object({
  /** Per pay unit, most-used unit first: a few round amounts across the spread of those postings. */
  presets: z.array(
    z.object({
      unit: z.enum(PAY_UNITS),
      amounts: z.array(z.number().positive()).max(6),
      postings: z.number().int().nonnegative(),
    }),
  ),
  /** `trades`: from postings of the chosen trades; `all`: none of those, from every posting; `default`: no postings. */
  basis: z.enum(['trades', 'all', 'default']),
});
export type PayPresets = z.infer<typeof PayPresetsSchema>;

/** `POST /api/kiosk/device/status`: what this kiosk can do that staff should know (its voice). */
export const KioskStatusSchema = z
  .object({
    /** The Mandarin speech voice the kiosk reads aloud with, or null when the PC has none. */
    voice: z.string().trim().max(120).nullable(),
  })
  .strict();
export type KioskStatus = z.infer<typeof KioskStatusSchema>;
