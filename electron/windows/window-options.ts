import type { BrowserWindowConstructorOptions } from 'electron';
import type { Rect, WindowRole } from './display-assignment';
import { lockdownOptions } from './lockdown';

// Pure: the BrowserWindow options of each role. `import type` only, so this runs under Node.

export interface WindowOptionsInput {
  role: WindowRole;
  screenId: string | null;
  bounds: Rect;
  /** Absolute path of the bundled preload, or null to run without one. */
  preloadPath: string | null;
  devTools: boolean;
  /** A staff console opened over a wall or the kiosk: borderless, on top, covering the display. */
  overlay?: boolean;
}

/** Passed to the preload through argv so the page can learn which window it is in. */
export function preloadArguments(role: WindowRole, screenId: string | null): string[] {
  return [`--hall-role=${role}`, ...(screenId === null ? [] : [`--hall-screen=${screenId}`])];
}

/**
 * Boards and the kiosk fill their display with no frame; the staff console is a normal window
 * (staff switch to other programs on the hall PC). Every role gets the same locked-down web
 * preferences: isolated, sandboxed, no Node, no <webview>, and no background throttling,
 * because a wall whose timers slow down falls out of phase with its neighbours.
 */
export function windowOptionsFor(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { role, bounds } = input;
  const fills = role !== 'staff';
  const overlay = input.overlay === true;
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    show: false,
    frame: !fills && !overlay,
    fullscreen: fills,
    kiosk: role === 'kiosk',
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    title: role === 'staff' ? 'Hall Board 工作台' : 'Hall Board',
    ...lockdownOptions(role),
    ...(overlay ? { alwaysOnTop: true, skipTaskbar: true } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      backgroundThrottling: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: fills,
      autoplayPolicy: 'no-user-gesture-required',
      zoomFactor: 1,
      devTools: input.devTools,
      ...(input.preloadPath ? { preload: input.preloadPath, additionalArguments: preloadArguments(role, input.screenId) } : {}),
    },
  };
}

/** Roles that show no mouse pointer: walls, and the kiosk (it is touched, not clicked). */
export function hidesCursor(role: WindowRole): boolean {
  return role !== 'staff';
}

export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';
