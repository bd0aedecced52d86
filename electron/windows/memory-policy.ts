// Pure: when a window's renderer has grown past its memory budget for long enough that it is
// not a passing peak, recycle it (a fresh window gets a fresh renderer process). Walls run for
// months; a slow leak in a page must not end in an out-of-memory crash during market hours.

/** The fields of Electron's ProcessMetric (app.getAppMetrics()) this looks at; memory in KB. */
export interface ProcessMetricLike {
  pid: number;
  type: string;
  memory: { workingSetSize: number };
}

export interface WindowProcess {
  displayId: number;
  /** webContents.getOSProcessId() */
  pid: number;
}

export interface MemoryPolicyOptions {
  budgetMb: number;
  /** Samples in a row over budget before acting (a page may peak while it re-plans). */
  overBudgetSamples: number;
  /** Never recycle the same window more often than this. */
  minIntervalMs: number;
  now: () => number;
}

export const DEFAULT_MEMORY_POLICY: Omit<MemoryPolicyOptions, 'now'> = {
  budgetMb: 1200,
  overBudgetSamples: 3,
  minIntervalMs: 30 * 60_000,
};

export interface RecycleOrder {
  displayId: number;
  workingSetMb: number;
  log: string;
}

export interface MemoryPolicy {
  /** Feeds one sample of all processes; returns the windows to recycle now. */
  sample(metrics: readonly ProcessMetricLike[], windows: readonly WindowProcess[]): RecycleOrder[];
}

export function workingSetMb(metrics: readonly ProcessMetricLike[], pid: number): number | null {
  const metric = metrics.find((m) => m.pid === pid);
  return metric ? Math.round(metric.memory.workingSetSize / 1024) : null;
}

export function createMemoryPolicy(options: Partial<MemoryPolicyOptions> = {}): MemoryPolicy {
  const opts: MemoryPolicyOptions = { ...DEFAULT_MEMORY_POLICY, now: Date.now, ...options };
  const streaks = new Map<number, number>();
  const lastRecycle = new Map<number, number>();

  return {
    sample(metrics, windows) {
      const at = opts.now();
      const orders: RecycleOrder[] = [];
      const seen = new Set<number>();
      for (const { displayId, pid } of windows) {
        seen.add(displayId);
        const mb = workingSetMb(metrics, pid);
        if (mb === null || mb <= opts.budgetMb) {
          streaks.delete(displayId);
          continue;
        }
        const streak = (streaks.get(displayId) ?? 0) + 1;
        streaks.set(displayId, streak);
        const last = lastRecycle.get(displayId);
        if (streak < opts.overBudgetSamples || (last !== undefined && at - last < opts.minIntervalMs)) continue;
        streaks.delete(displayId);
        lastRecycle.set(displayId, at);
        orders.push({
          displayId,
          workingSetMb: mb,
          log: `memory: renderer of display ${displayId} at ${mb} MB > ${opts.budgetMb} MB for ${streak} samples; recycling its window at the next quiet moment`,
        });
      }
      // Windows that are gone start from zero if they come back.
      for (const displayId of [...streaks.keys()]) if (!seen.has(displayId)) streaks.delete(displayId);
      return orders;
    },
  };
}
