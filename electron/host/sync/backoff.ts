/**
 * Exponential back-off with jitter. The random source is injected so tests are exact and a
 * hall full of restarted machines does not reconnect in lock-step (the point of jitter).
 */
export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** Ceiling for any delay. */
  maxMs: number;
  /** 0 = no jitter; 0.5 = the delay is drawn from [50 %, 100 %] of the exponential step. */
  jitter: number;
}

export type RandomSource = () => number;

/** Delay before attempt `attempt` (1 = after the first failure). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: RandomSource): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^n overflows to Infinity long after maxMs caps it; min() keeps it finite.
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(step * (1 - jitter * r));
}

export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000, jitter: 0.5 };
/** A refused token will not fix itself in seconds; ask rarely and say why in the log. */
export const AUTH_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 5 * 60_000, jitter: 0.3 };
export const SUBMIT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, jitter: 0.5 };
