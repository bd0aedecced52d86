/**
 * Generators for the planner's properties. They lean towards what is hard to lay out and what
 * halls really show: card and table walls with pages, realistic employers and phones (mobile
 * and landline, masked or not), the same title many times, Chinese mixed with Latin, strings at
 * the schema's length limits. board-planner.property.test.ts prints the mix they produce.
 */
import fc from 'fast-check';
import {
  PostingSchema,
  LIMITS,
  PAY_UNITS,
  SETTLEMENTS,
  EMPLOYMENT_TYPES,
  EMPLOYER_KINDS,
  type Posting,
} from '../../../shared/schemas/posting';
import { LEGIBILITY_RULES, type BoardLayout, type ScreenProfile, type Viewport } from '../../../shared/schemas/screen';
import { OCCUPATION_CODES, type OccupationCode } from '../../../shared/occupations';

/** The twelve county-level divisions of 上饶市 (GB/T 2260). */
export const SHANGRAO_DISTRICTS = [
  '361102',
  '361103',
  '361104',
  '361123',
  '361124',
  '361125',
  '361126',
  '361127',
  '361128',
  '361129',
  '361130',
  '361181',
] as const;

export const NOW = Date.parse('2025-06-02T09:30:00+08:00');
const HOUR = 3_600_000;

// ---------- strings ----------

const COMMON_TITLES = [
  '叉车司机',
  '搬运工',
  '保洁员',
  '服务员',
  '外卖骑手',
  '水电工',
  '客服',
  '司机',
  '厨房帮工',
  '仓库理货员',
];
const MIXED_TITLES = [
  'iPhone维修师傅',
  'CAD制图员',
  'PS美工（淘宝/拼多多）',
  'KTV服务员',
  'WMS仓管员',
  '3D建模师',
  'Java开发（远程）',
  '提成10%+底薪',
  'Amazon运营助理',
  'B2B外贸业务员',
  'AutoCAD绘图 & BIM',
  'Forklift driver',
  'Warehouse Picker (night)',
  'Chinese–English interpreter',
  'MMA/WWE 搬运工',
  '中国舞教师',
  '直播带货主播助理',
  '保洁阿姨（长期，每天四小时）',
];
/** Text that costs the most width per character: full-width CJK, and Latin's widest glyphs. */
const WIDE_UNITS = [
  '超',
  '长',
  '工',
  '种',
  '（',
  '）',
  'M',
  'W',
  'm',
  'w',
  '@',
  '%',
  '&',
  'O',
  'Q',
  'H',
  'b',
  'd',
  'p',
  'q',
];

const atLimit = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: fc.constantFrom(...WIDE_UNITS), minLength: max, maxLength: max }),
      fc.constantFrom(
        '超长工种名称'.repeat(10).slice(0, max),
        'mMwW@%'.repeat(20).slice(0, max),
        '大型物流园区夜班叉车司机兼仓库理货员'.repeat(4).slice(0, max),
      ),
    )
    .map((s) => (s.trim() === s && s.length > 0 ? s : `工${s.trim()}`.slice(0, max)));

const titleArb = fc.oneof(
  // duplicates: a hall shows the same trade many times
  { weight: 5, arbitrary: fc.constantFrom(...COMMON_TITLES) },
  { weight: 3, arbitrary: fc.constantFrom(...MIXED_TITLES) },
  { weight: 2, arbitrary: atLimit(LIMITS.title) },
  {
    weight: 1,
    arbitrary: fc
      .string({
        minLength: 1,
        maxLength: LIMITS.title,
        unit: fc.constantFrom('工', '人', 'A', 'W', '1', ' ', '资', 'm', '（', 'ä', '·'),
      })
      .filter((s) => s.trim().length > 0 && s.trim() === s),
  },
);

