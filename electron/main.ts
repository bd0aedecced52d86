import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, screen, session } from 'electron';
import { ConfigError, hallOptionsFrom, type HallOptions } from './host/config';
import { DatabaseTooNewError, NativeBindingError } from './host/db/errors';
import { startHall } from './host/hall';
import { ScreenConfigError } from './host/screens/screen-config';
import { RendererMissingError } from './host/server/http-server';
import {
  createLogger,
  logDestinations,
  openLogFile,
  stderrDestination,
  stdoutDestination,
  type Logger,
} from './host/util/logger';
import { decideDisplayServer } from './windows/display-server';
import { devToolsWanted, hallArgsFrom } from './windows/hall-args';
import { describeLogDestination, logDestination } from './windows/log-destination';
import { runShell } from './windows/shell';
import { bindingCacheRoot, devBindingPath, packagedBindingPath } from './windows/sqlite-binding';
import { chromiumSwitches } from './windows/chromium-switches';

// Electron entry, bundled to dist-electron/main.cjs (so __dirname is dist-electron/). Every
// decision lives in ./windows (pure and tested); this file only gathers Electron's modules
// and the host and hands them over.

// Until main() knows where the log goes (the relaunch below, a failure before the file is
// open), the shell's lines go to stderr, where a person starting the app by hand reads them.
const bootLog: Logger = createLogger({ destination: stderrDestination() }).child({ name: 'shell' });
let log: Logger = bootLog;

/** Operator mistakes (a flag, a file, a missing binding) in one line; anything else with its stack. */
function fail(error: unknown): never {
  const expected = [ConfigError, ScreenConfigError, RendererMissingError, DatabaseTooNewError, NativeBindingError].some(
    (type) => error instanceof type,
  );
  const text = expected ? (error as Error).message : ((error as Error)?.stack ?? String(error));
  const line = `Hall Board could not start: ${text}`;
  // Also on stderr: the one line a person who started the app by hand must see, wherever the
  // log went. A packaged Windows app has no stderr (pinojs/pino#1868): writing there throws.
  for (const logger of new Set([log, bootLog])) {
    try {
      logger.fatal(line);
    } catch {
      // no such stream; the other one has the line
    }
  }
  app.exit(1);
  process.exit(1);
}

/**
 * better-sqlite3 built for this runtime: inside Electron the shell's own build (shipped in
 * resources/native, or made by `npm start` in .cache/electron-native); under plain Node (the
 * bundle smoke test's stand-in for Electron) node_modules' own.
 */
function nativeBinding(appDir: string): string | null {
  const electron = process.versions.electron;
  if (!electron) return null;
  if (app.isPackaged) return packagedBindingPath(process.resourcesPath);
  const sqlite = JSON.parse(readFileSync(join(appDir, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as {
    version: string;
  };
  return devBindingPath(bindingCacheRoot(appDir, process.env), {
    electronVersion: electron,
    platform: process.platform,
    arch: process.arch,
    sqliteVersion: sqlite.version,
  });
}

function options(argv: readonly string[]): HallOptions {
  const appDir = app.getAppPath();
  return hallOptionsFrom(hallArgsFrom(argv), process.env, {
    dataDir: join(app.getPath('userData'), 'data'),
    rendererDir: join(appDir, 'dist', 'renderer'),
    // assets/ ships outside the asar (extraResources) in a packaged app.
    assetsDir: app.isPackaged ? join(process.resourcesPath, 'assets') : join(appDir, 'assets'),
    nativeBinding: nativeBinding(appDir),
  });
}

async function main(argv: readonly string[], displayServerLog: string | null): Promise<void> {
  // <user data>/logs on Windows and Linux (Electron docs, app.setAppLogsPath).
  app.setAppLogsPath();
  const destination = logDestination({
    packaged: app.isPackaged,
    platform: process.platform,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    appLogsDir: app.getPath('logs'),
  });
  const streams = destination.stdout ? [stdoutDestination()] : [];
  let fileError: string | null = null;
  if (destination.fileDir) {
    try {
      streams.push(await openLogFile(destination.fileDir));
    } catch (error) {
      fileError = `cannot write logs to ${destination.fileDir}: ${(error as Error).message}`;
    }
  }
  // The process's one logger, the host's lines and the shell's told apart by name.
  const root = createLogger({ destination: logDestinations(streams) });
  log = root.child({ name: 'shell' });
  const shellLog = log;
  shellLog.info(describeLogDestination(destination, process.platform));
  if (fileError) shellLog.warn(fileError);
  if (displayServerLog) shellLog.info(displayServerLog);

  const hallOptions = options(argv);
  const hallLog = root.child({ name: 'hall' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  await runShell(
    { app, BrowserWindow, Menu, powerSaveBlocker, screen, session, ipcMain },
    {
      startHall: () => startHall(hallOptions, { log: hallLog }),
      dataDir: hallOptions.dataDir,
      // One preload per role (scripts/build-electron.mjs bundles electron/preload/<role>.ts).
      preloads: {
        board: join(__dirname, 'preload-board.cjs'),
        kiosk: join(__dirname, 'preload-kiosk.cjs'),
        staff: join(__dirname, 'preload-staff.cjs'),
      },
      devTools: devToolsWanted(process.argv, process.env),
      log: shellLog,
    },
  );
}

const argv = process.argv.slice(1);
// Before anything else: the display server can only be chosen by the command line.
const displayServer = decideDisplayServer({
  platform: process.platform,
  env: process.env,
  argv,
  chosen: app.commandLine.getSwitchValue('ozone-platform'),
});
if (displayServer.action === 'relaunch') {
  log.info(displayServer.log);
  // An AppImage's executable lives in a mount that goes away with this process: relaunch the image.
  app.relaunch({ args: displayServer.args, ...(process.env.APPIMAGE ? { execPath: process.env.APPIMAGE } : {}) });
  app.exit(0);
} else {
  for (const [name, value] of chromiumSwitches(process.platform)) app.commandLine.appendSwitch(name, value);
  main(argv, displayServer.log).catch(fail);
}
