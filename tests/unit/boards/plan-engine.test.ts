import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlanEngine, minuteOf } from '../../../electron/host/boards/plan-engine';
import { planBoard, planBoardWithJson } from '../../../shared/planner/board-planner';
import { applyPlanPatch } from '../../../shared/planner/plan-patch';
import { BoardPlanSchema, PlanPatchSchema } from '../../../shared/schemas/board-plan';
import { BOARD_NAMESPACE } from '../../../shared/contract';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../../shared/schemas/screen';
import { DAY, HOUR, NOW, iso, makePosting } from '../db/fixtures';
import { planJob } from '../../fixtures/plan-job';
import { postingsArb, NOW as ARB_NOW, screenAndViewportArb } from '../planner/planner-arbitraries';

const drivers: ScreenProfile = { ...DEFAULT_SCREEN, id: 'drive', filter: { occupations: ['driving'], districts: [] } };
const cleaners: ScreenProfile = {
  ...DEFAULT_SCREEN,
  id: 'clean',
  filter: { occupations: ['cleaning'], districts: [] },
};
const job = planJob;
const decode = (packet: Uint8Array | null) => (packet ? new TextDecoder().decode(packet) : null);
const old = (ms: number) => ({ validFrom: iso(NOW - 2 * DAY), validUntil: iso(NOW + ms) });

