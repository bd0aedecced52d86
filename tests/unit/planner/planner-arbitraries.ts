import fc from 'fast-check';
import { ListingSchema, PAY_UNITS, SETTLEMENTS, EMPLOYMENT_TYPES, EMPLOYER_KINDS, type Listing } from '../../../shared/schemas/listing';
import { LEGIBILITY_RULES, type ScreenProfile, type Viewport } from '../../../shared/schemas/screen';
import { OCCUPATION_CODES, type OccupationCode } from '../../../shared/occupations';

/** The twelve county-level divisions of 上饶市 (GB/T 2260). */
export const SHANGRAO_DISTRICTS = [
  '361102', '361103', '361104', '361123', '361124', '361125',
  '361126', '361127', '361128', '361129', '361130', '361181',
] as const;

export const NOW = Date.parse('2025-06-02T09:30:00+08:00');
const HOUR = 3_600_000;

const TITLES = ['叉车司机', '中国舞教师', '客服', '司机', '保洁阿姨（长期，每天四小时）', '水电工', '外卖骑手', '搬运工', 'Forklift driver', '直播带货主播助理'];
const EMPLOYERS = ['上饶市顺达物流有限公司', '张记饭店', '信州区家政服务中心', '王师傅', 'Wuyuan Tea Co.', '广丰区某某电子厂（二期车间）'];
const PHONES = ['13812348000', '0793-8221234', '07938221234', '400-123-4567', '0793-82212345-123456', '19900001111'];

const titleArb = fc.oneof(fc.constantFrom(...TITLES), fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom('工', '人', 'A', 'W', '1', ' ', '资', 'm', '（') }).filter((s) => s.trim().length > 0 && s.trim() === s));

/** Fields of a valid Listing; validity windows are placed around NOW so some are live, some not. */
const listingFieldsArb = fc.record({
  employerName: fc.constantFrom(...EMPLOYERS),
  employerKind: fc.constantFrom(...EMPLOYER_KINDS),
  employerVerified: fc.boolean(),
  title: titleArb,
  occupation: fc.constantFrom(...OCCUPATION_CODES),
  payMin: fc.oneof(fc.constantFrom(8.5, 26, 120, 300, 5000), fc.integer({ min: 0, max: 1_000_000 })),
  payExtra: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  payUnit: fc.constantFrom(...PAY_UNITS),
  settlement: fc.constantFrom(...SETTLEMENTS),
  headcount: fc.integer({ min: 1, max: 10_000 }),
  employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
  districtCode: fc.constantFrom(...SHANGRAO_DISTRICTS),
  contactPhone: fc.constantFrom(...PHONES),
  maskPhone: fc.boolean(),
  fromHours: fc.integer({ min: -72, max: 6 }),
  lengthHours: fc.integer({ min: 1, max: 200 }),
  urgent: fc.boolean(),
});

type ListingFields = typeof listingFieldsArb extends fc.Arbitrary<infer T> ? T : never;

function toListing(r: ListingFields, index: number): Listing {
  return ListingSchema.parse({
    id: `L-${index}`,
    employerName: r.employerName,
    employerKind: r.employerKind,
    employerVerified: r.employerVerified,
    title: r.title,
    occupation: r.occupation,
    payMin: r.payMin,
    payMax: r.payExtra === null ? null : Math.min(1_000_000, r.payMin + r.payExtra),
    payUnit: r.payUnit,
    settlement: r.settlement,
    headcount: r.headcount,
    employmentType: r.employmentType,
    districtCode: r.districtCode,
    contactPhone: r.contactPhone,
    maskPhone: r.maskPhone,
    validFrom: new Date(NOW + r.fromHours * HOUR).toISOString(),
    validUntil: new Date(NOW + (r.fromHours + r.lengthHours) * HOUR).toISOString(),
    urgent: r.urgent,
    source: 'platform',
    revision: 1,
    updatedAt: new Date(NOW).toISOString(),
  });
}

/** 0..max listings with unique ids. */
export const listingsArb = (max: number): fc.Arbitrary<Listing[]> =>
  fc
    .oneof(fc.array(listingFieldsArb, { maxLength: Math.min(max, 12) }), fc.array(listingFieldsArb, { maxLength: max, size: 'max' }))
    .map((rows) => rows.map(toListing));

export const viewportArb: fc.Arbitrary<Viewport> = fc.oneof(
  fc.constantFrom({ width: 1920, height: 1080 }, { width: 960, height: 480 }, { width: 2560, height: 640 }, { width: 3840, height: 1080 }),
  fc.record({ width: fc.integer({ min: 64, max: 4096 }), height: fc.integer({ min: 16, max: 2400 }) }),
);

export const screenArb: fc.Arbitrary<ScreenProfile> = fc
  .record({
    width: fc.integer({ min: 64, max: 4096 }),
    height: fc.integer({ min: 16, max: 2400 }),
    pitchMm: fc.double({ min: 1.2, max: 10, noNaN: true }),
    viewingDistanceM: fc.double({ min: 2, max: 20, noNaN: true }),
    layout: fc.constantFrom('cards' as const, 'table' as const, 'ticker' as const),
    legibilityRule: fc.constantFrom(...LEGIBILITY_RULES),
    locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    // Mostly unfiltered screens, so plenty of postings reach the layout.
    occupations: fc.oneof({ weight: 3, arbitrary: fc.constant<OccupationCode[]>([]) }, { weight: 1, arbitrary: fc.subarray([...OCCUPATION_CODES], { minLength: 1, maxLength: 6 }) }),
    districts: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray<string>([...SHANGRAO_DISTRICTS], { minLength: 1, maxLength: 6 }) }),
    minDwellS: fc.integer({ min: 3, max: 20 }),
    dwellSpan: fc.integer({ min: 0, max: 40 }),
  })
  .map((r): ScreenProfile => ({
    id: 'wall-1',
    name: '大厅主屏',
    width: r.width,
    height: r.height,
    pitchMm: r.pitchMm,
    viewingDistanceM: r.viewingDistanceM,
    layout: r.layout,
    legibilityRule: r.legibilityRule,
    locale: r.locale,
    filter: { occupations: r.occupations, districts: r.districts },
    minDwellS: r.minDwellS,
    maxDwellS: r.minDwellS + r.dwellSpan,
  }));

/** A screen whose configured pixels equal one of the given viewports, or another viewport. */
export const screenAndViewportArb = fc.tuple(screenArb, viewportArb, fc.boolean()).map(([screen, vp, same]) =>
  same ? { screen: { ...screen, width: vp.width, height: vp.height }, viewport: undefined } : { screen, viewport: vp },
);
