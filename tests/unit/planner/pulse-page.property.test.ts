import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBoard, type PlanInput } from '../../../shared/planner/board-planner';
import { pulseRows, PULSE_MAX_ROWS } from '../../../shared/planner/pulse-layout';
import { BoardPlanSchema } from '../../../shared/schemas/board-plan';
import { computeMarketPulse, type TradeCounts } from '../../../shared/pulse/market-pulse';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import { tradeLabel } from '../../../shared/pulse/pulse-labels';
import { postingsArb, NOW, screenAndViewportArb } from './planner-arbitraries';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';
import { allItems, overflowProblems } from './plan-checks';
import { oracleMinGlyphPx } from '../../support/legibility-oracle';
import { fontWidthPx } from '../../support/text-width-model';

const RUNS = 150;

const countsArb: fc.Arbitrary<TradeCounts> = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }) },
      { weight: 1, arbitrary: fc.integer({ min: 100, max: 250_000 }) },
    ),
    {
      minLength: OCCUPATION_CODES.length,
      maxLength: OCCUPATION_CODES.length,
    },
  )
  .map((ns) => Object.fromEntries(OCCUPATION_CODES.map((o, i) => [o, ns[i]!])));

const pulseArb = fc
  .record({
    demand: countsArb,
    seekers: countsArb,
    minDemand: fc.integer({ min: 1, max: 20 }),
    windowDays: fc.integer({ min: 1, max: 365 }),
    yearAgo: fc.option(fc.record({ demand: countsArb, seekers: countsArb }), { nil: null }),
  })
  .map((r) => computeMarketPulse({ ...r, now: NOW }));

/** A wall with room to spare: the pulse page must fit on it. */
const roomyArb = fc
  .record({
    panel: fc.constantFrom({ width: 1920, height: 1080 }, { width: 3840, height: 2160 }, { width: 2560, height: 1440 }),
    layout: fc.constantFrom('cards' as const, 'table' as const),
    locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    viewingDistanceM: fc.constantFrom(3, 5, 8),
  })
  .map(({ panel, layout, locale, viewingDistanceM }) => ({
    screen: {
      ...DEFAULT_SCREEN,
      ...panel,
      pitchMm: 2.5,
      viewingDistanceM,
      layout,
      locale,
      legibilityRule: 'ada' as const,
    },
    viewport: undefined,
  }));

const inputArb = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      sv: screenAndViewportArb,
      postings: postingsArb(120),
      pulse: pulseArb,
      roomy: fc.constant(false),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ sv: roomyArb, postings: postingsArb(120), pulse: pulseArb, roomy: fc.constant(true) }),
  },
);
type Raw = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function toInput({ sv, postings, pulse }: Raw, pulsePage = true): PlanInput {
  return {
    screen: { ...sv.screen, pulsePage },
    ...(sv.viewport ? { viewport: sv.viewport } : {}),
    postings,
    now: NOW,
    dataUpdatedAt: NOW - 60_000,
    pulse,
  };
}

