// A CommonJS stand-in for the `electron` module, preloaded with `node --require` so the built
// dist-electron/main.cjs can run under plain Node on a machine without the Electron binary.
// It prints one JSON line per thing the shell does, for the bundle smoke test to read.
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const say = (event, data = {}) => process.stdout.write(`FAKE_ELECTRON ${JSON.stringify({ event, ...data })}\n`);

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getAppPath: () => process.env.FAKE_APP_PATH,
  getPath: (name) =>
    name === 'logs' ? require('node:path').join(process.env.FAKE_USER_DATA, 'logs') : process.env.FAKE_USER_DATA,
  setAppLogsPath: () => undefined,
  // Chromium appends the platform it picked to its command line before main runs; the fake picked none.
  commandLine: { getSwitchValue: () => '', appendSwitch: (name, value) => say('switch', { name, value }) },
  relaunch: (options) => say('relaunch', { options }),
  requestSingleInstanceLock: () => true,
  getAppMetrics: () => [],
  whenReady: () => Promise.resolve(),
  quit() {
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    say('quit', { prevented });
    if (!prevented) process.exit(0);
  },
  exit(code) {
    say('exit', { code });
    process.exit(code);
  },
});

let contentsId = 0;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.destroyed = false;
    this.webContents = Object.assign(new EventEmitter(), {
      id: ++contentsId,
      setWindowOpenHandler: () => say('window-open-handler'),
      insertCSS: () => Promise.resolve(''),
      setVisualZoomLevelLimits: () => Promise.resolve(),
      forcefullyCrashRenderer: () => undefined,
      getURL: () => '',
      getOSProcessId: () => process.pid,
      print: (options, callback) => callback(false, 'no printers in the fake'),
      getPrintersAsync: () => Promise.resolve([]),
    });
    say('window', { options });
  }
  loadURL(url) {
    say('load', { url });
    return Promise.resolve();
  }
  setBounds() {}
  getBounds() {
    return { x: 0, y: 0, width: 1920, height: 1080 };
  }
  setKiosk() {}
  isKiosk() {
    return false;
  }
  setFullScreen() {}
  isFullScreen() {
    return true;
  }
  show() {}
  focus() {}
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const screen = new EventEmitter();
// 'unknown' touch, as Electron reports on Windows and desktop Linux (only ChromeOS fills it in):
// the portrait display becomes the kiosk by its shape.
/** A display at (x, 0) as Electron's screen module describes one. */
const display = (id, label, x, width, height) => ({
  id,
  label,
  bounds: { x, y: 0, width, height },
  size: { width, height },
  scaleFactor: 1,
  touchSupport: 'unknown',
  internal: false,
});
screen.getAllDisplays = () => [display(1, 'LED-1', 0, 1920, 1080), display(2, 'Touch', 1920, 1080, 1920)];

const fake = {
  app,
  BrowserWindow,
  screen,
  Menu: { setApplicationMenu: (menu) => say('menu', { menu }) },
  powerSaveBlocker: { start: (type) => (say('power-save', { type }), 1) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => say('permission-request-handler'),
      setPermissionCheckHandler: () => say('permission-check-handler'),
    },
  },
  contextBridge: { exposeInMainWorld: () => undefined },
  ipcMain: {
    handle: (channel) => say('ipc-handle', { channel }),
    removeHandler: (channel) => say('ipc-remove-handler', { channel }),
  },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: fake };
