/**
 * What the platform does with what halls send up, beyond keeping it for audit: an urgent
 * posting pushed by one hall's staff becomes an urgent change for every hall (DESIGN.md: staff
 * postings are relayed so other halls get them). Sign-ups are only kept.
 */
import { z } from 'zod';
import type { HubChange, HubStore } from './hub-store';
import { UrgentInputSchema } from './hub-schemas';

export const URGENT_SUBMISSION_TYPE = 'urgent';

const UrgentSubmissionSchema = UrgentInputSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
  retracted: z.boolean().default(false),
});

export type RelayResult = { changes: HubChange[] } | { error: string };

/** Runs once per newly stored submission; duplicates of an item are never relayed twice. */
export function relaySubmission(type: string, payload: unknown, store: HubStore, now: number): RelayResult {
  if (type !== URGENT_SUBMISSION_TYPE) return { changes: [] };
  const parsed = UrgentSubmissionSchema.safeParse(payload);
  if (!parsed.success) {
    return { error: `relaySubmission: urgent payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const { retracted, ...notice } = parsed.data;
  if (retracted) {
    const change = store.retractUrgent(notice.id, now);
    return { changes: change ? [change] : [] };
  }
  // Screen ids are one hall's own; other halls show a relayed posting on all their screens.
  return { changes: [store.upsertUrgent({ ...notice, screens: null }, now)] };
}
