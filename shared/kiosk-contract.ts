/**
 * The kiosk's schemas beyond the public ones in contract.ts: kiosk search (with the 日结
 * filter), today's counts, device pairing. Its routes are in shared/api/hall-routes.ts.
 */
import { z } from 'zod';
import { PostingQuerySchema, PostingsResponseSchema } from './contract';

export const KioskPostingQuerySchema = PostingQuerySchema.extend({
  /** `1`: only postings paid daily (日结). */
  daily: z.enum(['0', '1']).optional(),
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
