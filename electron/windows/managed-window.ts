import type { Rect, WindowAssignment } from './display-assignment';
import { windowUrl } from './display-assignment';
import type { ShellBrowserWindowClass, ShellWindow } from './electron-surface';
import { failureReasonOf, type FailureReason, type RecoveryPolicy } from './recovery-policy';
import type { ShellLog, ShellTimers } from './shell-types';
import { blockedInputReason, isAppCommandBlocked, isLockedDown } from './lockdown';
import { matchesChord, type KeyChord } from './staff-access';
import { isNavigationAllowed } from './window-security';
import { redactUrl } from './redact-url';
import { describeRect, judgeBounds, type BoundsCheckOptions } from './bounds-check';
import { HIDE_CURSOR_CSS, hidesCursor, windowOptionsFor, type PreloadPaths } from './window-options';

export interface WindowContext {
  BrowserWindow: ShellBrowserWindowClass;
  hallUrl: string;
  /** The host's per-start kiosk device token, put in the kiosk window's URL fragment. */
  kioskToken: string | null;
  preloads: PreloadPaths | null;
  /** A receipt printer is configured (the kiosk's preload says so to the page). */
  printerAvailable: boolean;
  devTools: boolean;
  timers: ShellTimers;
  log: ShellLog;
  newRecoveryPolicy: () => RecoveryPolicy;
  /** How long a hung page may stay unresponsive before its renderer is killed and reloaded. */
  hangGraceMs: number;
  /** When and how often a wall's bounds are checked after showing or moving. */
  boundsCheck: BoundsCheckOptions;
  now: () => number;
  /** Called once when the window is gone; `expected` is false when someone closed it by hand. */
  onClosed(displayId: number, expected: boolean): void;
  /** Someone typed the staff chord in this window. */
  onStaffChord(displayId: number): void;
  /** Reloading did not help (too many failures in a row): the window should be rebuilt later. */
  onGaveUp(displayId: number): void;
  staffChord: KeyChord;
  /** Open as a staff console over another window (see windowOptionsFor). */
  overlay?: boolean;
}

export interface ManagedWindow {
  readonly assignment: WindowAssignment;
  readonly webContentsId: number;
  readonly window: ShellWindow;
  retarget(screenId: string): void;
  /** Loads the window's page afresh (nightly reload). */
  reload(): void;
  /** The renderer's OS process id, for memory sampling. */
  processId(): number;
  /** When someone last touched, clicked or typed in the window (null: not since it opened). */
  lastInputAt(): number | null;
  move(bounds: Rect): void;
  focus(): void;
  close(): void;
}

/** Chromium's "navigation aborted" (e.g. a reload replaced the load): not a failure. */
const ERR_ABORTED = -3;

/**
 * Opens one window for an assignment and makes it hold: hall pages only, no popups, no
 * <webview>, no cursor or pinch-zoom on touch/LED roles, and reloads with back-off after a
 * crash, a hang or a failed load (the host may still be starting).
 */
