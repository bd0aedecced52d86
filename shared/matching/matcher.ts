/**
 * The matcher (DOMAIN.md, "Matching a sign-up to a posting"): pure, the same in the host, its
 * re-match worker and the tests. A sign-up and a posting either break a hard rule — never a
 * match — or give a score of 0–100 with the reasons in words, so staff can say why they call.
 *
 * Hard rules:
 * - the same trade (one of the person's trades is the posting's occupation);
 * - the posting is valid now (validFrom ≤ now < validUntil) and not full (its 已上岗 count is
 *   below its headcount);
 * - the same district when the person chose districts. Strict, as DOMAIN.md says: someone who
 *   picked 信州区 at the kiosk said where they will work, and a call about 婺源县 an hour away
 *   is the call they asked not to get. Nearness counts only for people who chose no district.
 *
 * Soft rules (points; each is monotonic — a better posting never scores lower):
 * - district, 15: the chosen district; with none chosen, the hall's city 15, its province 7;
 * - work time vs availability, 20: any of weekdays / weekends / evenings the posting's work
 *   time fits (flexible times fit all); 10 when the person named none;
 * - pay vs expectation after unit conversion, 15: full at the expectation, none below 70 % of
 *   it, linear between; none when the units cannot be compared (元/件 against 元/天);
 * - 日结, 10: a daily-settled posting 5, or 10 for people who want work today.
 * Passing the hard rules is worth 40, so every match scores at least 40.
 */
import type { OccupationCode } from '../occupations';
import type { Availability } from '../schemas/signup';
import type { EmploymentType, PayUnit, Settlement } from '../schemas/posting-enums';
import { cityDistance } from './district-distance';
import { dailyPay, payRatio } from './pay';
import { readWorkTime, type WorkTime } from './work-time';

/** What the matcher reads of a posting. */
export interface MatchPostingInput {
  id: string;
  occupation: OccupationCode;
  districtCode: string;
  workTime: string;
  payMin: number;
  payMax: number | null;
  payUnit: PayUnit;
  settlement: Settlement;
  employmentType: EmploymentType;
  headcount: number;
  validFrom: string;
  validUntil: string;
}

/** What the matcher reads of a sign-up (never the phone or the name). */
export interface MatchSignupInput {
  id: string;
  occupations: readonly OccupationCode[];
  districts: readonly string[];
  availability: readonly Availability[];
  expectedPay: number | null;
  payUnit: PayUnit | null;
}

export interface PreparedPosting {
  readonly input: MatchPostingInput;
  readonly validFromMs: number;
  readonly validUntilMs: number;
  readonly time: WorkTime;
  /** Which of weekdays (1), weekends (2), evenings (4) the work time fits; all when flexible. */
  readonly fits: number;
  /** The top of the pay in 元/天, null when it cannot be converted (元/件…). */
  readonly dailyTop: number | null;
  /** Distance from the last city asked about (the hall's: the same for every pair). */
  readonly near: { city: string; distance: number } | null;
}

export interface PreparedSignup {
  readonly input: MatchSignupInput;
  readonly trades: ReadonlySet<OccupationCode>;
  readonly districts: ReadonlySet<string>;
  /** Weekdays / weekends / evenings the person named ('today' is about settlement). */
  readonly when: readonly Exclude<Availability, 'today'>[];
  readonly wantsToday: boolean;
  /** `when` as bits: weekdays 1, weekends 2, evenings 4. */
  readonly whenBits: number;
}

/** A reason in words: an i18n key under `match.reason.*` and its parameters. */
export interface MatchReason {
  key: `match.reason.${string}`;
  params?: Record<string, string>;
}

export type HardRule = 'trade' | 'not-yet-valid' | 'expired' | 'full' | 'district';

export type MatchResult =
  { matched: true; score: number; reasons: MatchReason[] } | { matched: false; broke: HardRule };

export interface MatchContext {
  now: number;
  /** The hall's city (4 digits, e.g. 3611): nearness for people who chose no district. */
  homeCity: string;
  /** 已上岗 so far per posting id (a full posting matches nobody). */
  placed?: (postingId: string) => number;
}

