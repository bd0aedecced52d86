import {
  assignDisplays,
  describeDisplay,
  isEmptyPlan,
  orderDisplays,
  planWindowChanges,
  type WindowAssignment,
  type WindowPlan,
  type WindowRole,
} from './display-assignment';
import type { ShellScreen } from './electron-surface';
import { openManagedWindow, type ManagedWindow, type WindowContext } from './managed-window';
import type { ShellConfig } from './shell-config';
import { createIdleTracker, parseChord } from './staff-access';
import { recycleMoment, type PlanTiming } from './page-boundary';

/** Viewport limits of the host's ViewportSchema. */
const clampViewport = (n: number): number => Math.min(16_384, Math.max(16, Math.round(n)));

export interface WindowManagerOptions extends Omit<
  WindowContext,
  'onClosed' | 'onStaffChord' | 'onGaveUp' | 'staffChord' | 'overlay'
> {
  screen: ShellScreen;
  config: ShellConfig;
  screenIds: () => readonly string[];
  /** Wait this long after a display event before rearranging; hot-plug sends bursts. */
  settleMs: number;
  /** The plan a board screen shows at a viewport (the host's), to recycle it at a page change. */
  planOf(screenId: string, viewport: { width: number; height: number }): PlanTiming | null;
  /** A window ordered recycled goes by then at the latest, quiet moment or not. */
  recycleMaxWaitMs: number;
  /** The kiosk counts as unused after this long without a touch. */
  kioskIdleMs: number;
  /** A window whose reloads gave up is rebuilt from scratch after this long. */
  rebuildAfterGiveUpMs: number;
}

export interface WindowManager {
  /** Recomputes the wanted windows from the displays now attached and applies the difference. */
  reconcile(): WindowPlan;
  /** Reconciles after the display events have settled. */
  scheduleReconcile(): void;
  assignments(): WindowAssignment[];
  roleOf(webContentsId: number): WindowRole | null;
  focusFirst(): void;
  /** Opens (or brings forward) the staff console over the window on this display. */
  openStaffOverlay(displayId: number): void;
  /** Display ids that have a staff console open over them. */
  overlays(): number[];
  /** The renderer process of each display's window. */
  processes(): { displayId: number; pid: number }[];
  /** Replaces a display's window with a new one (new renderer process). */
  recycle(displayId: number): void;
  /** Recycles it at the next quiet moment: a board's next page change, an unused kiosk or console. */
  scheduleRecycle(displayId: number, why: string): void;
  /** Display ids with a recycle waiting for its moment. */
  pendingRecycles(): number[];
  /** Reloads every display's window in place. */
  reloadAll(): void;
  closeAll(): void;
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const open = new Map<number, ManagedWindow>();
  const overlays = new Map<number, { win: ManagedWindow; idleTimer: unknown }>();
  const recycles = new Map<number, { timer: unknown; orderedAt: number }>();
  const rebuilds = new Map<number, unknown>();
  let stopped = false;
  let settleTimer: unknown = null;
  const staffChord = parseChord(options.config.staffChord);
  const idleMs = options.config.staffIdleMinutes * 60_000;

  const ctx: WindowContext = {
    ...options,
    staffChord,
    onClosed(displayId, expected) {
      open.delete(displayId);
      // Someone closed a wall or the kiosk by hand (Alt+F4): put it back.
      if (!expected && !stopped) manager.scheduleReconcile();
    },
    onStaffChord: (displayId) => manager.openStaffOverlay(displayId),
    onGaveUp(displayId) {
      if (rebuilds.has(displayId)) return;
      options.log.warn(
        `display ${displayId}: rebuilding its window in ${Math.round(options.rebuildAfterGiveUpMs / 60_000)} min`,
      );
      rebuilds.set(
        displayId,
        options.timers.setTimeout(() => {
          rebuilds.delete(displayId);
          // A new window: new renderer, new GPU surface, a fresh recovery count.
          manager.recycle(displayId);
        }, options.rebuildAfterGiveUpMs),
      );
    },
  };

  const overlayCtx: WindowContext = {
    ...ctx,
    overlay: true,
    onClosed(displayId) {
      const entry = overlays.get(displayId);
      if (entry) options.timers.clearTimeout(entry.idleTimer);
      overlays.delete(displayId);
    },
  };

  /** Closes an idle staff console; re-arms itself for the time left when there was input since. */
  const armIdleClose = (displayId: number, idle: ReturnType<typeof createIdleTracker>): unknown =>
    options.timers.setTimeout(
      () => {
        const entry = overlays.get(displayId);
        if (!entry) return;
        if (idle.isIdle()) {
          options.log.info(
            `staff console on display ${displayId} closed after ${options.config.staffIdleMinutes} min without input`,
          );
          overlays.delete(displayId);
          entry.win.close();
        } else {
          entry.idleTimer = armIdleClose(displayId, idle);
        }
      },
      Math.max(1_000, idle.msUntilIdle()),
    );

