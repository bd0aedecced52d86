import { describe, expect, it } from 'vitest';
import { createMemoryPolicy, workingSetMb, type ProcessMetricLike } from '../../../electron/windows/memory-policy';

const tab = (pid: number, mb: number): ProcessMetricLike => ({
  pid,
  type: 'Tab',
  memory: { workingSetSize: mb * 1024 },
});

describe('createMemoryPolicy', () => {
  const windows = [
    { displayId: 1, pid: 101 },
    { displayId: 2, pid: 102 },
  ];

  it('recycles only a window that stays over budget for the set number of samples', () => {
    let now = 0;
    const policy = createMemoryPolicy({ budgetMb: 500, overBudgetSamples: 3, minIntervalMs: 60_000, now: () => now });
    const rounds = [
      [tab(101, 600), tab(102, 200)],
      [tab(101, 650), tab(102, 900)],
      [tab(101, 700), tab(102, 300)],
    ].map((metrics) => {
      now += 10_000;
      return policy.sample(metrics, windows).map((o) => o.displayId);
    });
    expect(rounds).toEqual([[], [], [1]]);
  });

  it('forgets a streak when the renderer drops back under budget', () => {
    const policy = createMemoryPolicy({ budgetMb: 500, overBudgetSamples: 2, minIntervalMs: 0, now: () => 0 });
    expect(policy.sample([tab(101, 600)], windows)).toEqual([]);
    expect(policy.sample([tab(101, 400)], windows)).toEqual([]);
    expect(policy.sample([tab(101, 600)], windows)).toEqual([]);
    expect(policy.sample([tab(101, 600)], windows).map((o) => o.displayId)).toEqual([1]);
  });

  it('does not recycle the same window again within the minimum interval', () => {
    let now = 0;
    const policy = createMemoryPolicy({
      budgetMb: 500,
      overBudgetSamples: 1,
      minIntervalMs: 30 * 60_000,
      now: () => now,
    });
    const at = (ms: number) => {
      now = ms;
      return policy.sample([tab(101, 800)], windows).length;
    };
    expect([at(0), at(60_000), at(29 * 60_000), at(30 * 60_000)]).toEqual([1, 0, 0, 1]);
  });

  it('says what it did in one log line', () => {
    const policy = createMemoryPolicy({ budgetMb: 500, overBudgetSamples: 1, minIntervalMs: 0, now: () => 0 });
    expect(policy.sample([tab(102, 777)], windows)).toEqual([
      {
        displayId: 2,
        workingSetMb: 777,
        log: 'memory: renderer of display 2 at 777 MB > 500 MB for 1 samples; recycling its window at the next quiet moment',
      },
    ]);
  });

  it('ignores windows whose process is not in the metrics (renderer restarting)', () => {
    const policy = createMemoryPolicy({ budgetMb: 1, overBudgetSamples: 1, minIntervalMs: 0, now: () => 0 });
    expect(policy.sample([tab(999, 5000)], windows)).toEqual([]);
  });
});

describe('workingSetMb', () => {
  it.each([
    { pid: 101, want: 600 },
    { pid: 5, want: null },
  ])('pid $pid → $want MB', ({ pid, want }) => {
    expect(workingSetMb([tab(101, 600)], pid)).toBe(want);
  });
});
