/**
 * The hub's change feed as the hall reads it (DESIGN.md "Public contract", reference hub).
 * Envelopes are checked here; the posting inside a change is checked with the shared
 * ListingSchema when it is applied.
 */
import { z } from 'zod';

export const CHANGE_TYPES = ['listing', 'urgent'] as const;
export const CHANGE_OPS = ['upsert', 'delete'] as const;

export const ChangeEnvelopeSchema = z.object({
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  type: z.enum(CHANGE_TYPES),
  op: z.enum(CHANGE_OPS),
  id: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
export type ChangeEnvelope = z.infer<typeof ChangeEnvelopeSchema>;

export const ChangesPageSchema = z.object({
  changes: z.array(z.unknown()),
  lastSeq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

/** A change whose seq could be read; everything else about it may still be wrong. */
export interface SequencedChange {
  seq: number;
  raw: unknown;
}

/**
 * The seq of a raw change, or null when it has none usable. A change without a seq cannot be
 * ordered, so it cannot be quarantined-and-passed either; the caller refuses its page.
 */
export function seqOf(raw: unknown): number | null {
  if (!raw || typeof raw !== 'object') return null;
  const seq = (raw as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

export const HeartbeatAckSchema = z.object({
  ok: z.literal(true),
  lastSeq: z.number().int().nonnegative(),
  now: z.number().optional(),
});

export const SubmitAckSchema = z.object({
  ok: z.boolean(),
  id: z.string().optional(),
  duplicate: z.boolean().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SubmitAck = z.infer<typeof SubmitAckSchema>;