const CITY_PREFIXES = ['上饶市', '信州区', '广丰区', '婺源县', '玉山县', '鄱阳县', ''];
const FIRM_CORES = ['顺达', '恒通', '鑫源', '华美', '绿野', '天成', '金诺', '信江', '三清山', '饶城'];
const INDUSTRIES = ['物流', '家政服务', '餐饮管理', '电子科技', '建筑劳务', '茶业', '人力资源', '汽车维修', '仓储'];
const FIRM_SUFFIXES = ['有限公司', '有限责任公司', '服务中心', '店', '专业合作社', '工作室', '有限公司（二期车间）'];
const PEOPLE = ['王师傅', '张阿姨', '李女士', '陈先生', '刘老板', '赵姐'];
const LATIN_FIRMS = [
  'Wuyuan Tea Co., Ltd.',
  'M&M Trading (Shangrao)',
  'WeWork 共享办公',
  'SHOPEE跨境电商',
  '3M授权服务商',
  'Heineken 啤酒经销部',
];

const employerArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...CITY_PREFIXES),
        fc.constantFrom(...FIRM_CORES),
        fc.constantFrom(...INDUSTRIES),
        fc.constantFrom(...FIRM_SUFFIXES),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.constantFrom(...PEOPLE) },
  { weight: 2, arbitrary: fc.constantFrom(...LATIN_FIRMS) },
  { weight: 1, arbitrary: atLimit(LIMITS.employerName) },
);

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/**
 * Mobile numbers, landlines with and without a dash, 400 numbers, and now and then a landline
 * with an extension (which no table column may cut: one of them narrows every column).
 */