export const MATCH_POINTS = {
  base: 40,
  district: 15,
  time: 20,
  timeUnstated: 10,
  pay: 15,
  daily: 10,
  dailyOnly: 5,
} as const;

/** Postings are prepared once (dates parsed, work time read), then scored against many sign-ups. */
const WHEN_BITS = { weekdays: 1, weekends: 2, evenings: 4 } as const;

export function preparePosting(p: MatchPostingInput): PreparedPosting {
  const time = readWorkTime(p.workTime);
  let fitBits = 0;
  for (const [when, bit] of Object.entries(WHEN_BITS)) if (fits(when as keyof typeof WHEN_BITS, time)) fitBits |= bit;
  return {
    input: p,
    validFromMs: Date.parse(p.validFrom),
    validUntilMs: Date.parse(p.validUntil),
    time,
    fits: fitBits,
    dailyTop: dailyPay(p.payMax ?? p.payMin, p.payUnit, time.hours),
    near: null,
  };
}

export function prepareSignup(s: MatchSignupInput): PreparedSignup {
  const when = s.availability.filter((a): a is Exclude<Availability, 'today'> => a !== 'today');
  return {
    input: s,
    trades: new Set(s.occupations),
    districts: new Set(s.districts),
    when,
    wantsToday: s.availability.includes('today'),
    whenBits: when.reduce((bits, w) => bits | WHEN_BITS[w], 0),
  };
}

function fits(when: Exclude<Availability, 'today'>, t: WorkTime): boolean {
  if (t.flexible) return true;
  switch (when) {
    case 'evenings':
      return t.evening;
    case 'weekends':
      return t.days === 'weekends' || t.days === 'every-day';
    case 'weekdays':
      return t.days !== 'weekends';
  }
}

/** The hard rules alone: the first one the pair breaks, or null. */
export function brokenRule(s: PreparedSignup, p: PreparedPosting, ctx: MatchContext): HardRule | null {
  if (!s.trades.has(p.input.occupation)) return 'trade';
  if (ctx.now < p.validFromMs) return 'not-yet-valid';
  if (ctx.now >= p.validUntilMs) return 'expired';
  if (s.districts.size > 0 && !s.districts.has(p.input.districtCode)) return 'district';
  if (ctx.placed && ctx.placed(p.input.id) >= p.input.headcount) return 'full';
  return null;
}

/** The soft points; the reasons are pushed onto `reasons` when one is given (the re-match scores without them). */
function softScore(s: PreparedSignup, p: PreparedPosting, ctx: MatchContext, reasons?: MatchReason[]): number {
  const post = p.input;
  reasons?.push({ key: 'match.reason.trade', params: { trade: post.occupation } });
  let score: number = MATCH_POINTS.base;

  if (s.districts.size > 0) {
    score += MATCH_POINTS.district;
    reasons?.push({ key: 'match.reason.sameDistrict', params: { district: post.districtCode } });
  } else {
    const d = cityDistance(ctx.homeCity, post.districtCode);
    if (d === 1) {
      score += MATCH_POINTS.district;
      reasons?.push({ key: 'match.reason.sameCity', params: { district: post.districtCode } });
    } else if (d === 2) score += Math.round(MATCH_POINTS.district / 2);
  }

  if (s.when.length === 0) score += MATCH_POINTS.timeUnstated;
  else {
    const fit = s.when.find((w) => fits(w, p.time));
    if (fit) {
      score += MATCH_POINTS.time;
      reasons?.push({ key: p.time.flexible ? 'match.reason.timeFlexible' : `match.reason.time.${fit}` });
    }
  }

  if (post.settlement === 'daily') {
    score += s.wantsToday ? MATCH_POINTS.daily : MATCH_POINTS.dailyOnly;
    reasons?.push({ key: 'match.reason.daily' });
  }

  const { expectedPay, payUnit } = s.input;
  if (expectedPay !== null && payUnit !== null) {
    const ratio = payRatio(post, { amount: expectedPay, unit: payUnit }, p.time.hours);
    if (ratio) {
      score += Math.round(MATCH_POINTS.pay * Math.min(1, Math.max(0, (ratio.top - 0.7) / 0.3)));
      if (ratio.bottom > 1) reasons?.push({ key: 'match.reason.payAbove' });
      else if (ratio.top >= 1) reasons?.push({ key: 'match.reason.payMeets' });
      else if (ratio.top >= 0.85) reasons?.push({ key: 'match.reason.payNear' });
    }
  }
  return score;
}