describe('plan engine', () => {
  it('sends each plan as the exact `plan` event socket.io would write for planBoard’s plan', () => {
    const postings = [
      makePosting({ id: 'a', ...old(DAY) }),
      makePosting({ id: 'b', occupation: 'cleaning', ...old(DAY) }),
    ];
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const [r] = engine.plan({ now: NOW, dataUpdatedAt: NOW - 5000, jobs: [job(drivers)] });
    const plan = planBoard({
      screen: drivers,
      postings,
      now: NOW,
      dataUpdatedAt: minuteOf(NOW - 5000),
      bands: { urgent: false, notice: false },
    });
    expect(decode(r!.full)).toBe(`42${BOARD_NAMESPACE},["plan",${JSON.stringify(plan)}]`);
    expect(r!.summary).toMatchObject({ planId: plan.planId, totalItems: 1, screenId: 'drive' });
  });

  it('reuses a plan while nothing it depends on changed, and sends nothing the host already has', () => {
    const engine = new PlanEngine();
    engine.apply({ upserts: [makePosting({ id: 'a', ...old(DAY) })], removes: [] });
    const [first] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    expect(first!.computed).toBe(true);
    const [again] = engine.plan({
      now: NOW + 10_000,
      dataUpdatedAt: NOW + 1000,
      jobs: [job(drivers, first!.summary.planId)],
    });
    expect(again).toMatchObject({ computed: false, full: null, patch: null });
    // a host that lost its copy gets the cached plan without a re-plan
    const [resent] = engine.plan({ now: NOW + 10_000, dataUpdatedAt: NOW + 1000, jobs: [job(drivers, null)] });
    expect(resent!.computed).toBe(false);
    expect(decode(resent!.full)).toBe(decode(first!.full));
    // a page that joined gets the whole plan the host holds, still without a re-plan
    const [joined] = engine.plan({
      now: NOW + 10_000,
      dataUpdatedAt: NOW + 1000,
      jobs: [job(drivers, first!.summary.planId, { full: 'yes' })],
    });
    expect(joined).toMatchObject({ computed: false, patch: null });
    expect(decode(joined!.full)).toBe(decode(first!.full));
    expect(engine.computed).toBe(1);
  });

  it('re-plans only the screens whose filter matches the changed posting (old or new version)', () => {
    const engine = new PlanEngine();
    const a = makePosting({ id: 'a', ...old(DAY) });
    engine.apply({ upserts: [a, makePosting({ id: 'c', occupation: 'cleaning', ...old(DAY) })], removes: [] });
    const jobs = [job(drivers), job(cleaners)];
    engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs });
    engine.apply({ upserts: [makePosting({ id: 'd2', ...old(DAY) })], removes: [] });
    const after = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs });
    expect(after.map((r) => r.computed)).toEqual([true, false]);
    // a posting that moves from driving to cleaning touches both
    engine.apply({ upserts: [{ ...a, occupation: 'cleaning', revision: 2 }], removes: [] });
    expect(engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs }).map((r) => r.computed)).toEqual([true, true]);
    engine.apply({ upserts: [], removes: ['c'] });
    expect(engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs }).map((r) => r.computed)).toEqual([false, true]);
  });

  it('re-plans when the bands or the screen change, not when only the data’s last update moved (the status event carries it)', () => {
    const engine = new PlanEngine();
    engine.apply({ upserts: [makePosting({ id: 'a', ...old(DAY) })], removes: [] });
    const minute = Math.floor(NOW / 60_000) * 60_000;
    engine.plan({ now: NOW, dataUpdatedAt: minute + 1000, jobs: [job(drivers)] });
    expect(engine.plan({ now: NOW, dataUpdatedAt: minute + 59_000, jobs: [job(drivers)] })[0]!.computed).toBe(false);
    expect(engine.plan({ now: NOW, dataUpdatedAt: minute + 60_000, jobs: [job(drivers)] })[0]!.computed).toBe(false);
    expect(
      engine.plan({
        now: NOW,
        dataUpdatedAt: minute + 60_000,
        jobs: [job(drivers, null, { bands: { urgent: true, notice: false } })],
      })[0]!.computed,
    ).toBe(true);
    expect(
      engine.plan({
        now: NOW,
        dataUpdatedAt: minute + 60_000,
        jobs: [job({ ...drivers, layout: 'table' }, null, { bands: { urgent: true, notice: false } })],
      })[0]!.computed,
    ).toBe(true);
  });

  it('knows when time alone changes a plan: a posting that starts, ends or stops being new', () => {
    const engine = new PlanEngine();
    engine.apply({
      upserts: [
        makePosting({ id: 'ends', ...old(5 * HOUR) }),
        makePosting({ id: 'fresh', validFrom: iso(NOW - 20 * HOUR), validUntil: iso(NOW + 9 * DAY) }),
        makePosting({ id: 'later', validFrom: iso(NOW + 7 * HOUR), validUntil: iso(NOW + 9 * DAY) }),
      ],
      removes: [],
    });
    const [r] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    expect(r!.horizon).toBe(NOW + 4 * HOUR); // "fresh" stops being new 24 h after it started
    expect(engine.plan({ now: NOW + 4 * HOUR - 1, dataUpdatedAt: NOW, jobs: [job(drivers)] })[0]!.computed).toBe(false);
    const [next] = engine.plan({ now: NOW + 4 * HOUR, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    expect(next).toMatchObject({ computed: true, horizon: NOW + 5 * HOUR });
    const [ended] = engine.plan({ now: NOW + 5 * HOUR, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    expect(ended!.summary.totalItems).toBe(1);
    expect(engine.size).toBe(2); // the expired posting is forgotten
  });

  it('plans what planBoard plans, for any postings and screen', () => {
    fc.assert(
      fc.property(screenAndViewportArb, postingsArb(60), (sv, postings) => {
        const engine = new PlanEngine();
        engine.apply({ reset: true, upserts: postings, removes: [] });
        const [r] = engine.plan({
          now: ARB_NOW,
          dataUpdatedAt: ARB_NOW - 120_000,
          jobs: [job(sv.screen, null, { viewport: sv.viewport ?? null })],
        });
        const plan = planBoard({
          screen: sv.screen,
          ...(sv.viewport ? { viewport: sv.viewport } : {}),
          postings,
          now: ARB_NOW,
          dataUpdatedAt: minuteOf(ARB_NOW - 120_000),
          bands: { urgent: false, notice: false },
        });
        expect(r!.summary.planId).toBe(plan.planId);
      }),
      { numRuns: 60 },
    );
  });
});

describe('plan patches', () => {
  it('sends a change as a patch from the plan the host holds, which applied to it gives the new plan', () => {
    const postings = Array.from({ length: 1000 }, (_, i) =>
      makePosting({ id: `p${String(i).padStart(4, '0')}`, ...old(DAY) }),
    );
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const [first] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers, null, { full: 'no' })] });
    // nothing to patch from: the whole plan
    expect(first!.patch).toBeNull();
    const base = BoardPlanSchema.parse(
      JSON.parse(decode(first!.full)!.slice(`42${BOARD_NAMESPACE},["plan",`.length, -1)),
    );
    // like the others (so the cards keep their size), and first in order (its id sorts first)
    const added = makePosting({ id: 'new-one', ...old(DAY) });
    engine.apply({ upserts: [added], removes: [] });
    const [next] = engine.plan({
      now: NOW + 1000,
      dataUpdatedAt: NOW + 1000,
      jobs: [job(drivers, base.planId, { full: 'no' })],
    });
    expect(next).toMatchObject({ computed: true, full: null });
    const patchText = decode(next!.patch)!;
    expect(patchText.startsWith(`42${BOARD_NAMESPACE},["plan-patch",`)).toBe(true);
    const patch = PlanPatchSchema.parse(JSON.parse(patchText.slice(`42${BOARD_NAMESPACE},["plan-patch",`.length, -1)));
    const want = planBoard({
      screen: drivers,
      postings: [...postings, added],
      now: NOW + 1000,
      dataUpdatedAt: minuteOf(NOW + 1000),
      bands: { urgent: false, notice: false },
    });
    expect(applyPlanPatch(base, patch)).toEqual(want);
    // one posting more on a wall of 1000: the patch writes out a few pages, not all of them
    expect(patch.pages.filter((op) => !Array.isArray(op)).length).toBeLessThan(want.pages.length / 2);
    expect(patchText.length).toBeLessThan(JSON.stringify(want).length / 2);
  });

  it('sends the whole plan when the host’s plan is not the one a patch can be made from, or a page of the group takes whole plans only', () => {
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: [makePosting({ id: 'a', ...old(DAY) })], removes: [] });
    const [first] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    engine.apply({ upserts: [makePosting({ id: 'b', ...old(DAY) })], removes: [] });
    const [unknownBase] = engine.plan({
      now: NOW,
      dataUpdatedAt: NOW,
      jobs: [job(drivers, 'not-a-plan', { full: 'no' })],
    });
    expect(unknownBase!.patch).toBeNull();
    expect(unknownBase!.full).not.toBeNull();
    engine.apply({ upserts: [makePosting({ id: 'c', ...old(DAY) })], removes: [] });
    const [both] = engine.plan({
      now: NOW,
      dataUpdatedAt: NOW,
      jobs: [job(drivers, unknownBase!.summary.planId, { full: 'if-changed' })],
    });
    expect(both!.patch).not.toBeNull();
    expect(both!.full).not.toBeNull();
    expect(first!.summary.planId).not.toBe(both!.summary.planId);
  });
});