export function openManagedWindow(assignment: WindowAssignment, ctx: WindowContext): ManagedWindow {
  let current: WindowAssignment = assignment;
  let closingByShell = false;
  let pendingReload: unknown = null;
  let hangTimer: unknown = null;
  let gaveUp = false;
  let boundsTimer: unknown = null;
  let lastInput: number | null = null;
  const recovery = ctx.newRecoveryPolicy();
  const label = (): string =>
    `${current.role}${current.screenId ? ` ${current.screenId}` : ''} on display ${current.displayId}`;
  const targetUrl = (): string => windowUrl(ctx.hallUrl, current, ctx.kioskToken);
  /** The same, fit for the log (no token). */
  const shownUrl = (): string => redactUrl(targetUrl());

  const win = new ctx.BrowserWindow(
    windowOptionsFor({
      role: assignment.role,
      screenId: assignment.screenId,
      bounds: assignment.bounds,
      preloads: ctx.preloads,
      printerAvailable: ctx.printerAvailable,
      devTools: ctx.devTools,
      overlay: ctx.overlay ?? false,
    }),
  );
  const contents = win.webContents;

  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isNavigationAllowed(url, ctx.hallUrl, current.role)) return;
    event.preventDefault();
    ctx.log.warn(`blocked navigation of ${label()} to ${redactUrl(url)}`);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    ctx.log.warn(`blocked window.open from ${label()} to ${redactUrl(url)}`);
    return { action: 'deny' };
  });

  contents.on('before-input-event', (event, input) => {
    if (isLockedDown(current.role) && matchesChord(ctx.staffChord, input)) {
      event.preventDefault();
      ctx.onStaffChord(current.displayId);
      return;
    }
    const reason = blockedInputReason(current.role, input, ctx.devTools);
    if (reason) event.preventDefault();
  });
  win.on('app-command', (event, command) => {
    if (isAppCommandBlocked(current.role, command)) event.preventDefault();
  });
  // Walls and the kiosk close only when the shell closes them (display gone, quit).
  win.on('close', (event) => {
    if (!closingByShell && isLockedDown(current.role)) event.preventDefault();
  });

  contents.on('input-event', () => {
    lastInput = ctx.now();
  });

  contents.on('did-finish-load', () => {
    if (hidesCursor(current.role)) void contents.insertCSS(HIDE_CURSOR_CSS).catch(() => undefined);
    void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  });

  const recover = (reason: FailureReason, detail: string): void => {
    if (closingByShell || win.isDestroyed() || gaveUp) return;
    const decision = recovery.onFailure(reason);
    if (decision.action === 'give-up') {
      gaveUp = true;
      ctx.log.error(`${label()}: ${detail}; ${decision.log}`);
      ctx.onGaveUp(current.displayId);
      return;
    }
    ctx.log.warn(`${label()}: ${detail}; ${decision.log}`);
    if (pendingReload !== null) ctx.timers.clearTimeout(pendingReload);
    pendingReload = ctx.timers.setTimeout(() => {
      pendingReload = null;
      if (!win.isDestroyed()) void win.loadURL(targetUrl()).catch(() => undefined);
    }, decision.delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    recover(failureReasonOf(details.reason), `renderer gone (${details.reason}, exit ${details.exitCode})`);
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    recover('load-failed', `load of ${redactUrl(validatedURL)} failed (${errorCode} ${errorDescription})`);
  });
  win.on('unresponsive', () => {
    if (hangTimer !== null) return;
    ctx.log.warn(`${label()}: page unresponsive; killing its renderer in ${ctx.hangGraceMs} ms unless it recovers`);
    hangTimer = ctx.timers.setTimeout(() => {
      hangTimer = null;
      // The kill is reported as render-process-gone, which takes the usual recovery path.
      if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
    }, ctx.hangGraceMs);
  });
  win.on('responsive', () => {
    if (hangTimer === null) return;
    ctx.timers.clearTimeout(hangTimer);
    hangTimer = null;
    ctx.log.info(`${label()}: page responsive again`);
  });

  /** Leaves full screen or kiosk mode around setBounds: some window managers ignore it otherwise. */
  const place = (bounds: Rect): void => {
    const wasKiosk = win.isKiosk();
    const wasFull = !wasKiosk && win.isFullScreen();
    if (wasKiosk) win.setKiosk(false);
    if (wasFull) win.setFullScreen(false);
    win.setBounds(bounds);
    if (wasKiosk) win.setKiosk(true);
    if (wasFull) win.setFullScreen(true);
  };

  // Walls, the kiosk and a staff console over them must cover their display exactly; a staff
  // window of its own is an ordinary window that staff may move.
  const keepsBounds = isLockedDown(current.role) || ctx.overlay === true;
  const verifyBounds = (attempt: number): void => {
    if (!keepsBounds) return;
    if (boundsTimer !== null) ctx.timers.clearTimeout(boundsTimer);
    boundsTimer = ctx.timers.setTimeout(() => {
      boundsTimer = null;
      if (win.isDestroyed() || closingByShell) return;
      const actual = win.getBounds();
      const verdict = judgeBounds(actual, current.bounds, attempt, ctx.boundsCheck);
      if (verdict.action === 'ok') return;
      if (verdict.action === 'give-up') {
        ctx.log.error(
          `${label()}: still at ${describeRect(actual)} instead of ${describeRect(current.bounds)} after ${attempt - 1} tries; leaving it`,
        );
        return;
      }
      ctx.log.warn(
        `${label()}: at ${describeRect(actual)} instead of ${describeRect(current.bounds)}; putting it back (try ${attempt})`,
      );
      place(current.bounds);
      verifyBounds(attempt + 1);
    }, ctx.boundsCheck.delayMs);
  };

  win.on('ready-to-show', () => {
    win.show();
    verifyBounds(1);
  });
  win.on('closed', () => {
    if (pendingReload !== null) ctx.timers.clearTimeout(pendingReload);
    if (hangTimer !== null) ctx.timers.clearTimeout(hangTimer);
    if (boundsTimer !== null) ctx.timers.clearTimeout(boundsTimer);
    ctx.onClosed(current.displayId, closingByShell);
  });

  void win.loadURL(targetUrl()).catch(() => undefined);
  ctx.log.info(`opened ${label()} → ${shownUrl()} (${assignment.source})`);

  return {
    get assignment() {
      return current;
    },
    webContentsId: contents.id,
    window: win,
    retarget(screenId) {
      current = { ...current, screenId };
      gaveUp = false;
      recovery.reset();
      void win.loadURL(targetUrl()).catch(() => undefined);
      ctx.log.info(`${label()} → ${shownUrl()}`);
    },
    reload() {
      if (win.isDestroyed()) return;
      gaveUp = false;
      recovery.reset();
      void win.loadURL(targetUrl()).catch(() => undefined);
    },
    processId() {
      return win.isDestroyed() ? 0 : contents.getOSProcessId();
    },
    lastInputAt: () => lastInput,
    move(bounds) {
      current = { ...current, bounds };
      place(bounds);
      ctx.log.info(`moved ${label()} to ${describeRect(bounds)}`);
      verifyBounds(1);
    },
    focus() {
      if (!win.isDestroyed()) win.focus();
    },
    close() {
      closingByShell = true;
      if (!win.isDestroyed()) win.close();
    },
  };
}
