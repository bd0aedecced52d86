import { describe, expect, it } from 'vitest';
import { nextPageBoundary, recycleMoment, type PlanTiming } from '../../../electron/windows/page-boundary';

// Pages of 8 s, 12 s and 10 s: a 30 s cycle anchored at t=1 000 000.
const ANCHOR = 1_000_000;
const plan: PlanTiming = {
  anchorMs: ANCHOR,
  cycleMs: 30_000,
  pages: [
    { index: 0, startMs: 0, dwellMs: 8_000, items: [] },
    { index: 1, startMs: 8_000, dwellMs: 12_000, items: [] },
    { index: 2, startMs: 20_000, dwellMs: 10_000, items: [] },
  ],
};

describe('nextPageBoundary', () => {
  it.each([
    { name: 'mid first page', now: ANCHOR + 5_000, want: ANCHOR + 8_000 },
    { name: 'mid second page', now: ANCHOR + 9_500, want: ANCHOR + 20_000 },
    { name: 'last page wraps to the next cycle', now: ANCHOR + 25_000, want: ANCHOR + 30_000 },
    { name: 'a later cycle', now: ANCHOR + 3 * 30_000 + 21_000, want: ANCHOR + 4 * 30_000 },
    {
      name: 'before the anchor (cycles extend backwards)',
      now: ANCHOR - 29_000 + 2_000,
      want: ANCHOR - 30_000 + 8_000,
    },
    { name: 'exactly at a page change', now: ANCHOR + 8_000, want: ANCHOR + 8_000 },
    { name: 'just after a page change, inside the grace', now: ANCHOR + 8_999, want: ANCHOR + 8_999 },
    { name: 'just past the grace', now: ANCHOR + 9_000, want: ANCHOR + 20_000 },
  ])('$name', ({ now, want }) => {
    expect(nextPageBoundary(plan, now)).toBe(want);
  });

  it.each([
    { name: 'no plan', p: null },
    { name: 'one page (nothing rotates)', p: { ...plan, pages: plan.pages.slice(0, 1), cycleMs: 8_000 } },
    { name: 'no pages', p: { ...plan, pages: [] } },
  ])('has no boundary with $name', ({ p }) => {
    expect(nextPageBoundary(p, ANCHOR + 5_000)).toBeNull();
  });
});

describe('recycleMoment', () => {
  const base = { orderedAt: ANCHOR + 5_000, now: ANCHOR + 5_000, maxWaitMs: 600_000 };
  it.each([
    { name: 'a board at its next page change', input: { ...base, role: 'board' as const, plan }, want: ANCHOR + 8_000 },
    {
      name: 'a board that does not rotate, now',
      input: { ...base, role: 'board' as const, plan: null },
      want: base.now,
    },
    {
      name: 'a board, never past the deadline',
      input: { ...base, role: 'board' as const, plan, maxWaitMs: 1_000 },
      want: ANCHOR + 6_000,
    },
    {
      name: 'a board whose deadline has passed, now',
      input: { ...base, now: ANCHOR + 9_500, role: 'board' as const, plan, maxWaitMs: 1_000 },
      want: ANCHOR + 9_500,
    },
    {
      name: 'an untouched kiosk, now',
      input: { ...base, role: 'kiosk' as const, lastInputAt: null, idleMs: 120_000 },
      want: base.now,
    },
    {
      name: 'a kiosk touched 30 s ago, 90 s on',
      input: { ...base, role: 'kiosk' as const, lastInputAt: base.now - 30_000, idleMs: 120_000 },
      want: base.now + 90_000,
    },
    {
      name: 'a kiosk idle long enough, now',
      input: { ...base, role: 'kiosk' as const, lastInputAt: base.now - 200_000, idleMs: 120_000 },
      want: base.now,
    },
    {
      name: 'a kiosk in use, by the deadline',
      input: { ...base, role: 'kiosk' as const, lastInputAt: base.now, idleMs: 120_000, maxWaitMs: 60_000 },
      want: base.now + 60_000,
    },
    {
      name: 'a staff console in use, once idle',
      input: { ...base, role: 'staff' as const, lastInputAt: base.now - 1_000, idleMs: 300_000 },
      want: base.now + 299_000,
    },
  ])('$name', ({ input, want }) => {
    expect(recycleMoment(input)).toBe(want);
  });
});
