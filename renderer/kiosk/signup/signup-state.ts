/**
 * The sign-up form as a pure reducer. Personal fields live only here, in memory, and every
 * way out (cancel, idle, completion) goes back to `emptySignup()`: once the host has the
 * sign-up, the state keeps the receipt (number) and nothing the person typed.
 */
import type { OccupationCode } from '../../../shared/occupations';
import type { PayUnit, PublicPosting } from '../../../shared/schemas/posting';
import type { Availability, SignupInput } from '../../../shared/schemas/signup';
import { CONSENT_VERSION } from '../../../shared/schemas/signup';

export const STEPS = ['consent', 'phone', 'name', 'trades', 'where', 'pay', 'review', 'done'] as const;
export type Step = (typeof STEPS)[number];

export interface SignupState {
  step: Step;
  /** Made when consent is given; reused by every retry so the host stores the sign-up once. */
  id: string | null;
  consentAt: string | null;
  phone: string;
  name: string;
  occupations: OccupationCode[];
  districts: string[];
  availability: Availability[];
  pay: { amount: number; unit: PayUnit } | null;
  posting: Pick<
    PublicPosting,
    | 'id'
    | 'title'
    | 'occupation'
    | 'districtCode'
    | 'payMin'
    | 'payMax'
    | 'payUnit'
    | 'settlement'
    | 'employerName'
    | 'contactPhone'
  > | null;
  submitting: boolean;
  error: string | null;
  receipt: { id: string; number: string } | null;
}

export function emptySignup(): SignupState {
  return {
    step: 'consent',
    id: null,
    consentAt: null,
    phone: '',
    name: '',
    occupations: [],
    districts: [],
    availability: [],
    pay: null,
    posting: null,
    submitting: false,
    error: null,
    receipt: null,
  };
}

export function startSignup(posting: PublicPosting | null): SignupState {
  const s = emptySignup();
  if (!posting) return s;
  return {
    ...s,
    posting: {
      id: posting.id,
      title: posting.title,
      occupation: posting.occupation,
      districtCode: posting.districtCode,
      payMin: posting.payMin,
      payMax: posting.payMax,
      payUnit: posting.payUnit,
      settlement: posting.settlement,
      employerName: posting.employerName,
      contactPhone: posting.contactPhone,
    },
    // Signing up for a posting: its trade and place are the likely answers, preselected.
    occupations: [posting.occupation],
    districts: [posting.districtCode],
  };
}

export type SignupAction =
  | { type: 'consent'; id: string; at: string }
  | { type: 'digit'; digit: string }
  | { type: 'backspace' }
  | { type: 'clear-phone' }
  | { type: 'set-name'; name: string }
  | { type: 'toggle-occupation'; code: OccupationCode }
  | { type: 'toggle-district'; code: string }
  | { type: 'toggle-availability'; value: Availability }
  | { type: 'set-pay'; pay: SignupState['pay'] }
  | { type: 'go'; step: Step }
  | { type: 'submitting' }
  | { type: 'submitted'; receipt: { id: string; number: string } }
  | { type: 'failed'; error: string };

const toggle = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_DIGITS = 11;

/** null while typing, 'ok' when valid, or why it is not a mainland mobile number. */
export function phoneProblem(phone: string): 'ok' | 'incomplete' | 'not-mobile' {
  if (phone.length > 0 && !phone.startsWith('1')) return 'not-mobile';
  if (phone.length >= 2 && !/^1[3-9]/.test(phone)) return 'not-mobile';
  if (phone.length < PHONE_DIGITS) return 'incomplete';
  return PHONE_PATTERN.test(phone) ? 'ok' : 'not-mobile';
}

export function signupReducer(state: SignupState, action: SignupAction): SignupState {
  switch (action.type) {
    case 'consent':
      return { ...state, id: state.id ?? action.id, consentAt: state.consentAt ?? action.at, step: 'phone' };
    case 'digit':
      if (!/^\d$/.test(action.digit) || state.phone.length >= PHONE_DIGITS) return state;
      return { ...state, phone: state.phone + action.digit, error: null };
    case 'backspace':
      return { ...state, phone: state.phone.slice(0, -1), error: null };
    case 'clear-phone':
      return { ...state, phone: '', error: null };
    case 'set-name':
      return { ...state, name: action.name.slice(0, 20) };
    case 'toggle-occupation':
      return { ...state, occupations: toggle(state.occupations, action.code) };
    case 'toggle-district':
      return { ...state, districts: toggle(state.districts, action.code) };
    case 'toggle-availability':
      return { ...state, availability: toggle(state.availability, action.value) };
    case 'set-pay':
      return { ...state, pay: action.pay };
    case 'go':
      return { ...state, step: action.step, error: null };
    case 'submitting':
      return { ...state, submitting: true, error: null };
    case 'submitted':
      // The host has it: forget everything the person gave, keep only the receipt.
      return { ...emptySignup(), posting: state.posting, step: 'done', receipt: action.receipt };
    case 'failed':
      return { ...state, submitting: false, error: action.error };
  }
}

/** The request body for `POST /api/registrations`. */
export function toSignupInput(s: SignupState): SignupInput {
  if (!s.id || !s.consentAt) throw new Error('toSignupInput: no consent recorded');
  return {
    id: s.id,
    phone: s.phone,
    name: s.name.trim(),
    occupations: s.occupations,
    districts: s.districts,
    availability: s.availability,
    expectedPay: s.pay?.amount ?? null,
    payUnit: s.pay?.unit ?? null,
    listingId: s.posting?.id ?? null,
    consentVersion: CONSENT_VERSION,
    consentAt: s.consentAt,
  };
}
