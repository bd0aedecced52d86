import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBoard, type PlanInput } from '../../../shared/planner/board-planner';
import { BoardPlanSchema } from '../../../shared/schemas/board-plan';
import { minCharHeightMm } from '../../../shared/legibility';
import { listingsArb, NOW, screenAndViewportArb } from './planner-arbitraries';
import { allItems, overflowProblems } from './plan-checks';

const RUNS = 150;

const inputArb = fc.record({
  sv: screenAndViewportArb,
  listings: listingsArb(300),
  nowOffset: fc.integer({ min: -3_600_000, max: 3_600_000 }),
  anchorMs: fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: undefined }),
});

type RawInput = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function toInput({ sv, listings, nowOffset, anchorMs }: RawInput): PlanInput {
  return {
    screen: sv.screen,
    ...(sv.viewport ? { viewport: sv.viewport } : {}),
    listings,
    now: NOW + nowOffset,
    dataUpdatedAt: NOW - 60_000,
    ...(anchorMs !== undefined ? { anchorMs } : {}),
  };
}

/** What the screen should show, computed the plain way: filter and validity, nothing else. */
function expectedIds(input: PlanInput): string[] {
  const { occupations, districts } = input.screen.filter;
  return input.listings
    .filter((l) => occupations.length === 0 || occupations.includes(l.occupation))
    .filter((l) => districts.length === 0 || districts.includes(l.districtCode))
    .filter((l) => Date.parse(l.validFrom) <= input.now && input.now < Date.parse(l.validUntil))
    .map((l) => l.id)
    .sort();
}

function viewportOf(input: PlanInput) {
  return input.viewport ?? { width: input.screen.width, height: input.screen.height };
}

describe('planBoard properties', () => {
  it('shows every matching, valid posting exactly once per cycle (or nothing on a too-small screen)', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const plan = planBoard(input);
        const shown = allItems(plan).map((i) => i.id).sort();
        if (plan.warnings.includes('screen-too-small')) {
          expect(plan.pages).toEqual([]);
        } else {
          expect(shown).toEqual(expectedIds(input));
        }
        expect(plan.totalItems).toBe(expectedIds(input).length);
      }),
      { numRuns: RUNS },
    );
  });

  it('orders each cycle urgent first, then 日结, then newest first', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const byId = new Map(input.listings.map((l) => [l.id, l]));
        const rank = (id: string) => {
          const l = byId.get(id)!;
          return [l.urgent ? 0 : 1, l.settlement === 'daily' ? 0 : 1, -Date.parse(l.validFrom)] as const;
        };
        const ids = allItems(planBoard(input)).map((i) => i.id);
        for (let i = 1; i < ids.length; i++) {
          const a = rank(ids[i - 1]!);
          const b = rank(ids[i]!);
          const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
          expect(cmp).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never sets text below the legibility minimum, which follows the DOMAIN.md formula', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const plan = planBoard(input);
        const vp = viewportOf(input);
        const { screen } = input;
        const pitch = Math.min((screen.width * screen.pitchMm) / vp.width, (screen.height * screen.pitchMm) / vp.height);
        const needMm = minCharHeightMm(screen.viewingDistanceM, screen.legibilityRule);
        const g = plan.geometry;
        expect(plan.effectivePitchMm).toBeCloseTo(pitch, 9);
        expect(g.minGlyphPx).toBe(Math.max(16, Math.ceil(needMm / pitch - 1e-9)));
        // The glyph is physically tall enough, and one pixel less would not be (unless 16 px rules).
        expect(g.minGlyphPx * pitch).toBeGreaterThanOrEqual(needMm - 1e-6);
        if (g.minGlyphPx > 16) expect((g.minGlyphPx - 1) * pitch).toBeLessThan(needMm + 1e-6);
        expect(g.bodyPx).toBeGreaterThanOrEqual(g.minGlyphPx);
        expect(g.titlePx).toBeGreaterThanOrEqual(g.bodyPx);
        expect(g.headerPx).toBeGreaterThanOrEqual(g.minGlyphPx);
        expect(g.lineHeight).toBeGreaterThanOrEqual(1.35);
        expect(g.lineHeight).toBeLessThanOrEqual(1.7);
      }),
      { numRuns: RUNS },
    );
  });

  it('fits every box in the viewport and every pre-cut string in its box', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const plan = planBoard(toInput(raw));
        expect(overflowProblems(plan)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
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
        expect(allItems(plan).map((i) => i.id).sort()).toEqual(allItems(without).map((i) => i.id).sort());
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
        const shuffled = [...input.listings].sort((x, y) => ((hash(x.id, seed) - hash(y.id, seed)) | 0) || (x.id < y.id ? -1 : 1));
        const c = planBoard({ ...input, listings: shuffled });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it('produces plans that parse with BoardPlanSchema and lay pages end to end', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const plan = planBoard(toInput(raw));
        expect(BoardPlanSchema.parse(plan)).toEqual(plan);
        let at = 0;
        plan.pages.forEach((page, i) => {
          expect(page.index).toBe(i);
          expect(page.startMs).toBe(at);
          at += page.dwellMs;
        });
        expect(plan.cycleMs).toBe(at);
        expect(plan.warnings.includes('cycle-too-long')).toBe(plan.cycleMs > 180_000);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every cards and table page within the screen dwell bounds', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const plan = planBoard(input);
        if (plan.layout === 'ticker') return;
        for (const page of plan.pages) {
          expect(page.dwellMs).toBeGreaterThanOrEqual(input.screen.minDwellS * 1000);
          expect(page.dwellMs).toBeLessThanOrEqual(input.screen.maxDwellS * 1000);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
