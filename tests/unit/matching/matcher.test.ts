import { describe, expect, it } from 'vitest';
import {
  dailyPay,
  districtDistance,
  cityDistance,
  matchSignup,
  payRatio,
  readWorkTime,
  reasonsLine,
  type MatchContext,
  type MatchPostingInput,
  type MatchSignupInput,
} from '../../../shared/matching';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');
const CTX: MatchContext = { now: NOW, homeCity: '3611' };

export function matchPosting(over: Partial<MatchPostingInput> = {}): MatchPostingInput {
  return {
    id: 'p1',
    occupation: 'moving',
    districtCode: '361102',
    workTime: '8:00-18:00',
    payMin: 200,
    payMax: null,
    payUnit: 'day',
    settlement: 'weekly',
    employmentType: 'gig',
    headcount: 3,
    validFrom: '2026-12-01T00:00:00+08:00',
    validUntil: '2026-12-31T00:00:00+08:00',
    ...over,
  };
}

export function matchSignupInput(over: Partial<MatchSignupInput> = {}): MatchSignupInput {
  return {
    id: 's1',
    occupations: ['moving'],
    districts: ['361102'],
    availability: [],
    expectedPay: null,
    payUnit: null,
    ...over,
  };
}

const keys = (r: ReturnType<typeof matchSignup>) =>
  r.matched ? r.reasons.map((x) => x.key.slice('match.reason.'.length)) : r.broke;

describe('hard rules', () => {
  it.each([
    ['another trade', {}, { occupation: 'driving' }, 'trade'],
    ['not valid yet', {}, { validFrom: '2026-12-03T00:00:00+08:00' }, 'not-yet-valid'],
    ['expired a second ago', {}, { validUntil: new Date(NOW - 1000).toISOString() }, 'expired'],
    ['expiring exactly now', {}, { validUntil: new Date(NOW).toISOString() }, 'expired'],
    ['another district than chosen', {}, { districtCode: '361104' }, 'district'],
    ['a district of another city', { districts: ['361102', '361123'] }, { districtCode: '360102' }, 'district'],
    ['no trades given', { occupations: [] }, {}, 'trade'],
  ] as const)('%s → no match', (_name, s, p, broke) => {
    const r = matchSignup(matchSignupInput(s), matchPosting(p), CTX);
    expect(r).toEqual({ matched: false, broke });
  });

  it('a full posting (已上岗 reached the headcount) matches nobody', () => {
    const ctx = { ...CTX, placed: (id: string) => (id === 'p1' ? 3 : 0) };
    expect(matchSignup(matchSignupInput(), matchPosting(), ctx)).toEqual({ matched: false, broke: 'full' });
    expect(matchSignup(matchSignupInput(), matchPosting({ headcount: 4 }), ctx).matched).toBe(true);
  });

  it('one of several trades and one of several districts is enough', () => {
    const r = matchSignup(
      matchSignupInput({ occupations: ['cleaning', 'moving'], districts: ['361104', '361102'] }),
      matchPosting(),
      CTX,
    );
    expect(r.matched).toBe(true);
  });
});

describe('soft rules and reasons', () => {
  it.each([
    // [name, sign-up, posting, score, reasons]
    ['hard rules, district chosen, no time or pay given', {}, {}, 40 + 15 + 10, ['trade', 'sameDistrict']],
    ['日结 without asking for today', {}, { settlement: 'daily' }, 70, ['trade', 'sameDistrict', 'daily']],
    [
      '日结 for someone who wants work today',
      { availability: ['today'] },
      { settlement: 'daily' },
      75,
      ['trade', 'sameDistrict', 'daily'],
    ],
    ['evenings against a day job', { availability: ['evenings'] }, {}, 55, ['trade', 'sameDistrict']],
    [
      'evenings against 每晚18:00-22:00',
      { availability: ['evenings'] },
      { workTime: '每晚18:00-22:00' },
      75,
      ['trade', 'sameDistrict', 'time.evenings'],
    ],
    [
      'weekends against 周末全天',
      { availability: ['weekends'] },
      { workTime: '周末全天' },
      75,
      ['trade', 'sameDistrict', 'time.weekends'],
    ],
    [
      'weekdays against 周末全天',
      { availability: ['weekdays'] },
      { workTime: '周末全天' },
      55,
      ['trade', 'sameDistrict'],
    ],
    [
      'any time against 时间自由',
      { availability: ['weekends'] },
      { workTime: '时间自由' },
      75,
      ['trade', 'sameDistrict', 'timeFlexible'],
    ],
    ['no district chosen, posting in the hall city', { districts: [] }, {}, 65, ['trade', 'sameCity']],
    ['no district chosen, posting in the province', { districts: [] }, { districtCode: '360102' }, 58, ['trade']],
    ['no district chosen, posting far away', { districts: [] }, { districtCode: '110101' }, 50, ['trade']],
    ['pay above the expectation', { expectedPay: 180, payUnit: 'day' }, {}, 80, ['trade', 'sameDistrict', 'payAbove']],
    [
      'pay exactly the expectation',
      { expectedPay: 200, payUnit: 'day' },
      {},
      80,
      ['trade', 'sameDistrict', 'payMeets'],
    ],
    [
      'range reaching the expectation',
      { expectedPay: 220, payUnit: 'day' },
      { payMax: 240 },
      80,
      ['trade', 'sameDistrict', 'payMeets'],
    ],
    ['pay at 90 %', { expectedPay: 200, payUnit: 'day' }, { payMin: 180 }, 75, ['trade', 'sameDistrict', 'payNear']],
    ['pay at half', { expectedPay: 400, payUnit: 'day' }, {}, 65, ['trade', 'sameDistrict']],
    [
      '元/件 against 元/天: not comparable',
      { expectedPay: 200, payUnit: 'day' },
      { payUnit: 'piece', payMin: 2 },
      65,
      ['trade', 'sameDistrict'],
    ],
    [
      '元/件 against 元/件',
      { expectedPay: 1.5, payUnit: 'piece' },
      { payUnit: 'piece', payMin: 2 },
      80,
      ['trade', 'sameDistrict', 'payAbove'],
    ],
  ] as const)('%s', (_name, s, p, score, reasons) => {
    const r = matchSignup(
      matchSignupInput(s as Partial<MatchSignupInput>),
      matchPosting(p as Partial<MatchPostingInput>),
      CTX,
    );
    expect(keys(r)).toEqual(reasons);
    expect(r.matched && r.score).toBe(score);
  });

  it('reasons carry what they name: the trade and the district code', () => {
    const r = matchSignup(matchSignupInput(), matchPosting({ settlement: 'daily' }), CTX);
    expect(r.matched && r.reasons).toEqual([
      { key: 'match.reason.trade', params: { trade: 'moving' } },
      { key: 'match.reason.sameDistrict', params: { district: '361102' } },
      { key: 'match.reason.daily' },
    ]);
  });
});

