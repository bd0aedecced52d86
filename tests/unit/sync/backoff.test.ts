import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF, AUTH_BACKOFF } from '../../../electron/host/sync/backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 1000, jitter: 0.5 };

  it('doubles from the base without jitter when the random source says 0', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(policy, n, () => 0))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the ceiling, even after very many attempts', () => {
    expect(backoffDelay(policy, 5, () => 0)).toBe(1000);
    expect(backoffDelay(policy, 10_000, () => 0)).toBe(1000);
  });

  it('takes up to the jitter share off each step, drawn from the injected source', () => {
    expect(backoffDelay(policy, 3, () => 1)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
  });

  it('spreads a crowd of halls reconnecting at once', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(RECONNECT_BACKOFF, 4, random)));
    expect(delays.size).toBeGreaterThan(30);
  });

  it('retries a refused token far less often than a lost link', () => {
    expect(backoffDelay(AUTH_BACKOFF, 1, () => 1)).toBeGreaterThan(backoffDelay(RECONNECT_BACKOFF, 5, () => 0));
  });
});