  const apply = (plan: WindowPlan): void => {
    for (const displayId of plan.close) {
      const win = open.get(displayId);
      open.delete(displayId);
      win?.close();
      // A staff console over a window that goes away goes with it.
      const overlay = overlays.get(displayId);
      if (overlay) {
        overlays.delete(displayId);
        options.timers.clearTimeout(overlay.idleTimer);
        overlay.win.close();
      }
    }
    for (const { displayId, bounds } of plan.move) open.get(displayId)?.move(bounds);
    for (const { displayId, screenId } of plan.retarget) open.get(displayId)?.retarget(screenId);
    for (const assignment of plan.create) open.set(assignment.displayId, openManagedWindow(assignment, ctx));
  };

  const manager: WindowManager = {
    reconcile() {
      if (stopped) return { close: [], create: [], move: [], retarget: [] };
      const current = manager.assignments();
      const displays = options.screen.getAllDisplays();
      const desired = assignDisplays(displays, options.config, options.screenIds(), current);
      const plan = planWindowChanges(current, desired);
      if (!isEmptyPlan(plan)) {
        options.log.info(
          `displays: ${desired.length} window(s); close ${plan.close.length}, create ${plan.create.length}, move ${plan.move.length}, retarget ${plan.retarget.length}`,
        );
        for (const display of orderDisplays(displays))
          options.log.info(
            describeDisplay(
              display,
              desired.find((d) => d.displayId === display.id),
            ),
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
      for (const { win } of overlays.values()) if (win.webContentsId === webContentsId) return win.assignment.role;
      return null;
    },
    openStaffOverlay(displayId) {
      if (stopped) return;
      const existing = overlays.get(displayId);
      if (existing) {
        existing.win.focus();
        return;
      }
      const under = open.get(displayId);
      if (!under) return;
      const assignment = {
        displayId,
        role: 'staff' as const,
        screenId: null,
        bounds: under.assignment.bounds,
        source: 'chord' as const,
      };
      const win = openManagedWindow(assignment, overlayCtx);
      const idle = createIdleTracker({ timeoutMs: idleMs, now: options.now });
      win.window.webContents.on('input-event', () => idle.activity());
      overlays.set(displayId, { win, idleTimer: armIdleClose(displayId, idle) });
      win.focus();
      options.log.info(`staff console opened by key chord on display ${displayId}`);
    },
    overlays() {
      return [...overlays.keys()];
    },
    processes() {
      return [...open.values()]
        .map((w) => ({ displayId: w.assignment.displayId, pid: w.processId() }))
        .filter((p) => p.pid > 0);
    },
    scheduleRecycle(displayId, why) {
      if (stopped || recycles.has(displayId) || !open.has(displayId)) return;
      const orderedAt = options.now();
      const arm = (): void => {
        recycles.delete(displayId);
        const win = open.get(displayId);
        if (!win || stopped) return;
        const { role, screenId, bounds } = win.assignment;
        const now = options.now();
        const at = recycleMoment({
          role,
          now,
          orderedAt,
          maxWaitMs: options.recycleMaxWaitMs,
          plan:
            role === 'board' && screenId !== null
              ? options.planOf(screenId, { width: clampViewport(bounds.width), height: clampViewport(bounds.height) })
              : null,
          lastInputAt: win.lastInputAt(),
          idleMs: role === 'staff' ? idleMs : options.kioskIdleMs,
        });
        if (at > now) {
          recycles.set(displayId, { timer: options.timers.setTimeout(arm, at - now), orderedAt });
          return;
        }
        const waited = Math.round((now - orderedAt) / 1000);
        options.log.warn(
          `recycling ${role}${screenId ? ` ${screenId}` : ''} on display ${displayId} (${why}) after waiting ${waited} s for a quiet moment`,
        );
        manager.recycle(displayId);
      };
      arm();
    },
    pendingRecycles() {
      return [...recycles.keys()];
    },
    recycle(displayId) {
      const win = open.get(displayId);
      if (!win || stopped) return;
      const assignment = win.assignment;
      open.delete(displayId);
      win.close();
      open.set(displayId, openManagedWindow(assignment, ctx));
    },
    reloadAll() {
      for (const win of open.values()) win.reload();
    },
    focusFirst() {
      const first = [...open.values()].find((w) => w.assignment.role === 'staff') ?? open.values().next().value;
      first?.focus();
    },
    closeAll() {
      stopped = true;
      if (settleTimer !== null) options.timers.clearTimeout(settleTimer);
      for (const { timer } of recycles.values()) options.timers.clearTimeout(timer);
      recycles.clear();
      for (const timer of rebuilds.values()) options.timers.clearTimeout(timer);
      rebuilds.clear();
      for (const { win, idleTimer } of [...overlays.values()]) {
        options.timers.clearTimeout(idleTimer);
        win.close();
      }
      overlays.clear();
      for (const win of [...open.values()]) win.close();
      open.clear();
    },
  };
  return manager;
}
