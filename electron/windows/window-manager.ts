import { assignDisplays, isEmptyPlan, planWindowChanges, type WindowAssignment, type WindowPlan, type WindowRole } from './display-assignment';
import type { ShellScreen } from './electron-surface';
import { openManagedWindow, type ManagedWindow, type WindowContext } from './managed-window';
import type { ShellConfig } from './shell-config';

export interface WindowManagerOptions extends Omit<WindowContext, 'onClosed'> {
  screen: ShellScreen;
  config: ShellConfig;
  screenIds: () => readonly string[];
  /** Wait this long after a display event before rearranging; hot-plug sends bursts. */
  settleMs: number;
}

export interface WindowManager {
  /** Recomputes the wanted windows from the displays now attached and applies the difference. */
  reconcile(): WindowPlan;
  /** Reconciles after the display events have settled. */
  scheduleReconcile(): void;
  assignments(): WindowAssignment[];
  roleOf(webContentsId: number): WindowRole | null;
  focusFirst(): void;
  closeAll(): void;
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const open = new Map<number, ManagedWindow>();
  let stopped = false;
  let settleTimer: unknown = null;

  const ctx: WindowContext = {
    ...options,
    onClosed(displayId, expected) {
      open.delete(displayId);
      // Someone closed a wall or the kiosk by hand (Alt+F4): put it back.
      if (!expected && !stopped) manager.scheduleReconcile();
    },
  };

  const apply = (plan: WindowPlan): void => {
    for (const displayId of plan.close) {
      const win = open.get(displayId);
      open.delete(displayId);
      win?.close();
    }
    for (const { displayId, bounds } of plan.move) open.get(displayId)?.move(bounds);
    for (const { displayId, screenId } of plan.retarget) open.get(displayId)?.retarget(screenId);
    for (const assignment of plan.create) open.set(assignment.displayId, openManagedWindow(assignment, ctx));
  };

  const manager: WindowManager = {
    reconcile() {
      if (stopped) return { close: [], create: [], move: [], retarget: [] };
      const current = manager.assignments();
      const desired = assignDisplays(options.screen.getAllDisplays(), options.config, options.screenIds(), current);
      const plan = planWindowChanges(current, desired);
      if (!isEmptyPlan(plan)) {
        options.log.info(
          `displays: ${desired.length} window(s); close ${plan.close.length}, create ${plan.create.length}, move ${plan.move.length}, retarget ${plan.retarget.length}`,
        );
      }
      apply(plan);
      return plan;
    },
    scheduleReconcile() {
      if (stopped) return;
      if (settleTimer !== null) options.timers.clearTimeout(settleTimer);
      settleTimer = options.timers.setTimeout(() => {
        settleTimer = null;
        manager.reconcile();
      }, options.settleMs);
    },
    assignments() {
      return [...open.values()].map((w) => w.assignment);
    },
    roleOf(webContentsId) {
      for (const win of open.values()) if (win.webContentsId === webContentsId) return win.assignment.role;
      return null;
    },
    focusFirst() {
      const first = [...open.values()].find((w) => w.assignment.role === 'staff') ?? open.values().next().value;
      first?.focus();
    },
    closeAll() {
      stopped = true;
      if (settleTimer !== null) options.timers.clearTimeout(settleTimer);
      for (const win of [...open.values()]) win.close();
      open.clear();
    },
  };
  return manager;
}