describe('unit conversion', () => {
  it.each([
    // posting pay, posting unit, work time, expectation, expected unit → top ratio
    [25, 'hour', '8:00-18:00', 250, 'day', 1], // 25 元/时 × 10 h = 250 元/天
    [25, 'hour', '每晚18:00-22:00', 100, 'day', 1], // × 4 h
    [25, 'hour', '', 200, 'day', 1], // no hours written: 8
    [30, 'hour', '夜班22:00-次日6:00', 240, 'day', 1], // across midnight: 8 h
    [5200, 'month', '', 200, 'day', 1], // ÷ 26
    [200, 'day', '', 5200, 'month', 1],
    [200, 'day', '8:00-18:00', 20, 'hour', 1], // 20 元/时 × 10 h
    [26, 'hour', '12小时倒班', 312, 'day', 1],
  ] as const)('%s %s (%s) against %s %s', (pay, unit, workTime, expected, expectedUnit, ratio) => {
    const hours = readWorkTime(workTime).hours;
    const r = payRatio({ payMin: pay, payMax: null, payUnit: unit }, { amount: expected, unit: expectedUnit }, hours);
    expect(r?.top).toBeCloseTo(ratio, 9);
  });

  it('daily pay of the convertible units, none for piece, order and lesson', () => {
    expect(dailyPay(26, 'hour', 10)).toBe(260);
    expect(dailyPay(26, 'hour', null)).toBe(208);
    expect(dailyPay(300, 'day', 4)).toBe(300);
    expect(dailyPay(7800, 'month', 8)).toBe(300);
    for (const unit of ['piece', 'order', 'lesson'] as const) expect(dailyPay(10, unit, 8)).toBeNull();
  });
});

describe('work time as halls write it', () => {
  it.each([
    ['8:00-18:00', { hours: 10, evening: false, days: 'unknown', flexible: false }],
    ['每晚18:00-22:00', { hours: 4, evening: true, days: 'unknown', flexible: false }],
    ['早7点到晚6点', { hours: 11, evening: false, days: 'unknown', flexible: false }],
    ['早7:00-晚7:00', { hours: 12, evening: false, days: 'unknown', flexible: false }],
    ['夜班22:00-次日6:00', { hours: 8, evening: true, days: 'unknown', flexible: false }],
    ['7:00-11:30 13:30-17:30', { hours: 8.5, evening: false, days: 'unknown', flexible: false }],
    ['午高峰11:00-13:30', { hours: 2.5, evening: false, days: 'unknown', flexible: false }],
    ['周末全天', { hours: 8, evening: false, days: 'weekends', flexible: false }],
    ['工作日白天', { hours: null, evening: false, days: 'weekdays', flexible: false }],
    ['做六休一', { hours: null, evening: false, days: 'every-day', flexible: false }],
    ['12小时倒班', { hours: 12, evening: false, days: 'every-day', flexible: false }],
    ['时间自由', { hours: null, evening: false, days: 'unknown', flexible: true }],
    ['随叫随到，按趟计', { hours: null, evening: false, days: 'unknown', flexible: true }],
    ['', { hours: null, evening: false, days: 'unknown', flexible: false }],
  ] as const)('%s', (text, expected) => {
    expect(readWorkTime(text)).toEqual(expected);
  });
});

describe('district distance by the GB/T 2260 hierarchy', () => {
  it.each([
    ['361102', '361102', 0],
    ['361102', '361181', 1],
    ['361102', '360102', 2],
    ['361102', '110101', 3],
  ] as const)('%s – %s = %s', (a, b, d) => {
    expect(districtDistance(a, b)).toBe(d);
    expect(districtDistance(b, a)).toBe(d);
  });
  it('from the hall city', () => {
    expect(cityDistance('3611', '361127')).toBe(1);
    expect(cityDistance('3611', '360121')).toBe(2);
    expect(cityDistance('3611', '440305')).toBe(3);
  });
});

describe('reasons in words', () => {
  it('zh-CN and English, the district by its name', async () => {
    const { createI18n } = await import('../../../renderer/common/i18n');
    const r = matchSignup(
      matchSignupInput({ expectedPay: 180, payUnit: 'day' }),
      matchPosting({ settlement: 'daily' }),
      CTX,
    );
    if (!r.matched) throw new Error('expected a match');
    expect(reasonsLine(createI18n('zh-CN').t, r.reasons)).toBe('工种相同 · 同在信州区 · 日结 · 薪资高于期望');
    expect(reasonsLine(createI18n('en').t, r.reasons)).toBe(
      'Same trade · Also in 信州区 · Paid daily · Pays above expectation',
    );
  });
});
