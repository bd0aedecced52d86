/**
 * Where a sign-up is written: the kiosk's `POST /api/registrations` (kiosk/kiosk-routes.ts)
 * hands it here; staff read and purge them through signup-store.ts. `add` writes the sign-up, its per-day number and its outbox item in ONE
 * transaction: either the hall has the sign-up and will deliver it upstream, or it has
 * neither. A standalone hall has no upstream, so it queues nothing: a copy of the person's
 * phone and name waiting for a platform that does not exist would only outlive the sign-up. The id (UUIDv7, made at the kiosk) makes a retried post idempotent: the same id
 * with the same content returns the first number; the same id with other content is refused.
 */
import { createHash } from 'node:crypto';
import type { WritableDatabase } from '../db/handles';
import { enqueueOutbox } from '../sync/outbox-store';
import type { Signup, SignupData } from '../../../shared/schemas/signup';

/** The outbox and submission type of a sign-up: `registration` on the wire, as the hub counts it. */
export const SIGNUP_OUTBOX_TYPE = 'registration';

export class SignupConflictError extends Error {
  override name = 'SignupConflictError';
}

export interface AddResult {
  id: string;
  number: string;
  /** False when this id was stored before (a replay). */
  created: boolean;
}

export interface SignupIntake {
  add(data: SignupData, kioskId: string, now: number): AddResult;
  get(id: string): Signup | undefined;
  count(): number;
  /** Sign-ups on the local day of `now`. */
  countToday(now: number): number;
}

/** A `signups` row as SQLite returns it (the console's signups/ reads the same table). */
export interface SignupRow {
  id: string;
  day: string;
  number: string;
  phone: string;
  name: string;
  occupations: string;
  districts: string;
  availability: string;
  expected_pay: number | null;
  pay_unit: string | null;
  listing_id: string | null;
  consent_version: string;
  consent_at: string;
  kiosk_id: string;
  created_at: number;
}

/** The hall's local calendar day; numbers start again at A-0001 every day. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 1 → A-0001 … 9999 → A-9999, 10000 → B-0000: short enough to say aloud at a window. */
export function formatSignupNumber(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`formatSignupNumber: seq must be ≥ 1, got ${seq}`);
  const letterIndex = Math.floor(seq / 10_000);
  const letter = String.fromCharCode(65 + Math.min(letterIndex, 25));
  const digits = letterIndex > 25 ? String(seq) : String(seq % 10_000).padStart(4, '0');
  return `${letter}-${digits}`;
}

/** What makes two posts "the same sign-up": everything the person gave. */
function fingerprint(d: SignupData): string {
  const canonical = JSON.stringify([
    d.phone,
    d.name,
    d.occupations,
    d.districts,
    d.availability,
    d.expectedPay,
    d.payUnit,
    d.listingId,
    d.consentVersion,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function fromRow(r: SignupRow): Signup {
  return {
    id: r.id,
    number: r.number,
    phone: r.phone,
    name: r.name,
    occupations: JSON.parse(r.occupations) as Signup['occupations'],
    districts: JSON.parse(r.districts) as string[],
    availability: JSON.parse(r.availability) as Signup['availability'],
    expectedPay: r.expected_pay,
    payUnit: r.pay_unit as Signup['payUnit'],
    listingId: r.listing_id,
    consentVersion: r.consent_version as Signup['consentVersion'],
    consentAt: r.consent_at,
    kioskId: r.kiosk_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function createSignupIntake(db: WritableDatabase, options: { queueUpstream?: boolean } = {}): SignupIntake {
  const queueUpstream = options.queueUpstream ?? true;
  const selectOne = db.prepare<{ id: string }, SignupRow>('SELECT * FROM signups WHERE id = @id');
  const nextSeq = db.prepare<{ day: string }, { last: number }>(
    'INSERT INTO signup_counters (day, last) VALUES (@day, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last',
  );
  const insert = db.prepare<SignupRow>(
    `INSERT INTO signups (id, day, number, phone, name, occupations, districts, availability, expected_pay, pay_unit, listing_id, consent_version, consent_at, kiosk_id, created_at)
     VALUES (@id, @day, @number, @phone, @name, @occupations, @districts, @availability, @expected_pay, @pay_unit, @listing_id, @consent_version, @consent_at, @kiosk_id, @created_at)`,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM signups');
  const countDay = db.prepare<{ day: string }, { n: number }>('SELECT COUNT(*) AS n FROM signups WHERE day = @day');
  // This transaction is the whole point of the store: the sign-up, its number and its outbox
  // item commit together, so a crash can neither lose a sign-up upstream nor send a ghost.
  const addTx = db.transaction((data: SignupData, kioskId: string, now: number): AddResult => {
    const existing = selectOne.get({ id: data.id });
    if (existing) {
      if (fingerprint(fromRow(existing)) !== fingerprint(data)) {
        throw new SignupConflictError(`add: sign-up ${data.id} was already stored with different details`);
      }
      return { id: existing.id, number: existing.number, created: false };
    }
    const day = localDay(now);
    const seq = nextSeq.get({ day })!.last;
    const number = formatSignupNumber(seq);
    const row: SignupRow = {
      id: data.id,
      day,
      number,
      phone: data.phone,
      name: data.name,
      occupations: JSON.stringify(data.occupations),
      districts: JSON.stringify(data.districts),
      availability: JSON.stringify(data.availability),
      expected_pay: data.expectedPay,
      pay_unit: data.payUnit,
      listing_id: data.listingId,
      consent_version: data.consentVersion,
      consent_at: data.consentAt,
      kiosk_id: kioskId,
      created_at: Math.trunc(now),
    };
    insert.run(row);
    const signup: Signup = fromRow(row);
    if (queueUpstream) enqueueOutbox(db, { id: data.id, type: SIGNUP_OUTBOX_TYPE, payload: signup }, now);
    return { id: data.id, number, created: true };
  });

  return {
    add: (data, kioskId, now) => addTx(data, kioskId, now),
    get(id) {
      const row = selectOne.get({ id });
      return row ? fromRow(row) : undefined;
    },
    count: () => countAll.get()?.n ?? 0,
    countToday: (now) => countDay.get({ day: localDay(now) })?.n ?? 0,
  };
}