describe('planBoardWithJson', () => {
  it('gives exactly JSON.stringify of the plan', () => {
    fc.assert(
      fc.property(screenAndViewportArb, postingsArb(40), fc.boolean(), fc.boolean(), (sv, postings, urgent, notice) => {
        const { plan, json } = planBoardWithJson({
          screen: sv.screen,
          ...(sv.viewport ? { viewport: sv.viewport } : {}),
          postings,
          now: ARB_NOW,
          dataUpdatedAt: null,
          bands: { urgent, notice },
        });
        expect(json).toBe(JSON.stringify(plan));
      }),
      { numRuns: 80 },
    );
  });
});

describe('plan engine: what proof of play is told', () => {
  it('gives a new plan’s rotation and page postings, and for a live change only the pages that changed', () => {
    const postings = Array.from({ length: 40 }, (_, i) =>
      makePosting({ id: `d-${String(i).padStart(2, '0')}`, ...old(DAY) }),
    );
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const [first] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers)] });
    const plan = BoardPlanSchema.parse(
      JSON.parse(
        decode(first!.full)!
          .replace(/^[^[]*\["plan",/, '')
          .slice(0, -1),
      ),
    );
    expect(first!.schedule).toEqual({
      planId: plan.planId,
      anchorMs: plan.anchorMs,
      cycleMs: plan.cycleMs,
      pages: plan.pages.map((p) => ({
        startMs: p.startMs,
        dwellMs: p.dwellMs,
        hash: expect.any(String),
        ids: p.items.map((i) => i.id),
      })),
    });
    expect(plan.pages.length).toBeGreaterThan(2);
    // one posting's title changes: its page comes with ids, every other by its hash alone
    const changedId = plan.pages[1]!.items[0]!.id;
    engine.apply({ upserts: [{ ...postings.find((p) => p.id === changedId)!, title: '夜班叉车司机' }], removes: [] });
    const [next] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers, plan.planId)] });
    const withIds = next!.schedule!.pages.flatMap((p, i) => (p.ids ? [i] : []));
    expect(withIds).toEqual([1]);
    expect(next!.schedule!.pages[1]!.ids).toContain(changedId);
    // unchanged: nothing to tell
    const [same] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(drivers, next!.summary.planId)] });
    expect(same!.schedule).toBeNull();
  });
});
