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
screen.getAllDisplays = () => [
  {
    id: 1,
    label: 'LED-1',
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    size: { width: 1920, height: 1080 },
    scaleFactor: 1,
    touchSupport: 'unknown',
    internal: false,
  },
  {
    id: 2,
    label: 'Touch',
    bounds: { x: 1920, y: 0, width: 1080, height: 1920 },
    size: { width: 1080, height: 1920 },
    scaleFactor: 1,
    touchSupport: 'unknown',
    internal: false,
  },
];

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
