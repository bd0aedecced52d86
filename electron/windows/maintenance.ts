import type { ShellApp } from './electron-surface';
import { createMemoryPolicy } from './memory-policy';
import { isQuietTime, nextReloadAt, parseQuietHours } from './nightly-reload';
import type { ShellConfig } from './shell-config';
import type { ShellLog, ShellTimers } from './shell-types';
import type { WindowManager } from './window-manager';

export interface MaintenanceOptions {
  app: Pick<ShellApp, 'getAppMetrics'>;
  windows: Pick<WindowManager, 'processes' | 'scheduleRecycle' | 'reloadAll'>;
  config: Pick<ShellConfig, 'nightlyReload' | 'memoryBudgetMb'>;
  timers: ShellTimers;
  log: ShellLog;
  now: () => number;
  random: () => number;
  /** How often renderer memory is sampled. */
  sampleMs: number;
}

export interface Maintenance {
  stop(): void;
}

/** Runs the two long-running chores: memory sampling with recycling, and the nightly reload. */
export function startMaintenance(options: MaintenanceOptions): Maintenance {
  const { timers, log } = options;
  let stopped = false;
  let sampleTimer: unknown = null;
  let reloadTimer: unknown = null;
  const memory = createMemoryPolicy({ budgetMb: options.config.memoryBudgetMb, now: options.now });

  const sample = (): void => {
    sampleTimer = null;
    if (stopped) return;
    try {
      for (const order of memory.sample(options.app.getAppMetrics(), options.windows.processes())) {
        log.warn(order.log);
        options.windows.scheduleRecycle(
          order.displayId,
          `${order.workingSetMb} MB > ${options.config.memoryBudgetMb} MB`,
        );
      }
    } catch (error) {
      log.error(`memory sampling failed: ${(error as Error).message}`);
    }
    sampleTimer = timers.setTimeout(sample, options.sampleMs);
  };
  sampleTimer = timers.setTimeout(sample, options.sampleMs);

  const quiet = options.config.nightlyReload === null ? null : parseQuietHours(options.config.nightlyReload);
  const scheduleReload = (): void => {
    if (stopped || quiet === null) return;
    const when = nextReloadAt(options.now(), quiet, options.random);
    reloadTimer = timers.setTimeout(
      () => {
        reloadTimer = null;
        if (stopped) return;
        // A timer can fire late (machine asleep); reloading in the middle of the day is worse than skipping a night.
        if (isQuietTime(options.now(), quiet)) {
          log.info('nightly reload of every window');
          options.windows.reloadAll();
        } else {
          log.warn('nightly reload skipped: its timer fired outside the quiet hours');
        }
        scheduleReload();
      },
      Math.max(0, when - options.now()),
    );
  };
  scheduleReload();

  return {
    stop() {
      stopped = true;
      if (sampleTimer !== null) timers.clearTimeout(sampleTimer);
      if (reloadTimer !== null) timers.clearTimeout(reloadTimer);
    },
  };
}
