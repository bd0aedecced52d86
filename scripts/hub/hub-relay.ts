/**
 * What the platform does with what halls send up, beyond keeping it for audit: an urgent
 * posting pushed by one hall's staff becomes an urgent change for every hall (DESIGN.md: staff
 * postings are relayed so other halls get them). Sign-ups are only kept.
 *
 * Pure: it only says what to do; the store does it in the same transaction as it stores the
 * submission, so a node dying in between can neither lose the relay nor run it twice.
 */
import { z } from 'zod';
import type { SubmissionEffect } from './hub-store';
import { HubUrgentInputSchema } from '../../shared/api/hub-wire';

export const URGENT_SUBMISSION_TYPE = 'urgent';

const UrgentSubmissionSchema = HubUrgentInputSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
  retracted: z.boolean().default(false),
});

export type RelayDecision = { effect: SubmissionEffect | null } | { error: string };

export function submissionEffect(type: string, payload: unknown): RelayDecision {
  if (type !== URGENT_SUBMISSION_TYPE) return { effect: null };
  const parsed = UrgentSubmissionSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      error: `submissionEffect: urgent payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  }
  const { retracted, ...notice } = parsed.data;
  if (retracted) return { effect: { kind: 'retract-urgent', id: notice.id } };
  // Screen ids are one hall's own; other halls show a relayed posting on all their screens.
  return { effect: { kind: 'upsert-urgent', notice: { ...notice, screens: null } } };
}