export const phoneArb = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([a, b]) => a + b) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom('0793', '010', '0791', '021'), fc.boolean(), digits(8))
      .map(([area, dash, n]) => `${area}${dash ? '-' : ''}${area.length === 3 ? n : n.slice(0, 7)}`),
  },
  { weight: 1, arbitrary: fc.tuple(digits(8), digits(6)).map(([n, ext]) => `0793-${n}-${ext}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.boolean(), digits(3), digits(4))
      .map(([dash, a, b]) => (dash ? `400-${a}-${b}` : `400${a}${b}`)),
  },
);

// ---------- postings ----------

/** Booth codes as halls paint them, up to the widest 8 characters the schema allows (W and M are the widest glyphs). */
export const boothArb = fc.oneof(
  fc.constantFrom('A12', 'B-03', '2F-A12', '7', 'WWWWWWWW', 'MWMW-MWM'),
  fc.stringMatching(/^[A-Z0-9](?:[A-Z0-9-]{0,6}[A-Z0-9])?$/),
);

/** Fields of a valid Posting; validity windows are placed around NOW so some are live, some not. */
const postingFieldsArb = fc.record({
  employerName: employerArb,
  employerKind: fc.constantFrom(...EMPLOYER_KINDS),
  employerVerified: fc.boolean(),
  title: titleArb,
  occupation: fc.constantFrom(...OCCUPATION_CODES),
  payMin: fc.oneof(fc.constantFrom(8.5, 26, 120, 300, 5000, 999_999.99), fc.integer({ min: 0, max: 1_000_000 })),
  payExtra: fc.option(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(1_000_000)), { nil: null }),
  payUnit: fc.constantFrom(...PAY_UNITS),
  settlement: fc.constantFrom(...SETTLEMENTS),
  headcount: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10_000 })),
  employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
  districtCode: fc.constantFrom(...SHANGRAO_DISTRICTS),
  contactPhone: phoneArb,
  maskPhone: fc.boolean(),
  // mostly live at NOW, some expired or not yet started
  fromHours: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -72, max: -1 }) },
    { weight: 1, arbitrary: fc.integer({ min: -72, max: 6 }) },
  ),
  lengthHours: fc.integer({ min: 1, max: 200 }),
  urgent: fc.boolean(),
  booth: fc.option(boothArb, { nil: undefined, freq: 2 }),
});

type PostingFields = typeof postingFieldsArb extends fc.Arbitrary<infer T> ? T : never;

function toPosting(r: PostingFields, index: number): Posting {
  return PostingSchema.parse({
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
    booth: r.booth,
    source: 'platform',
    revision: 1,
    updatedAt: new Date(NOW).toISOString(),
  });
}

/** 0..max postings with unique ids: mostly a page or a few, sometimes many, sometimes none. */
export const postingsArb = (max: number): fc.Arbitrary<Posting[]> =>
  fc
    .oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 6, arbitrary: fc.array(postingFieldsArb, { minLength: 1, maxLength: Math.min(max, 30) }) },
      { weight: 5, arbitrary: fc.array(postingFieldsArb, { minLength: 1, maxLength: max, size: 'max' }) },
    )
    .map((rows) => rows.map(toPosting));

// ---------- screens ----------

/** Panels halls use: walls, small single screens, strips, a portrait screen. */
const PANELS: readonly Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 960, height: 480 },
  { width: 1280, height: 720 },
  { width: 2560, height: 640 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
  { width: 1536, height: 768 },
  { width: 768, height: 384 },
];
const BROWSER_VIEWPORTS: readonly Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 960, height: 480 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 2560, height: 640 },
];

const layoutArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant<BoardLayout>('cards') },
  { weight: 5, arbitrary: fc.constant<BoardLayout>('table') },
  { weight: 1, arbitrary: fc.constant<BoardLayout>('ticker') },
);

/** Knobs shared by both kinds of screen. */
const screenKnobs = fc.record({
  layout: layoutArb,
  legibilityRule: fc.constantFrom(...LEGIBILITY_RULES),
  locale: fc.oneof(
    { weight: 3, arbitrary: fc.constant('zh-CN' as const) },
    { weight: 2, arbitrary: fc.constant('en' as const) },
  ),
  // Mostly unfiltered screens, so plenty of postings reach the layout.
  occupations: fc.oneof(
    { weight: 8, arbitrary: fc.constant<OccupationCode[]>([]) },
    { weight: 1, arbitrary: fc.subarray([...OCCUPATION_CODES], { minLength: 1, maxLength: 6 }) },
  ),
  districts: fc.oneof(
    { weight: 8, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray<string>([...SHANGRAO_DISTRICTS], { minLength: 1, maxLength: 6 }) },
  ),
  minDwellS: fc.integer({ min: 3, max: 20 }),
  dwellSpan: fc.integer({ min: 0, max: 40 }),
});

/** A hall's screen: a real panel at a real pitch, read from where visitors stand. */
const realisticPanelArb = fc.record({
  panel: fc.constantFrom(...PANELS),
  pitchMm: fc.constantFrom(1.5, 1.875, 2, 2.5, 3, 4),
  viewingDistanceM: fc.oneof(
    { weight: 2, arbitrary: fc.constant(3) },
    { weight: 3, arbitrary: fc.constant(5) },
    { weight: 3, arbitrary: fc.constant(8) },
    { weight: 1, arbitrary: fc.constant(10) },
    { weight: 1, arbitrary: fc.double({ min: 2, max: 12, noNaN: true }) },
  ),
});

/** Anything the schema allows, to find the edges. */
const wildPanelArb = fc.record({
  panel: fc.record({ width: fc.integer({ min: 64, max: 4096 }), height: fc.integer({ min: 16, max: 2400 }) }),
  pitchMm: fc.double({ min: 1.2, max: 10, noNaN: true }),
  viewingDistanceM: fc.double({ min: 2, max: 20, noNaN: true }),
});

export const screenArb: fc.Arbitrary<ScreenProfile> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: realisticPanelArb }, { weight: 1, arbitrary: wildPanelArb }), screenKnobs)
  .map(([k, r]): ScreenProfile => ({
    id: 'wall-1',
    name: '大厅主屏',
    width: k.panel.width,
    height: k.panel.height,
    pitchMm: k.pitchMm,
    viewingDistanceM: k.viewingDistanceM,
    layout: r.layout,
    legibilityRule: r.legibilityRule,
    locale: r.locale,
    filter: { occupations: r.occupations, districts: r.districts },
    minDwellS: r.minDwellS,
    maxDwellS: r.minDwellS + r.dwellSpan,
  }));

export const viewportArb: fc.Arbitrary<Viewport> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BROWSER_VIEWPORTS) },
  {
    weight: 1,
    arbitrary: fc.record({ width: fc.integer({ min: 64, max: 4096 }), height: fc.integer({ min: 16, max: 2400 }) }),
  },
);

/** A screen shown at its own size (most often), or at another viewport. */
export const screenAndViewportArb = fc
  .tuple(
    screenArb,
    viewportArb,
    fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  )
  .map(([screen, vp, same]) => (same ? { screen, viewport: undefined } : { screen, viewport: vp }));
