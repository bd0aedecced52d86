// Pure: when a window's renderer dies, hangs or cannot load, how long to wait before reloading,
// and when to stop trying. Clock and randomness are injected so tests can drive them.

export type FailureReason =
  | 'crashed'
  | 'oom'
  | 'killed'
  | 'abnormal-exit'
  | 'launch-failed'
  | 'integrity-failure'
  | 'clean-exit'
  | 'memory-exceeded'
  | 'unresponsive'
  | 'load-failed';

export interface RecoveryOptions {
  /** First delay; doubles with each failure inside the window. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up after this many failures inside `windowMs`. */
  maxFailures: number;
  windowMs: number;
  /** ±fraction of the delay, so several walls that died together do not reload in lockstep. */
  jitter: number;
  now: () => number;
  random: () => number;
}

export const DEFAULT_RECOVERY: Omit<RecoveryOptions, 'now' | 'random'> = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxFailures: 6,
  windowMs: 10 * 60_000,
  jitter: 0.2,
};

export type RecoveryDecision =
  | { action: 'reload'; delayMs: number; attempt: number; reason: FailureReason; log: string }
  | { action: 'give-up'; failures: number; reason: FailureReason; log: string };

export interface RecoveryPolicy {
  /** Records one failure and says what to do about it. */
  onFailure(reason: FailureReason): RecoveryDecision;
  /** Failures still counted against the window. */
  recentFailures(): number;
  /** A page that loaded and stayed up clears the slate. */
  reset(): void;
}

export function createRecoveryPolicy(options: Partial<RecoveryOptions> = {}): RecoveryPolicy {
  const opts: RecoveryOptions = { ...DEFAULT_RECOVERY, now: Date.now, random: Math.random, ...options };
  let failures: number[] = [];

  return {
    onFailure(reason) {
      const at = opts.now();
      failures = failures.filter((t) => at - t < opts.windowMs);
      failures.push(at);
      const attempt = failures.length;
      if (attempt > opts.maxFailures) {
        return {
          action: 'give-up',
          failures: attempt,
          reason,
          log: `recovery: giving up after ${attempt} failures in ${Math.round(opts.windowMs / 1000)} s (last: ${reason})`,
        };
      }
      const raw = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
      const factor = 1 - opts.jitter + 2 * opts.jitter * clamp01(opts.random());
      const delayMs = Math.max(0, Math.round(Math.min(opts.maxDelayMs, raw * factor)));
      return {
        action: 'reload',
        delayMs,
        attempt,
        reason,
        log: `recovery: ${reason}; reload #${attempt} in ${delayMs} ms`,
      };
    },
    recentFailures() {
      const at = opts.now();
      return failures.filter((t) => at - t < opts.windowMs).length;
    },
    reset() {
      failures = [];
    },
  };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/** Electron's render-process-gone reasons, narrowed; unknown ones count as a crash. */
export function failureReasonOf(reason: string): FailureReason {
  const known: readonly string[] = [
    'crashed',
    'oom',
    'killed',
    'abnormal-exit',
    'launch-failed',
    'integrity-failure',
    'clean-exit',
    'memory-exceeded',
  ];
  return known.includes(reason) ? (reason as FailureReason) : 'crashed';
}
