import { describe, expect, it } from 'vitest';
import { PlanEngine, type PlanJob } from '../../../electron/host/boards/plan-engine';
import { wallGroupOf } from '../../../electron/host/boards/board-service';
import { BoardPlanSchema, type BoardPlan } from '../../../shared/schemas/board-plan';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../../shared/schemas/screen';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import { DAY, NOW, iso, makePosting } from '../db/fixtures';

const wall = (id: string, extra: Partial<ScreenProfile> = {}): ScreenProfile => ({
  ...DEFAULT_SCREEN,
  id,
  name: `${id}号屏`,
  group: 'hall',
  ...extra,
});
const screens = [wall('3'), wall('1'), wall('2'), { ...DEFAULT_SCREEN, id: 'door', name: '门口' }];
const job = (screen: ScreenProfile): PlanJob => ({
  key: `${screen.id}@configured`,
  screen,
  viewport: null,
  bands: { urgent: false, notice: false },
  pulse: null,
  have: null,
  full: 'yes',
  group: wallGroupOf(screen, screens),
});
const live = { validFrom: iso(NOW - 2 * DAY), validUntil: iso(NOW + DAY) };
/** 240 postings over every trade, like the demo hall. */
const postings = Array.from({ length: 240 }, (_, i) =>
  makePosting({ id: `p${String(i).padStart(3, '0')}`, occupation: OCCUPATION_CODES[i % 15]!, ...live }),
);
const planOf = (bytes: Uint8Array | null): BoardPlan => {
  const text = new TextDecoder().decode(bytes!);
  return BoardPlanSchema.parse(JSON.parse(text.slice(text.indexOf('['))).at(1));
};

describe('wall groups in the plan engine', () => {
  it('finds a screen’s group by name, in id order, and no group for a screen that names none', () => {
    expect(wallGroupOf(screens[0]!, screens)!.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(wallGroupOf(screens[3]!, screens)).toBeNull();
  });

  it('splits once per data change for the whole group; each screen plans its share, together every posting once', () => {
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const grouped = screens.filter((s) => s.group);
    const results = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: grouped.map(job) });
    expect(engine.splitsComputed).toBe(1);
    const plans = results.map((r) => planOf(r.full));
    const ids = plans.flatMap((p) => p.pages.flatMap((pg) => pg.items.map((it) => it.id)));
    expect(ids.sort()).toEqual(postings.map((p) => p.id).sort());
    for (const [i, plan] of plans.entries()) {
      expect(plan.cycleMs).toBeLessThanOrEqual(150_000);
      expect(plan.warnings).not.toContain('cycle-too-long');
      expect(plan.group).toMatchObject({ groupId: 'hall', screens: 3, groupPostings: 240 });
      expect(plan.group!.line.startsWith('本屏：')).toBe(true);
      expect(results[i]!.summary).toMatchObject({
        maxCycleMs: 150_000,
        group: { groupId: 'hall', screens: 3, groupPostings: 240 },
      });
    }
    // one posting changes: every screen of the group re-plans, from one new split
    const changed = makePosting({ id: 'p007', occupation: 'driving', title: '货车司机', ...live });
    engine.apply({ upserts: [changed], removes: [] });
    const again = engine.plan({ now: NOW + 1000, dataUpdatedAt: NOW + 1000, jobs: grouped.map(job) });
    expect(engine.splitsComputed).toBe(2);
    expect(again.every((r) => r.computed)).toBe(true);
    // nothing changed: no split, no plan
    const still = engine.plan({ now: NOW + 2000, dataUpdatedAt: NOW + 1000, jobs: grouped.map(job) });
    expect(engine.splitsComputed).toBe(2);
    expect(still.some((r) => r.computed)).toBe(false);
  });

  it('plans the ungrouped screen as before: the whole set, and cycle-too-long past its 150 s target', () => {
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const [door] = engine.plan({ now: NOW, dataUpdatedAt: NOW, jobs: [job(screens[3]!)] });
    const plan = planOf(door!.full);
    expect(plan.totalItems).toBe(240);
    expect(plan.group).toBeNull();
    expect(plan.cycleMs).toBeGreaterThan(150_000);
    expect(plan.warnings).toContain('cycle-too-long');
    expect(engine.splitsComputed).toBe(0);
  });

  it('says the group is short, with the screens it needs, when two screens cannot show 240 postings', () => {
    const two = [wall('1'), wall('2')];
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const results = engine.plan({
      now: NOW,
      dataUpdatedAt: NOW,
      jobs: two.map((s) => ({ ...job(s), group: two })),
    });
    for (const r of results) {
      expect(r.summary.warnings).toContain('group-cycle-too-long');
      expect(r.summary.group!.screensNeeded).toBe(3);
      expect(r.summary.group!.groupCapacity).toBeLessThan(240);
    }
  });

  it('adds the legend page, naming every screen of the group and marking this one', () => {
    // the legend takes a page's time on every screen: at 20 s pages three screens are short, at 18 s not
    const short = screens.map((s) => (s.group ? { ...s, groupLegend: true } : s));
    const shortEngine = new PlanEngine();
    shortEngine.apply({ reset: true, upserts: postings, removes: [] });
    const [shortOne] = shortEngine.plan({
      now: NOW,
      dataUpdatedAt: NOW,
      jobs: [{ ...job(short[1]!), screen: short[1]!, group: wallGroupOf(short[1]!, short) }],
    });
    expect(shortOne!.summary.warnings).toContain('group-cycle-too-long');
    const withLegend = screens.map((s) => (s.group ? { ...s, groupLegend: true, maxDwellS: 18 } : s));
    const engine = new PlanEngine();
    engine.apply({ reset: true, upserts: postings, removes: [] });
    const first = withLegend[1]!;
    const [r] = engine.plan({
      now: NOW,
      dataUpdatedAt: NOW,
      jobs: [{ ...job(first), screen: first, group: wallGroupOf(first, withLegend) }],
    });
    const plan = planOf(r!.full);
    const legend = plan.pages.find((p) => p.legend)!.legend!;
    expect(legend.title).toBe('哪块屏有哪些工种');
    expect(legend.rows.map((row) => [row.screenId, row.self])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
    ]);
    expect(legend.bodyPx).toBeGreaterThanOrEqual(plan.geometry.minGlyphPx);
    expect(plan.cycleMs).toBeLessThanOrEqual(150_000);
    expect(plan.warnings).toEqual([]);
  });
});
