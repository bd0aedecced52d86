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
  /**
   * Choices made for the visitor from the posting they signed up for, shown as such
   * ("已按这个岗位选好，可以改") until they touch them: the first tap on one keeps it chosen.
   */
  prefilled: { occupations: OccupationCode[]; districts: string[] };
  /** Editing one answer from the review: "next" goes straight back to the review. */
  editing: boolean;
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
    prefilled: { occupations: [], districts: [] },
    editing: false,
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
    // Signing up for a posting: its trade and place are the likely answers, preselected and marked so.
    occupations: [posting.occupation],
    districts: [posting.districtCode],
    prefilled: { occupations: [posting.occupation], districts: [posting.districtCode] },
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
  /** From the review to one answer; the next "next" returns to the review. */
  | { type: 'edit'; step: Step }
  | { type: 'submitting' }
  | { type: 'submitted'; receipt: { id: string; number: string } }
  | { type: 'failed'; error: string };

const toggle = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/**
 * A tap on a chip: a pre-filled choice the visitor taps is confirmed (kept, no longer marked
 * pre-filled), not dropped — people tap their own district to say "yes, this one". Any other
 * tap adds or removes.
 */
function tap<T>(chosen: readonly T[], prefilled: readonly T[], value: T): { chosen: T[]; prefilled: T[] } {
  if (prefilled.includes(value) && chosen.includes(value))
    return { chosen: [...chosen], prefilled: prefilled.filter((v) => v !== value) };
  return { chosen: toggle(chosen, value), prefilled: prefilled.filter((v) => v !== value) };
}

/** The step after `step` in the flow, or the review when an answer is being changed from it. */
export function nextStep(state: Pick<SignupState, 'step' | 'editing'>): Step | null {
  if (state.step === 'review' || state.step === 'done') return null;
  if (state.editing) return 'review';
  const i = STEPS.indexOf(state.step);
  return STEPS[i + 1] ?? null;
}

/** The step before, or null on the first (consent) and while editing from the review. */
export function prevStep(state: Pick<SignupState, 'step' | 'editing'>): Step | null {
  if (state.editing || state.step === 'consent' || state.step === 'done') return null;
  return STEPS[STEPS.indexOf(state.step) - 1] ?? null;
}

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
    case 'toggle-occupation': {
      const r = tap(state.occupations, state.prefilled.occupations, action.code);
      return { ...state, occupations: r.chosen, prefilled: { ...state.prefilled, occupations: r.prefilled } };
    }
    case 'toggle-district': {
      const r = tap(state.districts, state.prefilled.districts, action.code);
      return { ...state, districts: r.chosen, prefilled: { ...state.prefilled, districts: r.prefilled } };
    }
    case 'toggle-availability':
      return { ...state, availability: toggle(state.availability, action.value) };
    case 'set-pay':
      return { ...state, pay: action.pay };
    case 'go':
      return { ...state, step: action.step, editing: action.step === 'review' ? false : state.editing, error: null };
    case 'edit':
      return { ...state, step: action.step, editing: true, error: null };
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
