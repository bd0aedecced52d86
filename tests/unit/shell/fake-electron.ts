import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { ShellDisplay, ShellElectron, ShellIpcEvent } from '../../../electron/windows/electron-surface';
import type { ShellLog, ShellTimers } from '../../../electron/windows/shell-types';
import type { KeyInput } from '../../../electron/windows/lockdown';

// A fake of the few Electron modules the shell touches (electron/windows/electron-surface.ts).
// The Electron binary cannot be downloaded or run on the machines that run these tests, so the
// shell's wiring is checked against this stand-in; the decisions it wires are pure and tested
// directly, and tsc checks the real modules against the same surface in electron/main.ts.

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  has(event: string): boolean {
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
}

/** A key press as Electron's before-input-event reports it: no modifier unless given. */
export const keyDown = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

/** What the fake OS has in the way of printers, and how the next prints go (reset it before each test). */
export const fakePrinting = {
  printers: [] as { name: string; displayName: string }[],
  /** Answer of webContents.print's callback; null = never answers (a hung driver). */
  outcome: { success: true, failureReason: '' } as { success: boolean; failureReason: string } | null,
  jobs: [] as { options: WebContentsPrintOptions; html: string }[],
  reset() {
    this.printers = [];
    this.outcome = { success: true, failureReason: '' };
    this.jobs = [];
  },
};

export class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly insertedCss: string[] = [];
  zoomLimits: [number, number] | null = null;
  crashes = 0;
  url = '';
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  insertCSS(css: string): Promise<string> {
    this.insertedCss.push(css);
    return Promise.resolve('key');
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashes++;
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
  getURL(): string {
    return this.url;
  }
  getOSProcessId(): number {
    return 10_000 + this.id;
  }
  getPrintersAsync(): Promise<{ name: string; displayName: string }[]> {
    return Promise.resolve(fakePrinting.printers.map((p) => ({ ...p })));
  }
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    const html = this.url.startsWith('data:text/html;charset=utf-8,')
      ? decodeURIComponent(this.url.slice('data:text/html;charset=utf-8,'.length))
      : '';
    fakePrinting.jobs.push({ options, html });
    const outcome = fakePrinting.outcome;
    if (outcome) setImmediate(() => callback(outcome.success, outcome.failureReason));
  }
  /** A key press as Electron reports it before the page sees it; false when the shell swallowed it. */
  pressKey(key: string, mods: { control?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {}): boolean {
    const event = new FakeEvent();
    this.emit('before-input-event', event, keyDown(key, mods));
    return !event.defaultPrevented;
  }
  /** What Electron does before navigating: ask the listeners, report whether it was refused. */
  tryNavigate(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  bounds: { x: number; y: number; width: number; height: number };
  fullScreen: boolean;
  kiosk: boolean;
  /** Every setBounds the shell made, in order. */
  readonly boundsSet: { x: number; y: number; width: number; height: number }[] = [];
  /** A stubborn window manager: ignore this many setBounds calls. */
  ignoreSetBounds = 0;
  shown = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.fullScreen = options.fullscreen ?? false;
    this.kiosk = options.kiosk ?? false;
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.boundsSet.push(bounds);
    if (this.ignoreSetBounds > 0) {
      this.ignoreSetBounds--;
      return;
    }
    this.bounds = bounds;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }
  isKiosk(): boolean {
    return this.kiosk;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  /** Like Electron: 'close' listeners may refuse; only then is the window gone ('closed'). */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type PermissionRequestHandler = (
  contents: { id: number },
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (contents: { id: number } | null, permission: string, origin: string) => boolean;

export class FakeApp extends Emitter {
  gotLock = true;
  quitCalls = 0;
  quitted = false;
  exitCode: number | null = null;
  /** What app.getAppMetrics() answers; tests put renderer memory here. */
  metrics: { pid: number; type: string; memory: { workingSetSize: number } }[] = [];
  getAppMetrics() {
    return this.metrics;
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Like Electron: quitting asks before-quit listeners first, any of them may hold it. */
  quit(): void {
    this.quitCalls++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  getPath(): string {
    return '/tmp/fake-user-data';
  }
}

type IpcListener = (event: ShellIpcEvent, ...args: unknown[]) => unknown;

/** Stands in for ipcMain: records handlers; invoke() calls one the way a renderer's invoke would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** A message from `contents`' main frame (or a sub-frame) at `url`; resolves like ipcRenderer.invoke. */
  async invoke(
    channel: string,
    from: { id: number; url: string; subframe?: boolean },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: ShellIpcEvent = {
      sender: { id: from.id },
      senderFrame: { url: from.url, parent: from.subframe ? {} : null },
    };
    return handler(event, ...args);
  }
}

export function createFakeElectron(displays: ShellDisplay[]) {
  FakeBrowserWindow.instances = [];
  const ipcMain = new FakeIpcMain();
  const app = new FakeApp();
  const screen = Object.assign(new Emitter(), {
    displays,
    getAllDisplays(): ShellDisplay[] {
      return [...this.displays];
    },
  });
  const recorded = {
    applicationMenu: 'untouched' as null | 'untouched',
    powerSaveTypes: [] as string[],
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
  };
  const electron: ShellElectron = {
    ipcMain,
    app,
    BrowserWindow: FakeBrowserWindow,
    screen,
    Menu: {
      setApplicationMenu(menu) {
        recorded.applicationMenu = menu;
      },
    },
    powerSaveBlocker: {
      start(type) {
        recorded.powerSaveTypes.push(type);
        return 7;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler) {
          recorded.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler(handler) {
          recorded.permissionCheckHandler = handler;
        },
      },
    },
  };
  return { electron, app, screen, recorded, ipcMain, windows: () => FakeBrowserWindow.instances };
}

/** Timers the test moves by hand. */
export function manualTimers(): ShellTimers & { advance(ms: number): void; pending(): number; now(): number } {
  let now = 0;
  let seq = 0;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = ++seq;
      queue.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pending: () => queue.size,
    now: () => now,
  };
}

/** The shell's lines in memory; a module's child writes into the same list. */
export function memoryLog(): ShellLog & { lines: string[] } {
  const lines: string[] = [];
  const log: ShellLog & { lines: string[] } = {
    lines,
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
    child: () => log,
  };
  return log;
}
