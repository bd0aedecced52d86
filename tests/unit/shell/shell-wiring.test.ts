import { describe, expect, it } from 'vitest';
import { HIDE_CURSOR_CSS } from '../../../electron/windows/window-options';
import { createFakeElectron, FakeEvent, memoryLog } from './fake-electron';
import { runShell } from '../../../electron/windows/shell';
import { display } from './displays';
import { fakeHall, HALL_URL, KIOSK_TOKEN, urls, useShellHarness } from './shell-harness';

// The shell's wiring against a fake `electron` (see shell-harness.ts for why): windows per
// display, lock-down, hot-plug, the staff chord, crash recovery and quitting.
const { start, writeConfig, dataDir } = useShellHarness();

describe('runShell', () => {
  it('opens a frameless fullscreen board on every display at the hall’s board URLs', async () => {
    const { windows } = await start();
    expect(urls(windows())).toEqual([`${HALL_URL}/board/1`, `${HALL_URL}/board/2`]);
    const [first, second] = windows();
    expect(first?.options).toMatchObject({
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      frame: false,
      fullscreen: true,
      show: false,
    });
    expect(second?.options).toMatchObject({ x: 1920, y: 0 });
  });

  it('locks every window’s web preferences down', async () => {
    const { windows } = await start();
    for (const win of windows()) {
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        backgroundThrottling: false,
        spellcheck: false,
        webSecurity: true,
        devTools: false,
        preload: '/app/dist-electron/preload-board.cjs',
      });
    }
    expect(windows()[1]?.options.webPreferences?.additionalArguments).toEqual(['--hall-role=board', '--hall-screen=2']);
  });

  it('takes the single-instance lock, removes the menu and keeps the displays awake', async () => {
    const { recorded, shell, app, log } = await start();
    expect(log.lines).toContain(`info hall data dir (displays.json, screens.json, hall.db): ${dataDir()}`);
    expect(recorded.applicationMenu).toBeNull();
    expect(recorded.powerSaveTypes).toEqual(['prevent-display-sleep']);
    expect(shell?.powerSaveBlockerId).toBe(7);
    expect(app.has('second-instance')).toBe(true);
    expect(app.has('window-all-closed')).toBe(true);
  });

  it('quits without starting the hall when another instance holds the lock', async () => {
    const fake = createFakeElectron([display(1, 0)]);
    fake.app.gotLock = false;
    let started = false;
    const shell = await runShell(fake.electron, {
      startHall: () => {
        started = true;
        return Promise.resolve(fakeHall());
      },
      dataDir: dataDir(),
      preloads: null,
      log: memoryLog(),
    });
    expect(shell).toBeNull();
    expect(started).toBe(false);
    expect(fake.app.quitted).toBe(true);
    expect(fake.windows()).toEqual([]);
  });

  it('refuses navigation away from the hall and to another role’s pages', async () => {
    const { windows, log } = await start();
    const contents = windows()[0]!.webContents;
    expect(contents.tryNavigate(`${HALL_URL}/board/2`)).toBe(true);
    expect(contents.tryNavigate('https://example.com/')).toBe(false);
    expect(contents.tryNavigate(`${HALL_URL}/staff`)).toBe(false);
    const redirect = new FakeEvent();
    contents.emit('will-redirect', redirect, 'http://10.0.0.1/phish');
    expect(redirect.defaultPrevented).toBe(true);
    expect(log.lines.filter((l) => l.startsWith('warn blocked navigation'))).toHaveLength(3);
  });

  it('denies popups and <webview>', async () => {
    const { windows } = await start();
    const contents = windows()[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: `${HALL_URL}/board/1` })).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });

  it('denies permissions by default and grants the staff console its clipboard only', async () => {
    writeConfig({ displays: [{ match: { id: 2 }, role: 'staff' }] });
    const { windows, recorded } = await start();
    const [board, staff] = windows();
    const ask = (id: number, permission: string, url: string) => {
      let granted: boolean | null = null;
      recorded.permissionRequestHandler?.({ id }, permission, (g) => (granted = g), { requestingUrl: url });
      return granted;
    };
    expect(ask(board!.webContents.id, 'media', `${HALL_URL}/board/1`)).toBe(false);
    expect(ask(board!.webContents.id, 'clipboard-sanitized-write', `${HALL_URL}/board/1`)).toBe(false);
    expect(ask(staff!.webContents.id, 'clipboard-sanitized-write', `${HALL_URL}/staff`)).toBe(true);
    expect(ask(staff!.webContents.id, 'geolocation', `${HALL_URL}/staff`)).toBe(false);
    expect(ask(9999, 'clipboard-sanitized-write', `${HALL_URL}/staff`)).toBe(false);
    expect(recorded.permissionCheckHandler?.(null, 'clipboard-sanitized-write', HALL_URL)).toBe(false);
    expect(
      recorded.permissionCheckHandler?.({ id: staff!.webContents.id }, 'clipboard-sanitized-write', HALL_URL),
    ).toBe(true);
  });

  it('follows displays.json: a named display becomes the kiosk', async () => {
    writeConfig({ displays: [{ match: { label: 'Touch' }, role: 'kiosk' }] });
    const { windows } = await start([display(1, 0), display(2, 1920, 0, { label: 'Touch' })]);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/1`, `${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`]);
    expect(windows()[1]?.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
  });

  it('hides the cursor and pinch-zoom on boards once the page has loaded, but not on the staff console', async () => {
    writeConfig({ displays: [{ match: { id: 2 }, role: 'staff' }] });
    const { windows } = await start();
    const [board, staff] = windows();
    board!.webContents.emit('did-finish-load');
    staff!.webContents.emit('did-finish-load');
    expect(board!.webContents.insertedCss).toEqual([HIDE_CURSOR_CSS]);
    expect(board!.webContents.zoomLimits).toEqual([1, 1]);
    expect(staff!.webContents.insertedCss).toEqual([]);
    expect(staff!.webContents.zoomLimits).toEqual([1, 1]);
    expect(staff!.options).toMatchObject({ frame: true, fullscreen: false });
  });

  it('swallows the keys that would take a wall or the kiosk out of full screen or reload it', async () => {
    writeConfig({ displays: [{ match: { id: 2 }, role: 'kiosk' }] });
    const { windows } = await start();
    const [board, kiosk] = windows();
    expect(kiosk!.webContents.pressKey('F11')).toBe(false);
    expect(kiosk!.webContents.pressKey('r', { control: true })).toBe(false);
    expect(kiosk!.webContents.pressKey('7')).toBe(true);
    expect(board!.webContents.pressKey('I', { control: true, shift: true })).toBe(false);
    const back = new FakeEvent();
    kiosk!.emit('app-command', back, 'browser-backward');
    expect(back.defaultPrevented).toBe(true);
    expect(kiosk!.options).toMatchObject({ movable: false, resizable: false, alwaysOnTop: true, skipTaskbar: true });
  });

  it('shows each window once it is ready to paint', async () => {
    const { windows } = await start();
    const win = windows()[0]!;
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('runShell hot-plug', () => {
  it('opens a window for a display plugged in, once the display events settle', async () => {
    const { screen, windows, timers } = await start([display(1, 0)]);
    screen.displays.push(display(2, 1920));
    screen.emit('display-added');
    screen.emit('display-metrics-changed');
    expect(windows()).toHaveLength(1);
    timers.advance(500);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/1`, `${HALL_URL}/board/2`]);
  });

  it('closes the window of an unplugged display and leaves the other wall on its screen', async () => {
    const { screen, windows, timers } = await start();
    screen.displays.splice(0, 1);
    screen.emit('display-removed');
    timers.advance(500);
    expect(windows()[0]?.destroyed).toBe(true);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/2`]);
    expect(windows()[1]?.loadedUrls).toEqual([`${HALL_URL}/board/2`]);
  });

  it('moves a window whose display changed resolution', async () => {
    const { screen, windows, timers } = await start([display(1, 0)]);
    screen.displays[0] = display(1, 0, 0, { bounds: { x: 0, y: 0, width: 3840, height: 2160 } });
    screen.emit('display-metrics-changed');
    timers.advance(500);
    expect(windows()).toHaveLength(1);
    expect(windows()[0]).toMatchObject({ bounds: { x: 0, y: 0, width: 3840, height: 2160 }, fullScreen: true });
  });

  it('puts a wall back on its display when the window manager showed it elsewhere', async () => {
    const { windows, timers, log } = await start();
    const second = windows()[1]!;
    second.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    second.emit('ready-to-show');
    timers.advance(999);
    expect(second.boundsSet).toEqual([]);
    timers.advance(1);
    expect(second.boundsSet).toEqual([{ x: 1920, y: 0, width: 1920, height: 1080 }]);
    expect(second).toMatchObject({ bounds: { x: 1920, y: 0 }, fullScreen: true, shown: true });
    expect(log.lines).toContain(
      'warn board 2 on display 2: at 1920×1080+0+0 instead of 1920×1080+1920+0; putting it back (try 1)',
    );
    timers.advance(60_000);
    expect(second.boundsSet).toHaveLength(1);
  });

  it('leaves a window that is where it should be alone', async () => {
    const { windows, timers } = await start();
    for (const win of windows()) win.emit('ready-to-show');
    timers.advance(60_000);
    expect(windows().map((w) => w.boundsSet)).toEqual([[], []]);
  });

  it('takes the kiosk out of kiosk mode to move it, and back in', async () => {
    writeConfig({ displays: [{ match: { id: 2 }, role: 'kiosk' }] });
    const { windows, timers } = await start();
    const kiosk = windows()[1]!;
    kiosk.bounds = { x: 0, y: 0, width: 800, height: 600 };
    kiosk.emit('ready-to-show');
    timers.advance(1_000);
    expect(kiosk).toMatchObject({ bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, kiosk: true });
  });

  it('tries three times against a window manager that will not move the window, then says so once', async () => {
    const { windows, timers, log } = await start();
    const second = windows()[1]!;
    second.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    second.ignoreSetBounds = 100;
    second.emit('ready-to-show');
    timers.advance(60_000);
    expect(second.boundsSet).toHaveLength(3);
    expect(log.lines.filter((l) => l.startsWith('error') && l.includes('after 3 tries'))).toHaveLength(1);
  });

  it('checks again after a resolution change and re-applies a move the window manager dropped', async () => {
    const { screen, windows, timers } = await start([display(1, 0)]);
    const win = windows()[0]!;
    win.ignoreSetBounds = 1;
    screen.displays[0] = display(1, 0, 0, { bounds: { x: 0, y: 0, width: 3840, height: 2160 } });
    screen.emit('display-metrics-changed');
    timers.advance(500);
    expect(win.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    timers.advance(1_000);
    expect(win.bounds).toEqual({ x: 0, y: 0, width: 3840, height: 2160 });
    expect(win.boundsSet).toHaveLength(2);
  });

  it('does not police a staff window of its own, which staff may move', async () => {
    writeConfig({ displays: [{ match: { id: 1 }, role: 'staff' }] });
    const { windows, timers } = await start([display(1, 0)]);
    const staff = windows()[0]!;
    staff.bounds = { x: 200, y: 100, width: 1200, height: 800 };
    staff.emit('ready-to-show');
    timers.advance(60_000);
    expect(staff.boundsSet).toEqual([]);
  });

  it('refuses to let a wall be closed by hand', async () => {
    const { windows, timers } = await start([display(1, 0)]);
    windows()[0]!.close();
    timers.advance(500);
    expect(windows()).toHaveLength(1);
    expect(windows()[0]?.destroyed).toBe(false);
  });

  it('puts back a configured staff console someone closed', async () => {
    writeConfig({ displays: [{ match: { id: 1 }, role: 'staff' }] });
    const { windows, timers } = await start([display(1, 0)]);
    windows()[0]!.close();
    expect(windows()[0]?.destroyed).toBe(true);
    timers.advance(500);
    expect(urls(windows())).toEqual([`${HALL_URL}/staff`]);
  });
});

describe('runShell staff console by key chord', () => {
  it('opens the staff console over the wall the chord was typed on, once, on top and borderless', async () => {
    const { windows, shell, recorded } = await start();
    const board = windows()[1]!;
    expect(board.webContents.pressKey('S', { control: true, alt: true, shift: true })).toBe(false);
    expect(board.webContents.pressKey('S', { control: true, alt: true, shift: true })).toBe(false);
    expect(windows()).toHaveLength(3);
    const staff = windows()[2]!;
    expect(staff.webContents.url).toBe(`${HALL_URL}/staff`);
    expect(staff.options).toMatchObject({ x: 1920, alwaysOnTop: true, frame: false, fullscreen: false });
    expect(staff.focused).toBe(true);
    expect(shell?.windows.overlays()).toEqual([2]);
    let granted: boolean | null = null;
    recorded.permissionRequestHandler?.(
      { id: staff.webContents.id },
      'clipboard-sanitized-write',
      (g) => (granted = g),
      {
        requestingUrl: `${HALL_URL}/staff`,
      },
    );
    expect(granted).toBe(true);
  });

  it('closes the staff console after the idle minutes without input, counting from the last input', async () => {
    const { windows, timers, shell } = await start([display(1, 0)]);
    windows()[0]!.webContents.pressKey('s', { control: true, alt: true, shift: true });
    const staff = windows()[1]!;
    timers.advance(4 * 60_000);
    staff.webContents.emit('input-event', {}, { type: 'mouseDown' });
    timers.advance(4 * 60_000);
    expect(staff.destroyed).toBe(false);
    timers.advance(60_000);
    expect(staff.destroyed).toBe(true);
    expect(windows()[0]?.destroyed).toBe(false);
    expect(shell?.windows.overlays()).toEqual([]);
  });

  it('takes the staff console away with its display', async () => {
    const { windows, timers, screen } = await start();
    windows()[0]!.webContents.pressKey('s', { control: true, alt: true, shift: true });
    screen.displays.splice(0, 1);
    screen.emit('display-removed');
    timers.advance(500);
    expect(windows()[2]?.destroyed).toBe(true);
  });

  it('uses the chord set in displays.json', async () => {
    writeConfig({ staffChord: 'Ctrl+Shift+F9' });
    const { windows } = await start([display(1, 0)]);
    windows()[0]!.webContents.pressKey('s', { control: true, alt: true, shift: true });
    expect(windows()).toHaveLength(1);
    windows()[0]!.webContents.pressKey('F9', { control: true, shift: true });
    expect(windows()).toHaveLength(2);
  });
});

describe('runShell recovery', () => {
  it('reloads a crashed board after the back-off delay', async () => {
    const { windows, timers, log } = await start([display(1, 0)]);
    const win = windows()[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    timers.advance(999);
    expect(win.loadedUrls).toHaveLength(1);
    timers.advance(1);
    expect(win.loadedUrls).toEqual([`${HALL_URL}/board/1`, `${HALL_URL}/board/1`]);
    expect(
      log.lines.some((l) => l.includes('renderer gone (crashed, exit 139)') && l.includes('reload #1 in 1000 ms')),
    ).toBe(true);
  });

  it('retries a page that failed to load (host still starting) but ignores aborted loads', async () => {
    const { windows, timers } = await start([display(1, 0)]);
    const win = windows()[0]!;
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', `${HALL_URL}/board/1`, true);
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${HALL_URL}/favicon.ico`, false);
    timers.advance(60_000);
    expect(win.loadedUrls).toHaveLength(1);
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${HALL_URL}/board/1`, true);
    timers.advance(1000);
    expect(win.loadedUrls).toHaveLength(2);
  });

  it('kills and reloads a page that stays unresponsive, but not one that recovers', async () => {
    const { windows, timers } = await start([display(1, 0), display(2, 1920)]);
    const [hung, slow] = windows();
    hung!.emit('unresponsive');
    slow!.emit('unresponsive');
    timers.advance(5_000);
    slow!.emit('responsive');
    timers.advance(5_000);
    expect(hung!.webContents.crashes).toBe(1);
    expect(slow!.webContents.crashes).toBe(0);
    timers.advance(1_000);
    expect(hung!.loadedUrls).toHaveLength(2);
  });

  it('gives up reloading a window that keeps crashing, says so once, and rebuilds it 15 minutes later', async () => {
    const { windows, timers, log } = await start([display(1, 0)]);
    const win = windows()[0]!;
    // Crashes every 2 minutes; the seventh (at 12 min) is one too many.
    for (let i = 0; i < 10; i++) {
      win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
      timers.advance(120_000);
    }
    expect(win.loadedUrls).toHaveLength(7);
    expect(log.lines.filter((l) => l.startsWith('error') && l.includes('giving up'))).toHaveLength(1);
    expect(windows()).toHaveLength(1);
    timers.advance(27 * 60_000 - 20 * 60_000 - 1);
    expect(windows()).toHaveLength(1);
    timers.advance(1);
    expect(win.destroyed).toBe(true);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/1`]);
    expect(windows()[1]!.options).toMatchObject({ x: 0, fullscreen: true });
    expect(log.lines).toContain('warn display 1: rebuilding its window in 15 min');
  });
});

describe('runShell quit', () => {
  it('holds the quit until the hall has closed, then quits for real', async () => {
    const { app, hall, windows } = await start();
    app.quit();
    expect(app.quitted).toBe(false);
    expect(windows().every((w) => w.destroyed)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(hall.closed).toBe(1);
    expect(app.quitted).toBe(true);
    expect(app.quitCalls).toBe(2);
  });

  it('does not reopen windows that it closed for the quit', async () => {
    const { app, windows, timers } = await start();
    app.quit();
    timers.advance(10_000);
    expect(windows()).toHaveLength(2);
  });
});
