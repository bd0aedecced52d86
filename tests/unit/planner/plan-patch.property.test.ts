/**
 * Live changes as patches: for any postings, screen and change (postings added, removed, edited,
 * bands, time), the patch the host writes from the old plan's pieces, applied by a page to the
 * old plan it holds, gives exactly the new plan — the same object and the same JSON. And the
 * pieces the host keeps put together the exact JSON of the plan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBoardCoded } from '../../../shared/planner/board-planner';
import { planJson } from '../../../shared/planner/page-codec';
import { applyPlanPatch, planPatchJson, PlanPatchError } from '../../../shared/planner/plan-patch';
import { BoardPlanSchema, PlanPatchSchema } from '../../../shared/schemas/board-plan';
import type { Posting } from '../../../shared/schemas/posting';
import { postingsArb, NOW, screenAndViewportArb } from './planner-arbitraries';

const changeArb = fc.record({
  added: postingsArb(12),
  removeEvery: fc.integer({ min: 0, max: 9 }),
  editEvery: fc.integer({ min: 0, max: 9 }),
  later: fc.integer({ min: 0, max: 3 * 3_600_000 }),
  urgent: fc.boolean(),
  notice: fc.boolean(),
});

describe('plan patches', () => {
  it('applied to the base plan, give exactly the new plan', () => {
    fc.assert(
      fc.property(screenAndViewportArb, postingsArb(80), changeArb, (sv, postings, change) => {
        const viewport = sv.viewport ? { viewport: sv.viewport } : {};
        const base = planBoardCoded({
          screen: sv.screen,
          ...viewport,
          postings,
          now: NOW,
          dataUpdatedAt: NOW - 60_000,
          bands: { urgent: false, notice: false },
        });
        const kept: Posting[] = postings
          .filter((_, i) => change.removeEvery === 0 || i % change.removeEvery !== 0)
          .map((l, i) =>
            change.editEvery > 0 && i % change.editEvery === 0
              ? { ...l, headcount: l.headcount + 1, revision: l.revision + 1 }
              : l,
          );
        const added = change.added.map((l, i) => ({ ...l, id: `added-${i}` }));
        const next = planBoardCoded({
          screen: sv.screen,
          ...viewport,
          postings: [...kept, ...added],
          now: NOW + change.later,
          dataUpdatedAt: NOW,
          bands: { urgent: change.urgent, notice: change.notice },
        });
        expect(planJson(base)).toBe(JSON.stringify(base.plan));
        expect(planJson(next)).toBe(JSON.stringify(next.plan));

        // the page holds the base as it arrived (parsed from the wire) and gets the patch the same way
        const held = BoardPlanSchema.parse(JSON.parse(planJson(base)));
        const patchText = planPatchJson(base, next);
        const applied = applyPlanPatch(held, PlanPatchSchema.parse(JSON.parse(patchText)));
        expect(applied).toEqual(next.plan);
        // byte for byte too, applied to the plan as sent (zod's parse orders keys its own way)
        expect(JSON.stringify(applyPlanPatch(JSON.parse(planJson(base)), JSON.parse(patchText)))).toBe(
          JSON.stringify(next.plan),
        );
        // and the plan the page made is a valid plan
        expect(BoardPlanSchema.safeParse(applied).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('are refused by a page that holds another plan, or one they do not fit', () => {
    const screen = screenAndViewportArb;
    fc.assert(
      fc.property(screen, postingsArb(30), (sv, postings) => {
        const a = planBoardCoded({ screen: sv.screen, postings, now: NOW, dataUpdatedAt: null });
        const b = planBoardCoded({ screen: sv.screen, postings: postings.slice(1), now: NOW, dataUpdatedAt: null });
        const patch = PlanPatchSchema.parse(JSON.parse(planPatchJson(a, b)));
        expect(() => applyPlanPatch({ ...a.plan, planId: 'other' }, patch)).toThrow(PlanPatchError);
        expect(() => applyPlanPatch(a.plan, { ...patch, pageCount: patch.pageCount + 1 })).toThrow(PlanPatchError);
        expect(() =>
          applyPlanPatch(a.plan, { ...patch, pages: [[a.plan.pages.length, 1] as [number, number]], pageCount: 1 }),
        ).toThrow(PlanPatchError);
      }),
      { numRuns: 40 },
    );
  });

  it('carry an unchanged plan as one run of the base’s pages', () => {
    fc.assert(
      fc.property(screenAndViewportArb, postingsArb(60), (sv, postings) => {
        const a = planBoardCoded({ screen: sv.screen, postings, now: NOW, dataUpdatedAt: null });
        const b = planBoardCoded({ screen: sv.screen, postings, now: NOW + 1, dataUpdatedAt: null });
        const patch = PlanPatchSchema.parse(JSON.parse(planPatchJson(a, b)));
        expect(b.plan.planId).toBe(a.plan.planId);
        expect(patch.set).toEqual({ generatedAt: NOW + 1 });
        expect(patch.pages).toEqual(a.plan.pages.length > 0 ? [[0, a.plan.pages.length]] : []);
      }),
      { numRuns: 40 },
    );
  });
});
