import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { KeyInput } from './lockdown';
import type { ProcessMetricLike } from './memory-policy';

// The slice of Electron the shell uses, spelled out. main.ts hands the real modules in (and tsc
// checks them against electron.d.ts here); the shell test hands in a fake, because the Electron
// binary cannot run on every machine that runs the tests.

export interface PreventableEvent {
  preventDefault(): void;
}

export interface ShellDisplay {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  size: { width: number; height: number };
  scaleFactor: number;
  touchSupport: 'available' | 'unavailable' | 'unknown';
  internal: boolean;
}

export interface ShellWebContents {
  readonly id: number;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  on(event: 'input-event', listener: (event: unknown, input: { type: string }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  insertCSS(css: string): Promise<string>;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  forcefullyCrashRenderer(): void;
  getURL(): string;
  getOSProcessId(): number;
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  getPrintersAsync(): Promise<{ name: string; displayName: string }[]>;
}

export interface ShellWindow {
  readonly webContents: ShellWebContents;
  loadURL(url: string): Promise<void>;
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void;
  getBounds(): { x: number; y: number; width: number; height: number };
  setFullScreen(flag: boolean): void;
  isFullScreen(): boolean;
  setKiosk(flag: boolean): void;
  isKiosk(): boolean;
  show(): void;
  focus(): void;
  close(): void;
  isDestroyed(): boolean;
  on(event: 'ready-to-show' | 'closed' | 'unresponsive' | 'responsive', listener: () => void): unknown;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'app-command', listener: (event: PreventableEvent, command: string) => void): unknown;
}

export interface ShellBrowserWindowClass {
  new (options: BrowserWindowConstructorOptions): ShellWindow;
}

export interface ShellApp {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(exitCode?: number): void;
  getPath(name: 'userData'): string;
  getAppMetrics(): ProcessMetricLike[];
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface ShellScreen {
  getAllDisplays(): ShellDisplay[];
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

export interface ShellSession {
  setPermissionRequestHandler(
    handler: (
      webContents: { readonly id: number },
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: { readonly id: number } | null, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

/** The parts of IpcMainInvokeEvent the shell reads to tell who sent a message. */
export interface ShellIpcEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface ShellIpcMain {
  handle(channel: string, listener: (event: ShellIpcEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface ShellElectron {
  app: ShellApp;
  BrowserWindow: ShellBrowserWindowClass;
  screen: ShellScreen;
  Menu: { setApplicationMenu(menu: null): void };
  powerSaveBlocker: { start(type: 'prevent-display-sleep'): number };
  session: { readonly defaultSession: ShellSession };
  ipcMain: ShellIpcMain;
}
