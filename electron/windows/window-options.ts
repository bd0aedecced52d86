import type { BrowserWindowConstructorOptions } from 'electron';
import type { Rect, WindowRole } from './display-assignment';
import { PRELOAD_ARGS } from '../../shared/ipc-channels';
import { lockdownOptions } from './lockdown';

/** The bundled preload of each role (dist-electron/preload-<role>.cjs): a window gets only its own. */
export type PreloadPaths = Readonly<Record<WindowRole, string>>;

// Pure: the BrowserWindow options of each role. `import type` only, so this runs under Node.

export interface WindowOptionsInput {
  role: WindowRole;
  screenId: string | null;
  bounds: Rect;
  /** Absolute paths of the bundled preloads, or null to run without any. */
  preloads: PreloadPaths | null;
  /** A receipt printer is configured (told to the kiosk's preload). */
  printerAvailable?: boolean;
  devTools: boolean;
  /** A staff console opened over a wall or the kiosk: borderless, on top, covering the display. */
  overlay?: boolean;
}

/** Passed to the preload through argv so the page can learn which window it is in. */
export function preloadArguments(role: WindowRole, screenId: string | null, printerAvailable = false): string[] {
  return [
    `--${PRELOAD_ARGS.role}=${role}`,
    ...(screenId === null ? [] : [`--${PRELOAD_ARGS.screen}=${screenId}`]),
    ...(role === 'kiosk' ? [`--${PRELOAD_ARGS.printer}=${printerAvailable ? '1' : '0'}`] : []),
  ];
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
      ...(input.preloads
        ? {
            preload: input.preloads[role],
            additionalArguments: preloadArguments(role, input.screenId, input.printerAvailable),
          }
        : {}),
    },
  };
}

/** Roles that show no mouse pointer: walls, and the kiosk (it is touched, not clicked). */
export function hidesCursor(role: WindowRole): boolean {
  return role !== 'staff';
}

export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';
