import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import { PAY_UNITS, SETTLEMENTS, EMPLOYMENT_TYPES } from '../../../shared/schemas/posting-enums';
import { AVAILABILITY } from '../../../shared/schemas/signup';
import {
  SignupIndex,
  decodeReasons,
  encodeReasons,
  matchSignup,
  preparePosting,
  prepareSignup,
  rematchAll,
  candidateScore,
  scoreProfile,
  scorePrepared,
  matchPrepared,
  type MatchContext,
  type MatchPostingInput,
  type MatchSignupInput,
} from '../../../shared/matching';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');
const HOUR = 3_600_000;
const RUNS = 400;
const DISTRICTS = ['361102', '361103', '361104', '361127', '361181', '360102', '110101'] as const;
const WORK_TIMES = [
  '',
  '8:00-18:00',
  '每晚18:00-22:00',
  '周末全天',
  '工作日白天',
  '做六休一',
  '时间自由',
  '夜班22:00-次日6:00',
  '12小时倒班',
];

const postingArb: fc.Arbitrary<MatchPostingInput> = fc
  .record({
    occupation: fc.constantFrom(...OCCUPATION_CODES.slice(0, 4)),
    districtCode: fc.constantFrom(...DISTRICTS),
    workTime: fc.constantFrom(...WORK_TIMES),
    payMin: fc.integer({ min: 1, max: 8000 }),
    extra: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    payUnit: fc.constantFrom(...PAY_UNITS),
    settlement: fc.constantFrom(...SETTLEMENTS),
    employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
    headcount: fc.integer({ min: 1, max: 5 }),
    fromH: fc.integer({ min: -200, max: 5 }),
    lengthH: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ extra, fromH, lengthH, ...rest }) => ({
    id: 'p',
    ...rest,
    payMax: extra === null ? null : rest.payMin + extra,
    validFrom: new Date(NOW + fromH * HOUR).toISOString(),
    validUntil: new Date(NOW + (fromH + lengthH) * HOUR).toISOString(),
  }));

const signupArb: fc.Arbitrary<MatchSignupInput> = fc
  .record({
    occupations: fc.uniqueArray(fc.constantFrom(...OCCUPATION_CODES.slice(0, 4)), { maxLength: 3 }),
    districts: fc.uniqueArray(fc.constantFrom(...DISTRICTS), { maxLength: 3 }),
    availability: fc.uniqueArray(fc.constantFrom(...AVAILABILITY), { maxLength: 4 }),
    pay: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 9000 }), unit: fc.constantFrom(...PAY_UNITS) }), {
      nil: null,
    }),
  })
  .map((r) => ({
    id: 's',
    occupations: r.occupations,
    districts: r.districts,
    availability: r.availability,
    expectedPay: r.pay?.amount ?? null,
    payUnit: r.pay?.unit ?? null,
  }));

const placedArb = fc.integer({ min: 0, max: 6 });
const ctxOf = (placed: number): MatchContext => ({ now: NOW, homeCity: '3611', placed: () => placed });

/** The hard rules written out again, independently of the matcher. */
function breaksHardRule(s: MatchSignupInput, p: MatchPostingInput, placed: number): boolean {
  return (
    !s.occupations.includes(p.occupation) ||
    Date.parse(p.validFrom) > NOW ||
    Date.parse(p.validUntil) <= NOW ||
    (s.districts.length > 0 && !s.districts.includes(p.districtCode)) ||
    placed >= p.headcount
  );
}

function scoreOf(s: MatchSignupInput, p: MatchPostingInput, placed: number): number | null {
  const r = matchSignup(s, p, ctxOf(placed));
  return r.matched ? r.score : null;
}

