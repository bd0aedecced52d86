import { describe, expect, it } from 'vitest';
import { planBoard } from '../../../shared/planner/board-planner';
import { pageAt } from '../../../shared/planner/rotation';
import { posting, NOW, screen } from './posting-fixture';

describe('pageAt over a planned cycle', () => {
  const plan = planBoard({
    screen: screen(),
    postings: Array.from({ length: 40 }, (_, i) => posting(`l${String(i).padStart(2, '0')}`)),
    now: NOW,
    dataUpdatedAt: NOW,
    anchorMs: 1_000_000,
  });

  it('walks the pages in order across a cycle and wraps to the first', () => {
    expect(plan.pages.length).toBeGreaterThan(2);
    const cycleStart = plan.anchorMs + plan.cycleMs * 1000;
    const seen: number[] = [];
    for (let t = cycleStart; t < cycleStart + plan.cycleMs; t += 250) {
      const index = pageAt(plan, t)!.page.index;
      if (seen[seen.length - 1] !== index) seen.push(index);
    }
    expect(seen).toEqual(plan.pages.map((p) => p.index));
    expect(pageAt(plan, cycleStart + plan.cycleMs)!.page.index).toBe(0);
  });

  it('switches exactly at each page boundary and reports when the next page starts', () => {
    const cycleStart = plan.anchorMs + plan.cycleMs * 7;
    for (const page of plan.pages) {
      const at = pageAt(plan, cycleStart + page.startMs)!;
      expect(at.page.index).toBe(page.index);
      expect(at.elapsedMs).toBe(0);
      expect(at.nextAtMs).toBe(cycleStart + page.startMs + page.dwellMs);
      expect(pageAt(plan, at.nextAtMs - 1)!.page.index).toBe(page.index);
    }
  });

  it('puts two walls with the same plan on the same page at the same moment', () => {
    const twin = planBoard({
      screen: screen({ id: 'wall-2' }),
      postings: [posting('a')],
      now: NOW,
      dataUpdatedAt: NOW,
    });
    const again = planBoard({
      screen: screen({ id: 'wall-2' }),
      postings: [posting('a')],
      now: NOW + 5_000,
      dataUpdatedAt: NOW,
    });
    expect(pageAt(twin, NOW + 12_345)).toEqual(pageAt(again, NOW + 12_345));
  });

  it('shows nothing when the plan has no pages', () => {
    const empty = planBoard({ screen: screen(), postings: [], now: NOW, dataUpdatedAt: null });
    expect(pageAt(empty, NOW)).toBeNull();
  });
});
