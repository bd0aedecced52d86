import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBoard, type PlanInput } from '../../../shared/planner/board-planner';
import { BoardPlanSchema, type BoardPlan } from '../../../shared/schemas/board-plan';
import { BOARD_LAYOUTS, DEFAULT_SCREEN, maxCycleMsOf } from '../../../shared/schemas/screen';
import { LEGIBILITY_CASES, domainHeightBracketMm } from '../../support/legibility-oracle';
import { postingsArb, NOW, screenAndViewportArb } from './planner-arbitraries';
import { HALL_TEXT_DEFAULTS, maskedPhoneText } from '../../../shared/planner/hall-line';
import { textWidthPx } from '../../../shared/planner/text-measure';
import { allItems, overflowProblems } from './plan-checks';

const RUNS = 150;

/** hall.json as halls fill it in: any part may be missing or empty. */
const hallArb = fc.record(
  {
    name: fc.constantFrom('', '上饶市零工市场', '信州区零工驿站', '上饶市人力资源服务产业园零工市场'),
    hotline: fc.constantFrom('', '0793-8208000', '12333'),
    callToAction: fc.constantFrom('', '到自助机报名', '扫码或到自助机报名求职'),
    maskedPhoneText: fc.constantFrom('', '电话请到服务窗口咨询', '请到3号窗口'),
  },
  { requiredKeys: [] },
);

const inputArb = fc.record({
  sv: screenAndViewportArb,
  postings: postingsArb(300),
  nowOffset: fc.integer({ min: -3_600_000, max: 3_600_000 }),
  anchorMs: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: undefined }),
  hall: fc.option(hallArb, { nil: undefined }),
});

type RawInput = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function toInput({ sv, postings, nowOffset, anchorMs, hall }: RawInput): PlanInput {
  return {
    ...(hall ? { hall } : {}),
    screen: sv.screen,
    ...(sv.viewport ? { viewport: sv.viewport } : {}),
    postings,
    now: NOW + nowOffset,
    dataUpdatedAt: NOW - 60_000,
    ...(anchorMs !== undefined ? { anchorMs } : {}),
  };
}

/** What the screen should show, computed the plain way: filter and validity, nothing else. */
function expectedIds(input: PlanInput): string[] {
  const { occupations, districts } = input.screen.filter;
  return input.postings
    .filter((l) => occupations.length === 0 || occupations.includes(l.occupation))
    .filter((l) => districts.length === 0 || districts.includes(l.districtCode))
    .filter((l) => Date.parse(l.validFrom) <= input.now && input.now < Date.parse(l.validUntil))
    .map((l) => l.id)
    .sort();
}

function viewportOf(input: PlanInput) {
  return input.viewport ?? { width: input.screen.width, height: input.screen.height };
}

/** Every font size a plan sets, each at least `floor`. */
function expectNothingBelow(plan: BoardPlan, floor: number): void {
  const g = plan.geometry;
  const sizes: Record<string, number> = { body: g.bodyPx, title: g.titlePx, header: g.headerPx };
  if (g.bottomBand)
    Object.assign(sizes, { urgentBand: g.bottomBand.urgentFontPx, noticeBand: g.bottomBand.noticeFontPx });
  for (const page of plan.pages)
    if (page.pulse) Object.assign(sizes, { pulseBody: page.pulse.bodyPx, pulseTitle: page.pulse.titlePx });
  for (const [what, px] of Object.entries(sizes)) expect(px, `${what} text`).toBeGreaterThanOrEqual(floor);
  expect(g.titlePx).toBeGreaterThanOrEqual(g.bodyPx);
}

/** What kind of plan a generated input makes, for the distribution printed below. */
function kind(plan: BoardPlan): string {
  const postings = plan.pages.some((p) => p.items.length > 0);
  if (plan.warnings.includes('screen-too-small')) return 'screen too small';
  if (!postings) return `${plan.layout}, no postings`;
  const degraded = plan.warnings.includes('layout-degraded-to-ticker') ? ' (degraded)' : '';
  const many = plan.pages.length > 1 ? 'pages' : 'one page';
  return `${plan.layout}${degraded}, ${many}`;
}

/** Checks `check` against RUNS generated inputs, each with the plan planBoard makes of it. */
function forEveryPlan(check: (input: PlanInput, plan: BoardPlan) => void): void {
  fc.assert(
    fc.property(inputArb, (raw) => {
      const input = toInput(raw);
      check(input, planBoard(input));
    }),
    { numRuns: RUNS },
  );
}

