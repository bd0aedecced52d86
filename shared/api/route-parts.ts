/**
 * Shared pieces of the hall's route map (hall-routes.ts): path parameters as the URL gives
 * them — each handler checks its own id format and answers 404 — and small answers.
 */
import { z } from 'zod';

export const idParam = z.object({ id: z.string() });
export const screenIdParam = z.object({ screenId: z.string() });
export const pairingIdParam = z.object({ pairingId: z.string() });

export const ScreenPagesSchema = z.object({ pages: z.number().int().nonnegative() });
export const ClearedSchema = z.object({ cleared: z.boolean() });
/** A plain acknowledgement (sign-out, a kiosk's status report). */
export const OkSchema = z.object({ ok: z.literal(true) });
