import { describe, expect, it } from 'vitest';
import {
  createRecoveryPolicy,
  failureReasonOf,
  type RecoveryDecision,
} from '../../../electron/windows/recovery-policy';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const base = { baseDelayMs: 1000, maxDelayMs: 8000, maxFailures: 4, windowMs: 60_000, jitter: 0 };

describe('createRecoveryPolicy', () => {
  it('doubles the delay with each failure up to the cap', () => {
    const c = clock();
    const policy = createRecoveryPolicy({ ...base, maxFailures: 10, now: c.now, random: () => 0.5 });
    const delays = Array.from({ length: 6 }, () => {
      const d = policy.onFailure('crashed');
      c.advance(100);
      return d.action === 'reload' ? d.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('gives up after maxFailures inside the window and says why', () => {
    const c = clock();
    const policy = createRecoveryPolicy({ ...base, now: c.now, random: () => 0.5 });
    const decisions: RecoveryDecision[] = [];
    for (let i = 0; i < 5; i++) decisions.push(policy.onFailure(i === 4 ? 'oom' : 'crashed'));
    expect(decisions.map((d) => d.action)).toEqual(['reload', 'reload', 'reload', 'reload', 'give-up']);
    const last = decisions[4]!;
    expect(last).toMatchObject({ action: 'give-up', failures: 5, reason: 'oom' });
    expect(last.log).toContain('giving up after 5 failures in 60 s (last: oom)');
  });

  it('forgets failures older than the window, so a wall that crashes once a day always comes back', () => {
    const c = clock();
    const policy = createRecoveryPolicy({ ...base, now: c.now, random: () => 0.5 });
    const actions = Array.from({ length: 20 }, () => {
      const d = policy.onFailure('crashed');
      c.advance(61_000);
      return d;
    });
    expect(actions.every((d) => d.action === 'reload' && d.delayMs === 1000)).toBe(true);
    expect(policy.recentFailures()).toBe(0);
  });

  it.each([
    { random: 0, want: 800 },
    { random: 0.5, want: 1000 },
    { random: 1, want: 1200 },
    { random: Number.NaN, want: 1000 },
    { random: 7, want: 1200 },
  ])('spreads the delay by ±20 % jitter (random $random → $want ms)', ({ random, want }) => {
    const policy = createRecoveryPolicy({ ...base, jitter: 0.2, now: () => 0, random: () => random });
    expect(policy.onFailure('killed')).toMatchObject({ action: 'reload', delayMs: want, attempt: 1 });
  });

  it('never waits longer than the cap even with jitter', () => {
    const c = clock();
    const policy = createRecoveryPolicy({ ...base, maxFailures: 10, jitter: 0.5, now: c.now, random: () => 1 });
    for (let i = 0; i < 6; i++) {
      const d = policy.onFailure('crashed');
      expect(d.action === 'reload' && d.delayMs <= base.maxDelayMs).toBe(true);
    }
  });

  it('starts over after reset', () => {
    const policy = createRecoveryPolicy({ ...base, now: () => 0, random: () => 0.5 });
    policy.onFailure('crashed');
    policy.onFailure('crashed');
    policy.reset();
    expect(policy.onFailure('crashed')).toMatchObject({ attempt: 1, delayMs: 1000 });
  });
});

describe('failureReasonOf', () => {
  it.each([
    ['crashed', 'crashed'],
    ['oom', 'oom'],
    ['killed', 'killed'],
    ['launch-failed', 'launch-failed'],
    ['something-new', 'crashed'],
  ])('reads Electron reason %s as %s', (input, want) => {
    expect(failureReasonOf(input)).toBe(want);
  });
});
