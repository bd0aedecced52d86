import { describe, expect, it } from 'vitest';
import { planBoard } from '../../../shared/planner/board-planner';
import { BoardPlanSchema } from '../../../shared/schemas/board-plan';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';
import { oracleMinGlyphPx } from '../../support/legibility-oracle';
import { HOUR, posting, NOW, screen } from './posting-fixture';
import { allItems, overflowProblems } from './plan-checks';

const plan = (
  over: Parameters<typeof screen>[0],
  postings = [posting('a')],
  extra: { viewport?: { width: number; height: number }; now?: number } = {},
) =>
  planBoard({
    screen: screen(over),
    postings,
    now: extra.now ?? NOW,
    dataUpdatedAt: NOW - 5 * 60_000,
    ...(extra.viewport ? { viewport: extra.viewport } : {}),
  });

describe('planBoard content', () => {
  it('formats pay the way halls write it', () => {
    const p = plan({}, [
      posting('dance', { title: '中国舞教师', payMin: 120, payMax: 200, payUnit: 'lesson' }),
      posting('day', { payMin: 300, payUnit: 'day' }),
      posting('order', { title: '客服', payMin: 8.5, payUnit: 'order' }),
    ]);
    const pays = Object.fromEntries(allItems(p).map((i) => [i.id, i.pay]));
    expect(pays).toEqual({ dance: '120–200元/课时', day: '300元/天', order: '8.5元/单' });
  });

  it('puts urgent postings first, then 日结, then the newest', () => {
    const p = plan({}, [
      posting('old-weekly', { validFrom: new Date(NOW - 30 * HOUR).toISOString() }),
      posting('new-weekly', { validFrom: new Date(NOW - 1 * HOUR).toISOString() }),
      posting('daily', { settlement: 'daily', validFrom: new Date(NOW - 40 * HOUR).toISOString() }),
      posting('urgent', { urgent: true, validFrom: new Date(NOW - 50 * HOUR).toISOString() }),
    ]);
    expect(allItems(p).map((i) => i.id)).toEqual(['urgent', 'daily', 'new-weekly', 'old-weekly']);
    const daily = allItems(p).find((i) => i.id === 'daily')!;
    expect(daily.settlementText).toBe('日结');
    expect(daily.settlement).toBe('daily');
  });

  it('shows only postings of the screen filter, a city code meaning all its districts', () => {
    const postings = [
      posting('drive-xz', { occupation: 'driving', districtCode: '361102' }),
      posting('drive-dx', { occupation: 'driving', districtCode: '361181' }),
      posting('clean-xz', { occupation: 'cleaning', districtCode: '361102' }),
    ];
    const ids = (filter: { occupations: ('driving' | 'cleaning')[]; districts: string[] }) =>
      allItems(plan({ filter }, postings))
        .map((i) => i.id)
        .sort();
    expect(ids({ occupations: ['driving'], districts: [] })).toEqual(['drive-dx', 'drive-xz']);
    expect(ids({ occupations: [], districts: ['361181'] })).toEqual(['drive-dx']);
    expect(ids({ occupations: ['driving'], districts: ['361102'] })).toEqual(['drive-xz']);
    expect(ids({ occupations: [], districts: ['361100'] })).toEqual(['clean-xz', 'drive-dx', 'drive-xz']);
  });

  it('leaves out postings that expired or have not started, on time to the millisecond', () => {
    const postings = [
      posting('live'),
      posting('expired', {
        validFrom: new Date(NOW - 10 * HOUR).toISOString(),
        validUntil: new Date(NOW - 1).toISOString(),
      }),
      posting('ends-now', {
        validFrom: new Date(NOW - 10 * HOUR).toISOString(),
        validUntil: new Date(NOW).toISOString(),
      }),
      posting('starts-now', { validFrom: new Date(NOW).toISOString() }),
      posting('future', { validFrom: new Date(NOW + 1).toISOString() }),
    ];
    expect(
      allItems(plan({}, postings))
        .map((i) => i.id)
        .sort(),
    ).toEqual(['live', 'starts-now']);
    expect(plan({}, postings).totalItems).toBe(2);
  });

  it('groups mobile numbers for reading, and says where to ask instead of a phone the employer kept off', () => {
    const postings = [posting('open'), posting('masked', { maskPhone: true, employerKind: 'individual' })];
    const items = allItems(plan({}, postings));
    expect(items.find((i) => i.id === 'open')!.phone).toBe('138 1234 8000');
    // a masked number (138****8000) gives a visitor no way to call: the hall's sentence does
    expect(items.find((i) => i.id === 'masked')!.phone).toBe('电话请到服务窗口咨询');
    const own = allItems(
      planBoard({
        screen: DEFAULT_SCREEN,
        postings,
        now: NOW,
        dataUpdatedAt: null,
        hall: { maskedPhoneText: '请到3号窗口' },
      }),
    );
    expect(own.find((i) => i.id === 'masked')!.phone).toBe('请到3号窗口');
    expect(JSON.stringify(own)).not.toContain('****');
  });

  it('marks postings from the last 24 hours as new', () => {
    const items = allItems(
      plan({}, [
        posting('fresh', { validFrom: new Date(NOW - 23 * HOUR).toISOString() }),
        posting('older', { validFrom: new Date(NOW - 25 * HOUR).toISOString() }),
      ]),
    );
    expect(items.find((i) => i.id === 'fresh')!.isNew).toBe(true);
    expect(items.find((i) => i.id === 'older')!.isNew).toBe(false);
  });

  it('writes English strings for an English screen', () => {
    const [item] = allItems(plan({ locale: 'en' }, [posting('x', { settlement: 'daily', headcount: 5 })]));
    expect(item!.pay).toBe('300 CNY/day');
    expect(item!.settlementText).toBe('Paid daily');
    expect(item!.headcount).toBe('5 wanted');
  });

  it('cuts a long title with an ellipsis but never the phone', () => {
    const long = '大型物流园区夜班叉车司机兼仓库理货员长期招聘包吃包住';
    const [item] = allItems(plan({}, [posting('x', { title: long, contactPhone: '0793-82212345-123456' })]));
    expect(item!.title.endsWith('…')).toBe(true);
    expect(long.startsWith(item!.title.slice(0, -1))).toBe(true);
    expect(item!.phone).toBe('0793-82212345-123456');
  });
});