describe('planBoard properties', () => {
  it('shows every matching, valid posting exactly once per cycle, and says why when it shows none', () => {
    forEveryPlan((input, plan) => {
      const shown = allItems(plan)
        .map((i) => i.id)
        .sort();
      const expected = expectedIds(input);
      expect(plan.totalItems).toBe(expected.length);
      if (plan.warnings.includes('screen-too-small')) {
        expect(plan.pages).toEqual([]);
        // ... and the screen really is too small: one line of text at the minimum glyph and
        // DOMAIN.md's tightest line height (1.35) would not fit, or not eight characters of it.
        const vp = viewportOf(input);
        const m = plan.geometry.minGlyphPx;
        expect(
          vp.height < 1.7 * m || vp.width < 8 * m,
          `${vp.width}×${vp.height} called too small for ${m} px text`,
        ).toBe(true);
      } else {
        expect(shown).toEqual(expected);
      }
      // A plan with no page has a reason the board can show: no postings, or the warning.
      if (plan.pages.length === 0)
        expect(expected.length === 0 || plan.warnings.includes('screen-too-small')).toBe(true);
    });
  });

  it('orders each cycle urgent first, then 日结, then newest first', () => {
    forEveryPlan((input, plan) => {
      const byId = new Map(input.postings.map((l) => [l.id, l]));
      const rank = (id: string) => {
        const l = byId.get(id)!;
        return [l.urgent ? 0 : 1, l.settlement === 'daily' ? 0 : 1, -Date.parse(l.validFrom)] as const;
      };
      const ids = allItems(plan).map((i) => i.id);
      for (let i = 1; i < ids.length; i++) {
        const a = rank(ids[i - 1]!);
        const b = rank(ids[i]!);
        const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
        expect(cmp).toBeLessThanOrEqual(0);
      }
    });
  });

  it('uses the hand-computed minimum glyph of every oracle row, and never draws text below it', () => {
    const rowArb = fc.record({
      row: fc.constantFrom(...LEGIBILITY_CASES),
      layout: fc.constantFrom(...BOARD_LAYOUTS),
      postings: postingsArb(60),
      locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    });
    fc.assert(
      fc.property(rowArb, ({ row, layout, postings, locale }) => {
        const screen = {
          ...DEFAULT_SCREEN,
          width: row.width,
          height: row.height,
          pitchMm: row.pitchMm,
          viewingDistanceM: row.viewingDistanceM,
          legibilityRule: row.legibilityRule,
          layout,
          locale,
        };
        const plan = planBoard({ screen, viewport: row.viewport, postings, now: NOW, dataUpdatedAt: NOW - 60_000 });
        expect(plan.geometry.minGlyphPx).toBe(row.minGlyphPx);
        expectNothingBelow(plan, row.minGlyphPx);
      }),
      { numRuns: RUNS },
    );
    // every row is reachable in a handful of runs: there are few rows
    expect(LEGIBILITY_CASES.length).toBeGreaterThan(40);
  });

  it('keeps text physically as tall as DOMAIN.md’s table asks on any screen, and no taller than needed', () => {
    forEveryPlan((input, plan) => {
      const vp = viewportOf(input);
      const { screen } = input;
      // each CSS px covers this many mm of the wall (README: the wall's size is kept)
      const pitch = Math.min((screen.width * screen.pitchMm) / vp.width, (screen.height * screen.pitchMm) / vp.height);
      const m = plan.geometry.minGlyphPx;
      const { atLeastMm, atMostMm } = domainHeightBracketMm(screen.viewingDistanceM, screen.legibilityRule);
      expect(plan.effectivePitchMm).toBeCloseTo(pitch, 9);
      expect(m).toBeGreaterThanOrEqual(16);
      // the table prints whole mm: half a millimetre either way is its own rounding
      expect(m * pitch).toBeGreaterThanOrEqual(atLeastMm - 0.5);
      if (m > 16) expect((m - 1) * pitch).toBeLessThan(atMostMm + 0.5);
      expectNothingBelow(plan, m);
      expect(plan.geometry.lineHeight).toBeGreaterThanOrEqual(1.35);
      expect(plan.geometry.lineHeight).toBeLessThanOrEqual(1.7);
    });
  });

  it('fits every box in the viewport and every pre-cut string in its box', () => {
    forEveryPlan((_, plan) => {
      expect(overflowProblems(plan)).toEqual([]);
    });
  });

  it('never cuts a trade that fits its card, says 日结 once, and shows the hall sentence for a masked phone', () => {
    forEveryPlan((input, plan) => {
      const byId = new Map(input.postings.map((l) => [l.id, l]));
      const sentence = maskedPhoneText(input.hall, input.screen.locale);
      const g = plan.geometry;
      for (const it of allItems(plan)) {
        const posting = byId.get(it.id)!;
        if (posting.maskPhone) expect(it.phone).toBe(sentence);
        if (!g.cards) continue;
        const inner = g.cards.cardWidthPx - 2 * Math.round(g.bodyPx * 0.4);
        // by the planner's own measure: the badges moved aside, the title had the whole line
        if (textWidthPx(posting.title, g.titlePx) <= inner) expect(it.title).toBe(posting.title);
      }
    });
  });

  it("puts the hall's line in the header: what to do next always, then hotline, then name, each whole", () => {
    forEveryPlan((input, plan) => {
      if (plan.layout === 'ticker') {
        expect(plan.headerLine).toBe('');
        return;
      }
      const hall = input.hall ?? {};
      const parts = [
        hall.name || null,
        hall.hotline ? `${HALL_TEXT_DEFAULTS[input.screen.locale].hotline} ${hall.hotline}` : null,
        hall.callToAction || HALL_TEXT_DEFAULTS[input.screen.locale].callToAction,
      ].filter((x): x is string => x !== null);
      // a suffix of the parts, in order: the name goes first, the call to action last
      const suffixes = parts.map((_, i) => parts.slice(i).join(' · '));
      expect([...suffixes, '']).toContain(plan.headerLine);
    });
  });

  it('keeps the bottom bands of a live urgent banner and notice clear, and still shows every posting once', () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), fc.boolean(), (raw, urgent, notice) => {
        const input = { ...toInput(raw), bands: { urgent, notice } };
        const plan = planBoard(input);
        const without = planBoard({ ...input, bands: { urgent: false, notice: false } });
        const band = plan.geometry.bottomBand;
        if (band) {
          expect(band.urgentHeightPx > 0).toBe(urgent);
          expect(band.noticeHeightPx > 0).toBe(notice);
        } else if (urgent || notice) {
          // Bands that would cost the screen its layout are not reserved: the plan is the plain one.
          expect(plan.planId).toBe(without.planId);
        }
        expect(overflowProblems(plan)).toEqual([]);
        expect(
          allItems(plan)
            .map((i) => i.id)
            .sort(),
        ).toEqual(
          allItems(without)
            .map((i) => i.id)
            .sort(),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same input, in any order, gives the same plan byte for byte', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (raw, seed) => {
        const input = toInput(raw);
        const a = planBoard(input);
        const b = planBoard(input);
        const shuffled = [...input.postings].sort(
          (x, y) => (hash(x.id, seed) - hash(y.id, seed)) | 0 || (x.id < y.id ? -1 : 1),
        );
        const c = planBoard({ ...input, postings: shuffled });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it('produces plans that parse with BoardPlanSchema and lay pages end to end', () => {
    forEveryPlan((input, plan) => {
      expect(BoardPlanSchema.parse(plan)).toEqual(plan);
      let at = 0;
      plan.pages.forEach((page, i) => {
        expect(page.index).toBe(i);
        expect(page.startMs).toBe(at);
        at += page.dwellMs;
      });
      expect(plan.cycleMs).toBe(at);
      expect(plan.warnings.includes('cycle-too-long')).toBe(plan.cycleMs > maxCycleMsOf(input.screen));
    });
  });

  it('keeps every cards and table page within the screen dwell bounds', () => {
    forEveryPlan((input, plan) => {
      if (plan.layout === 'ticker') return;
      for (const page of plan.pages) {
        expect(page.dwellMs).toBeGreaterThanOrEqual(input.screen.minDwellS * 1000);
        expect(page.dwellMs).toBeLessThanOrEqual(input.screen.maxDwellS * 1000);
      }
    });
  });
});

describe('the generated inputs', () => {
  const counts = new Map<string, number>();
  const SAMPLE = 600;
  afterAll(() => {
    // Printed once, so the next reader sees what the properties above were run on.
    const lines = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `  ${k.padEnd(34, '.')} ${((100 * n) / SAMPLE).toFixed(1)}%`);
    console.log(`planner property inputs (${SAMPLE} sampled):\n${lines.join('\n')}`);
  });

  it('reach card and table plans with pages most of the time', () => {
    for (const raw of fc.sample(inputArb, { numRuns: SAMPLE, seed: 20250602 })) {
      const k = kind(planBoard(toInput(raw)));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const share = (test: (k: string) => boolean) =>
      [...counts].filter(([k]) => test(k)).reduce((s, [, n]) => s + n, 0) / SAMPLE;
    // cards and table with postings on them, and with more than one page of them
    expect(share((k) => /^(cards|table), (one page|pages)/.test(k))).toBeGreaterThanOrEqual(0.5);
    expect(share((k) => k === 'cards, pages')).toBeGreaterThanOrEqual(0.15);
    expect(share((k) => k === 'table, pages')).toBeGreaterThanOrEqual(0.07);
    expect(share((k) => k === 'screen too small')).toBeLessThanOrEqual(0.1);
    expect(share((k) => k.startsWith('ticker'))).toBeGreaterThan(0);
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