export function matchPrepared(s: PreparedSignup, p: PreparedPosting, ctx: MatchContext): MatchResult {
  const broke = brokenRule(s, p, ctx);
  if (broke) return { matched: false, broke };
  const reasons: MatchReason[] = [];
  const score = softScore(s, p, ctx, reasons);
  return { matched: true, score, reasons };
}

/**
 * The score alone, or -1 when a hard rule is broken: what a re-match of a whole city ranks by,
 * millions of pairs. The same points as softScore from what preparePosting worked out once per
 * posting, with nothing allocated (property-tested equal to matchPrepared's score).
 */
export function scorePrepared(s: PreparedSignup, p: PreparedPosting, ctx: MatchContext): number {
  return brokenRule(s, p, ctx) ? -1 : candidateScore(s, p, ctx.homeCity);
}

/**
 * scorePrepared for a pair already known to keep the hard rules (the re-match checks the
 * posting's validity once and takes people from the trade and district index).
 */
export function candidateScore(s: PreparedSignup, p: PreparedPosting, homeCity: string): number {
  let score: number = MATCH_POINTS.base;
  if (s.districts.size > 0) score += MATCH_POINTS.district;
  else {
    let near = p.near;
    if (near?.city !== homeCity) {
      near = { city: homeCity, distance: cityDistance(homeCity, p.input.districtCode) };
      (p as { near: PreparedPosting['near'] }).near = near;
    }
    if (near.distance === 1) score += MATCH_POINTS.district;
    else if (near.distance === 2) score += Math.round(MATCH_POINTS.district / 2);
  }
  if (s.whenBits === 0) score += MATCH_POINTS.timeUnstated;
  else if ((s.whenBits & p.fits) !== 0) score += MATCH_POINTS.time;
  if (p.input.settlement === 'daily') score += s.wantsToday ? MATCH_POINTS.daily : MATCH_POINTS.dailyOnly;
  const { expectedPay, payUnit } = s.input;
  if (expectedPay !== null && payUnit !== null) {
    let top: number | null = null;
    if (payUnit === p.input.payUnit) top = (p.input.payMax ?? p.input.payMin) / expectedPay;
    else {
      const want = dailyPay(expectedPay, payUnit, p.time.hours);
      if (want !== null && want > 0 && p.dailyTop !== null) top = p.dailyTop / want;
    }
    if (top !== null) score += Math.round(MATCH_POINTS.pay * Math.min(1, Math.max(0, (top - 0.7) / 0.3)));
  }
  return score;
}

/**
 * What candidateScore reads of a sign-up, as a key: two people with the same key score the same
 * against every posting (the re-match scores each key once per posting). Keep it in step with
 * candidateScore (property-tested).
 */
export function scoreProfile(s: PreparedSignup): string {
  const { expectedPay, payUnit } = s.input;
  return `${s.districts.size > 0 ? 1 : 0}|${s.whenBits}|${s.wantsToday ? 1 : 0}|${expectedPay ?? ''}|${payUnit ?? ''}`;
}

/** The hard rules a posting alone can break for everyone (not yet valid, expired, full). */
export function postingClosed(p: PreparedPosting, ctx: MatchContext): boolean {
  return (
    ctx.now < p.validFromMs ||
    ctx.now >= p.validUntilMs ||
    (ctx.placed !== undefined && ctx.placed(p.input.id) >= p.input.headcount)
  );
}

export function matchSignup(signup: MatchSignupInput, posting: MatchPostingInput, ctx: MatchContext): MatchResult {
  return matchPrepared(prepareSignup(signup), preparePosting(posting), ctx);
}