/** The table's columns, in order, when the screen is wide enough for all of them. */
const EVERY_COLUMN = ['title', 'pay', 'settlement', 'district', 'employer', 'phone'];

describe('planBoard geometry', () => {
  it('lays out the default 1920×1080 P2.5 wall read from 8 m as a card grid at the ADA minimum', () => {
    const p = plan(
      {},
      Array.from({ length: 30 }, (_, i) => posting(`l${i}`)),
    );
    const m = oracleMinGlyphPx(DEFAULT_SCREEN); // 81 mm / 2.5 = 32.4 → 33
    expect(m).toBe(33);
    expect(p.layout).toBe('cards');
    expect(p.geometry.minGlyphPx).toBe(m);
    expect(p.geometry.bodyPx).toBe(m);
    expect(p.geometry.titlePx).toBeGreaterThan(p.geometry.bodyPx);
    expect(p.geometry.cards!.columns * p.geometry.cards!.rows).toBeGreaterThanOrEqual(6);
    expect(p.warnings).toEqual([]);
    expect(overflowProblems(p)).toEqual([]);
    expect(BoardPlanSchema.safeParse(p).success).toBe(true);
  });

  it('scales the minimum glyph by the real viewport when the page is shown at another resolution', () => {
    // The same 4.8 × 2.7 m wall drawn from a 960×540 page: each CSS px covers 5 mm of wall.
    const p = plan({}, [posting('a')], { viewport: { width: 960, height: 540 } });
    expect(p.effectivePitchMm).toBe(5);
    expect(p.geometry.minGlyphPx).toBe(oracleMinGlyphPx(DEFAULT_SCREEN, { width: 960, height: 540 })); // 81 / 5 = 16.2 → 17
    expect(p.viewport).toEqual({ width: 960, height: 540 });
  });

  it('drops the employer column first when a table screen is narrow, keeping title, pay, district and phone', () => {
    const p = plan({ layout: 'table', width: 960, height: 480 }, [posting('a'), posting('b', { settlement: 'daily' })]);
    expect(p.layout).toBe('table');
    const keys = p.geometry.table!.columns.map((c) => c.key);
    expect(keys).toEqual(['title', 'pay', 'settlement', 'district', 'phone']);
    expect(keys).toEqual(expect.arrayContaining(['title', 'pay', 'district', 'phone']));
    expect(overflowProblems(p)).toEqual([]);
  });

  it('keeps every column on a wide table screen', () => {
    const p = plan({ layout: 'table' }, [posting('a')]);
    expect(p.geometry.table!.columns.map((c) => c.key)).toEqual(EVERY_COLUMN);
  });

  it('falls back to the ticker with a warning when not even one card fits, without shrinking text', () => {
    const p = plan({ width: 1920, height: 80, pitchMm: 2.5, viewingDistanceM: 3 }, [posting('a'), posting('b')]);
    expect(p.layout).toBe('ticker');
    expect(p.warnings).toContain('layout-degraded-to-ticker');
    expect(p.geometry.bodyPx).toBeGreaterThanOrEqual(p.geometry.minGlyphPx);
    expect(
      allItems(p)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('plans no pages and says the screen is too small when not one line fits', () => {
    const p = plan({ width: 64, height: 16 }, [posting('a')]);
    expect(p.pages).toEqual([]);
    expect(p.cycleMs).toBe(0);
    expect(p.warnings).toEqual(['screen-too-small']);
    expect(p.geometry.minGlyphPx).toBeGreaterThanOrEqual(16);
  });

  it('shows a ticker strip tall enough for three rows as a compact table, and every posting in minutes', () => {
    const many = Array.from({ length: 240 }, (_, i) => posting(`p${i}`, { title: `工种${i}号` }));
    const strip = plan({ layout: 'ticker', width: 2560, height: 640, pitchMm: 4, viewingDistanceM: 10 }, many);
    expect(strip.layout).toBe('table');
    expect(strip.geometry.minGlyphPx).toBe(oracleMinGlyphPx(screen({ pitchMm: 4, viewingDistanceM: 10 })));
    expect(strip.geometry.table!.rowsPerPage).toBeGreaterThanOrEqual(10);
    expect(strip.geometry.table!.columns.map((c) => c.key)).toEqual(EVERY_COLUMN);
    expect(strip.cycleMs).toBeLessThan(10 * 60_000);
    expect(overflowProblems(strip)).toEqual([]);
    // a strip with room for one line keeps scrolling
    const thin = plan({ layout: 'ticker', width: 2560, height: 160 }, many);
    expect(thin.layout).toBe('ticker');
    expect(thin.cycleMs).toBeGreaterThan(4 * strip.cycleMs);
  });

  it('times a ticker page so its whole text passes at about 3.5 characters a second', () => {
    const p = plan({ layout: 'ticker', width: 2560, height: 160 }, [posting('a'), posting('b')]);
    const t = p.geometry.ticker!;
    expect(t.speedPxPerS).toBe(3.5 * p.geometry.bodyPx);
    expect(t.sideWidthPx).toBeGreaterThan(0);
    expect(p.pages).toHaveLength(1);
    expect(overflowProblems(p)).toEqual([]);
  });
});

describe('planBoard timing and identity', () => {
  it('warns when a cycle takes longer than the screen target (150 s by default)', () => {
    const p = plan(
      {},
      Array.from({ length: 200 }, (_, i) => posting(`l${String(i).padStart(3, '0')}`)),
    );
    expect(p.cycleMs).toBeGreaterThan(150_000);
    expect(p.warnings).toContain('cycle-too-long');
  });

  it('keeps card pages between the dwell bounds, longer for fuller pages', () => {
    const one = plan({}, [posting('a')]);
    const many = plan(
      {},
      Array.from({ length: 12 }, (_, i) => posting(`l${i}`)),
    );
    expect(one.pages[0]!.dwellMs).toBeGreaterThanOrEqual(8_000);
    expect(many.pages[0]!.dwellMs).toBeGreaterThan(one.pages[0]!.dwellMs);
    expect(many.pages[0]!.dwellMs).toBeLessThanOrEqual(20_000);
  });

  it('gives equal plans equal ids whatever the generation time, and a new id when a posting changes', () => {
    const a = planBoard({ screen: screen(), postings: [posting('a')], now: NOW, dataUpdatedAt: NOW });
    const b = planBoard({ screen: screen(), postings: [posting('a')], now: NOW + 1000, dataUpdatedAt: NOW });
    const c = planBoard({ screen: screen(), postings: [posting('a', { payMin: 310 })], now: NOW, dataUpdatedAt: NOW });
    expect(b.generatedAt).not.toBe(a.generatedAt);
    expect(b.planId).toBe(a.planId);
    expect(c.planId).not.toBe(a.planId);
    expect(a.planId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('anchors rotation at the Unix epoch unless told otherwise', () => {
    expect(plan({}).anchorMs).toBe(0);
    expect(planBoard({ screen: screen(), postings: [], now: NOW, dataUpdatedAt: null, anchorMs: 1234 }).anchorMs).toBe(
      1234,
    );
  });

  it('plans an empty board when nothing matches, without warnings', () => {
    const p = plan({}, []);
    expect(p.pages).toEqual([]);
    expect(p.totalItems).toBe(0);
    expect(p.warnings).toEqual([]);
    expect(p.layout).toBe('cards');
  });
});
