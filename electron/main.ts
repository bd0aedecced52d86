import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, screen, session } from 'electron';
import { hallOptionsFrom, type HallOptions } from './host/config';
import { startHall } from './host/hall';
import { devToolsWanted, hallArgsFrom } from './windows/hall-args';
import { runShell } from './windows/shell';

// Electron entry, bundled to dist-electron/main.cjs (so __dirname is dist-electron/). Every
// decision lives in ./windows (pure and tested); this file only gathers Electron's modules
// and the host and hands them over.

function fail(error: unknown): never {
  console.error(`Hall Board could not start: ${(error as Error)?.stack ?? String(error)}`);
  app.exit(1);
  process.exit(1);
}

function options(): HallOptions {
  const appDir = app.getAppPath();
  return hallOptionsFrom(hallArgsFrom(process.argv.slice(1)), process.env, {
    dataDir: join(app.getPath('userData'), 'data'),
    rendererDir: join(appDir, 'dist', 'renderer'),
    // assets/ ships outside the asar (extraResources) in a packaged app.
    assetsDir: app.isPackaged ? join(process.resourcesPath, 'assets') : join(appDir, 'assets'),
  });
}

let hallOptions: HallOptions;
try {
  hallOptions = options();
} catch (error) {
  fail(error);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

runShell(
  { app, BrowserWindow, Menu, powerSaveBlocker, screen, session, ipcMain },
  {
    startHall: () => startHall(hallOptions),
    dataDir: hallOptions.dataDir,
    // One preload per role (scripts/build-electron.mjs bundles electron/preload/<role>.ts).
    preloads: {
      board: join(__dirname, 'preload-board.cjs'),
      kiosk: join(__dirname, 'preload-kiosk.cjs'),
      staff: join(__dirname, 'preload-staff.cjs'),
    },
    devTools: devToolsWanted(process.argv, process.env),
  },
).catch(fail);