describe('planBoard with the market-pulse page', () => {
  it('adds exactly one pulse page to a cards or table rotation, or warns that it does not fit', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const plan = planBoard(toInput(raw));
        const pulses = plan.pages.filter((p) => p.pulse);
        expect(pulses.length).toBeLessThanOrEqual(1);
        expect(plan.warnings.includes('pulse-page-does-not-fit')).toBe(pulses.length === 0);
        if (plan.layout === 'ticker') expect(pulses).toHaveLength(0);
        // a roomy wall always has it
        if (raw.roomy) expect(pulses).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('reaches the pulse page in a good share of the generated inputs', () => {
    const SAMPLE = 300;
    const counts = new Map<string, number>();
    for (const raw of fc.sample(inputArb, { numRuns: SAMPLE, seed: 20250602 })) {
      const plan = planBoard(toInput(raw));
      const k = plan.pages.some((p) => p.pulse)
        ? `pulse page shown (${plan.layout})`
        : plan.layout === 'ticker'
          ? 'ticker: no pulse page'
          : `does not fit (${plan.layout})`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const lines = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `  ${k.padEnd(30, '.')} ${((100 * n) / SAMPLE).toFixed(1)}%`);
    console.log(`pulse property inputs (${SAMPLE} sampled):\n${lines.join('\n')}`);
    const shown = [...counts].filter(([k]) => k.startsWith('pulse page shown')).reduce((s, [, n]) => s + n, 0);
    expect(shown / SAMPLE).toBeGreaterThanOrEqual(0.4);
  });

  it('still shows every posting once per cycle, fits every box, keeps text at the minimum or above and parses', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const plan = planBoard(input);
        const without = planBoard(toInput(raw, false));
        expect(allItems(plan).map((i) => i.id)).toEqual(allItems(without).map((i) => i.id));
        expect(plan.totalItems).toBe(without.totalItems);
        expect(overflowProblems(plan)).toEqual([]);
        expect(BoardPlanSchema.parse(plan)).toEqual(plan);
        let at = 0;
        for (const page of plan.pages) {
          expect(page.startMs).toBe(at);
          at += page.dwellMs;
        }
        expect(plan.cycleMs).toBe(at);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the pulse page within the screen dwell bounds and lists the ranked trades first, in rank order', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const page = planBoard(input).pages.find((p) => p.pulse);
        // checked where the page is there; the roomy share guarantees it often is
        fc.pre(page?.pulse !== undefined);
        if (!page?.pulse) return;
        expect(page.dwellMs).toBeGreaterThanOrEqual(input.screen.minDwellS * 1000);
        expect(page.dwellMs).toBeLessThanOrEqual(Math.max(input.screen.minDwellS, input.screen.maxDwellS) * 1000);
        const expected = pulseRows(raw.pulse, input.screen.filter.occupations);
        const shown = page.pulse.rows.map((r) => r.occupation);
        expect(shown).toEqual(expected.slice(0, shown.length).map((t) => t.occupation));
        expect(shown.length).toBeLessThanOrEqual(PULSE_MAX_ROWS);
        expect(page.pulse.empty !== null).toBe(expected.length === 0);
        const flags = page.pulse.rows.map((r) => r.shortage);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves a plan byte for byte as it was when the screen does not ask for the pulse page', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const { pulse: _pulse, ...bare } = toInput(raw, false);
        const plain = planBoard(bare);
        expect(JSON.stringify(planBoard(toInput(raw, false)))).toBe(JSON.stringify(plain));
        expect(plain.pages.some((p) => p.pulse)).toBe(false);
        expect(plain.warnings).not.toContain('pulse-page-does-not-fit');
      }),
      { numRuns: 60 },
    );
  });

  const handPulse = (minSeekers?: number) =>
    computeMarketPulse({
      demand: { construction: 15, delivery: 8, driving: 6, moving: 3, catering: 5 },
      seekers: { construction: 2, driving: 2, moving: 1, catering: 5, cleaning: 4 },
      totalSeekers: 13,
      minDemand: 5,
      ...(minSeekers !== undefined ? { minSeekers } : {}),
      now: NOW,
    });
  const pulsePageOf = (pulse: ReturnType<typeof computeMarketPulse>) =>
    planBoard({
      // the 1920×1080 P2.5 wall read from 8 m, whatever the defaults become
      screen: { ...DEFAULT_SCREEN, width: 1920, height: 1080, pitchMm: 2.5, viewingDistanceM: 8, pulsePage: true },
      postings: [],
      now: NOW,
      dataUpdatedAt: null,
      pulse,
    }).pages.find((p) => p.pulse)!.pulse!;

  it('shows the hand-computed figures on a 1920×1080 wall read from 8 m', () => {
    const page = pulsePageOf(handPulse(2));
    const row = (occ: string) => page.rows.find((r) => r.occupation === occ)!.cells;
    const col = (key: string) => page.columns.findIndex((c) => c.key === key);
    expect(page.rows.map((r) => r.occupation)).toEqual(['construction', 'delivery', 'driving', 'catering', 'moving']);
    expect(row('construction')[col('trade')]).toBe(tradeLabel('construction', 'zh-CN'));
    expect(row('construction')[col('ratio')]).toBe('7.50');
    expect(row('construction')[col('gap')]).toBe('+13人');
    expect(row('delivery')[col('ratio')]).toBe('供不应求');
    expect(row('moving')[col('ratio')]).toBe('—');
    expect(row('moving')[col('rank')]).toBe('—');
    expect(page.summary).toContain('今日需求 37人');
    expect(page.summary).toContain('2.85');
  });

  it('shows a public ratio only where demand and seekers both reach their minimum, else 供不应求', () => {
    // default minimum: 5 seekers. 15 jobs for 2 seekers is not a ratio of 7.50 a wall should print.
    const page = pulsePageOf(handPulse());
    const ratio = (occ: string) =>
      page.rows.find((r) => r.occupation === occ)!.cells[page.columns.findIndex((c) => c.key === 'ratio')];
    expect(ratio('construction')).toBe('供不应求');
    expect(ratio('driving')).toBe('供不应求');
    expect(ratio('delivery')).toBe('供不应求');
    expect(ratio('catering')).toBe('1.00');
    expect(ratio('moving')).toBe('—');
    expect(page.summary).toContain('2.85');
    expect(page.note).toContain('求职不足5人');
  });

  it('fills a 1920×1080 wall with larger text when its rows leave room, columns sized to their content', () => {
    const page = pulsePageOf(handPulse());
    const m = oracleMinGlyphPx(DEFAULT_SCREEN);
    expect(page.bodyPx).toBeGreaterThan(m);
    // columns no wider than their widest text plus a little air (0.6 em inside, 1.5 em of growth, rounding)
    for (const c of page.columns) {
      const font = c.key === 'trade' ? page.titlePx : page.bodyPx;
      const widest = Math.max(
        fontWidthPx(c.label, page.bodyPx),
        ...page.rows.map((r) => fontWidthPx(r.cells[page.columns.indexOf(c)]!, font)),
      );
      expect(c.widthPx).toBeLessThanOrEqual(widest + 2.5 * page.bodyPx);
      expect(c.widthPx).toBeGreaterThanOrEqual(widest + 0.5 * page.bodyPx);
    }
  });
});
