/**
 * What the city's picture needs from a sign-up a hall sent up, and nothing more: which person
 * (to count each seeker once), which trades, which posting, when. The person is an HMAC of the
 * phone under a key only this hub's database holds (hub_meta 'person_key'), so the facts table
 * and everything computed from it never hold a phone; the submission it came from stays the
 * audit record.
 *
 * Pure: the stores call it inside the transaction that stores the submission.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { isOccupationCode, type OccupationCode } from '../../shared/occupations';

export const SIGNUP_SUBMISSION_TYPE = 'registration';

export interface SignupFact {
  person: string;
  occupations: OccupationCode[];
  listingId: string | null;
  signedUpAt: number;
}

const SignupFactsSchema = z.object({
  phone: z.string().trim().min(5).max(32),
  occupations: z.array(z.string().max(32)).max(20).default([]),
  listingId: z.string().max(64).nullable().default(null),
  createdAt: z.string().max(40).optional(),
});

/** A sign-up's time as the hall gave it, unless missing, unreadable or in the future. */
function signedUpAt(createdAt: string | undefined, receivedAt: number): number {
  const t = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return Number.isFinite(t) && t <= receivedAt ? t : receivedAt;
}

export function personOf(phone: string, key: string): string {
  return createHmac('sha256', key).update(phone.replace(/\D/g, '')).digest('base64url');
}

/** The facts of a sign-up submission (type `registration` on the wire), or null when it is not one or carries no phone. */
export function signupFactOf(type: string, payload: unknown, receivedAt: number, key: string): SignupFact | null {
  if (type !== SIGNUP_SUBMISSION_TYPE) return null;
  const parsed = SignupFactsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { phone, occupations, listingId, createdAt } = parsed.data;
  return {
    person: personOf(phone, key),
    occupations: [...new Set(occupations.filter(isOccupationCode))],
    listingId,
    signedUpAt: signedUpAt(createdAt, receivedAt),
  };
}