describe('matcher properties', () => {
  it('a posting that breaks a hard rule never matches, and one that breaks none always does', () => {
    let matched = 0;
    fc.assert(
      fc.property(signupArb, postingArb, placedArb, (s, p, placed) => {
        const r = matchSignup(s, p, ctxOf(placed));
        if (r.matched) matched += 1;
        expect(r.matched).toBe(!breaksHardRule(s, p, placed));
        if (r.matched) {
          expect(r.score).toBeGreaterThanOrEqual(40);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.reasons[0]?.key).toBe('match.reason.trade');
        }
      }),
      { numRuns: RUNS * 5 },
    );
    // the generators must reach both sides, or the property says nothing
    expect(matched).toBeGreaterThan(20);
  });

  /** Pairs that match (the soft rules only apply there). */
  const matchingArb = fc.tuple(signupArb, postingArb).map(([s, p]) => {
    const occupations = s.occupations.length > 0 ? s.occupations : [p.occupation];
    const districts =
      s.districts.length > 0 && !s.districts.includes(p.districtCode) ? [...s.districts, p.districtCode] : s.districts;
    return [
      {
        ...s,
        districts,
        occupations: occupations.includes(p.occupation) ? occupations : [...occupations, p.occupation],
      },
      { ...p, validFrom: new Date(NOW - HOUR).toISOString(), validUntil: new Date(NOW + 48 * HOUR).toISOString() },
    ] as const;
  });

  const better: Record<string, (p: MatchPostingInput, k: number) => MatchPostingInput> = {
    'higher pay': (p, k) => ({ ...p, payMin: p.payMin * k, payMax: p.payMax === null ? null : p.payMax * k }),
    'a higher top of the range': (p, k) => ({ ...p, payMax: (p.payMax ?? p.payMin) * k }),
    日结: (p) => ({ ...p, settlement: 'daily' }),
    'times up to the worker': (p) => ({ ...p, workTime: `${p.workTime} 时间自由` }),
    'in the hall city': (p) => ({ ...p, districtCode: '361102' }),
  };

  for (const [name, improve] of Object.entries(better)) {
    it(`the score never falls with ${name}`, () => {
      fc.assert(
        fc.property(matchingArb, fc.double({ min: 1, max: 4, noNaN: true }), ([s, p], k) => {
          const before = scoreOf(s, p, 0);
          expect(before).not.toBeNull();
          const improved = improve(p, k);
          // moving the district is only a soft change for someone who chose none
          if (improved.districtCode !== p.districtCode && s.districts.length > 0) return;
          const after = scoreOf(s, improved, 0);
          expect(after).not.toBeNull();
          expect(after!).toBeGreaterThanOrEqual(before!);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('the score never falls when the person asks for less pay', () => {
    fc.assert(
      fc.property(matchingArb, fc.double({ min: 0.1, max: 1, noNaN: true }), ([s, p], k) => {
        fc.pre(s.expectedPay !== null);
        const lower = { ...s, expectedPay: s.expectedPay! * k };
        expect(scoreOf(lower, p, 0)!).toBeGreaterThanOrEqual(scoreOf(s, p, 0)!);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the sign-up index and the full re-match', () => {
  it("every sign-up that matches a posting is among the index's candidates for it", () => {
    fc.assert(
      fc.property(fc.array(signupArb, { maxLength: 30 }), postingArb, (people, p) => {
        const index = new SignupIndex();
        people.forEach((s, i) => index.add(prepareSignup({ ...s, id: `s${i}` })));
        const candidates = new Set([...index.candidates(preparePosting(p))].map((s) => s.input.id));
        people.forEach((s, i) => {
          if (matchSignup(s, p, ctxOf(0)).matched) expect(candidates.has(`s${i}`)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('scores pair by pair and in bulk alike', () => {
    fc.assert(
      fc.property(signupArb, postingArb, placedArb, (s, p, placed) => {
        const [ps, pp] = [prepareSignup(s), preparePosting(p)];
        const r = matchPrepared(ps, pp, ctxOf(placed));
        expect(scorePrepared(ps, pp, ctxOf(placed))).toBe(r.matched ? r.score : -1);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('scores two people of the same kind (scoreProfile) alike against any posting', () => {
    // b differs from a in everything the kind leaves out: the trades, which districts, the order of the times
    const twinArb = fc
      .tuple(
        signupArb,
        signupArb.map((o) => o.occupations),
        fc.constantFrom(...DISTRICTS),
      )
      .map(([a, trades, district]): [MatchSignupInput, MatchSignupInput] => [
        a,
        {
          ...a,
          id: 'twin',
          occupations: trades,
          districts: a.districts.length > 0 ? [district] : [],
          availability: [...a.availability].reverse(),
        },
      ]);
    fc.assert(
      fc.property(twinArb, postingArb, ([a, b], p) => {
        const [pa, pb, pp] = [prepareSignup(a), prepareSignup(b), preparePosting(p)];
        expect(scoreProfile(pb)).toBe(scoreProfile(pa));
        expect(candidateScore(pb, pp, ctxOf(0).homeCity)).toBe(candidateScore(pa, pp, ctxOf(0).homeCity));
      }),
      { numRuns: RUNS * 5 },
    );
    // and the kind tells apart what scores differently: a district chosen or not, the pay asked
    const base = { id: 's', occupations: ['moving' as const], availability: [], expectedPay: null, payUnit: null };
    expect(scoreProfile(prepareSignup({ ...base, districts: ['361102'] }))).not.toBe(
      scoreProfile(prepareSignup({ ...base, districts: [] })),
    );
    expect(scoreProfile(prepareSignup({ ...base, districts: [], expectedPay: 200, payUnit: 'day' }))).not.toBe(
      scoreProfile(prepareSignup({ ...base, districts: [], expectedPay: 200, payUnit: 'hour' })),
    );
  });

  it("keeps each person's best matches, the same scores as pair by pair", () => {
    fc.assert(
      fc.property(
        fc.array(signupArb, { maxLength: 12 }),
        fc.array(postingArb, { maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        (people, posts, k) => {
          const signups = people.map((s, i) => ({ ...s, id: `s${i}` }));
          const postings = posts.map((p, i) => ({ ...p, id: `p${i}` }));
          const { pairs } = rematchAll(postings, signups, ctxOf(0), k);
          // in the order of the sign-ups, each person's pairs together (the host writes them so)
          const order = pairs.map((x) => signups.findIndex((s) => s.id === x.signupId));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          for (const s of signups) {
            const all = postings
              .map((p) => matchSignup(s, p, ctxOf(0)))
              .flatMap((r) => (r.matched ? [r.score] : []))
              .sort((a, b) => b - a);
            const kept = pairs.filter((x) => x.signupId === s.id);
            expect(kept.map((x) => x.score).sort((a, b) => b - a)).toEqual(all.slice(0, k));
            for (const x of kept) {
              const p = postings.find((q) => q.id === x.postingId)!;
              expect(matchSignup(s, p, ctxOf(0))).toEqual({ matched: true, score: x.score, reasons: x.reasons });
            }
          }
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('reasons as the matches table keeps them', () => {
  it('decode(encode(reasons)) is the reasons, for every match', () => {
    fc.assert(
      fc.property(signupArb, postingArb, (s, p) => {
        const r = matchSignup(s, p, ctxOf(0));
        if (!r.matched) return;
        expect(decodeReasons(encodeReasons(r.reasons))).toEqual(r.reasons);
        expect(encodeReasons(r.reasons).length).toBeLessThan(100);
      }),
      { numRuns: RUNS },
    );
  });
});
