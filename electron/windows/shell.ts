import { DEFAULT_BOUNDS_CHECK, type BoundsCheckOptions } from './bounds-check';
import type { ShellElectron } from './electron-surface';
import type { PlanTiming } from './page-boundary';
import { createRecoveryPolicy, DEFAULT_RECOVERY, type RecoveryOptions } from './recovery-policy';
import { startMaintenance } from './maintenance';
import { loadShellConfig, type LoadedShellConfig } from './shell-config';
import { realTimers, type ShellLog, type ShellTimers } from './shell-types';
import { createWindowManager, type WindowManager } from './window-manager';
import { isPermissionAllowed } from './window-security';
import type { PreloadPaths } from './window-options';
import { registerIpcHandlers } from './ipc-handlers';
import { createSlipPrinter } from './slip-printer';

/** What the shell needs of the hall host (a subset of electron/host/hall.ts's Hall). */
export interface ShellHall {
  readonly url: string;
  /** Per-start token of this host's own kiosk window (electron/host/devices/kiosk-devices.ts). */
  readonly localKioskToken: string;
  screens(): readonly { id: string }[];
  /** A board's plan at a viewport, for recycling a wall at its next page change. */
  readonly boards: { planFor(screenId: string, viewport?: { width: number; height: number }): PlanTiming | null };
  close(): Promise<void>;
}

export interface ShellDeps {
  /** Starts the hall host; called only once this instance holds the single-instance lock. */
  startHall(): Promise<ShellHall>;
  /** Where displays.json lives (the hall's data dir). */
  dataDir: string;
  /** The bundled preload of each role, or null to run the windows without any. */
  preloads: PreloadPaths | null;
  devTools?: boolean;
  loadConfig?: (dataDir: string) => Promise<LoadedShellConfig>;
  log: ShellLog;
  timers?: ShellTimers;
  recovery?: Partial<RecoveryOptions>;
  settleMs?: number;
  hangGraceMs?: number;
  boundsCheck?: Partial<BoundsCheckOptions>;
  now?: () => number;
  random?: () => number;
  /** How often renderer memory is sampled (default one minute). */
  memorySampleMs?: number;
  /** A window over its memory budget is recycled by then at the latest (default 10 minutes). */
  recycleMaxWaitMs?: number;
  /** The kiosk is recycled only after this long without a touch (default 2 minutes). */
  kioskIdleMs?: number;
  /** A window whose reloads gave up is rebuilt after this long (default 15 minutes). */
  rebuildAfterGiveUpMs?: number;
}

export interface RunningShell {
  readonly hall: ShellHall;
  readonly windows: WindowManager;
  readonly powerSaveBlockerId: number;
}

/**
 * The whole Electron shell: one instance per machine, the hall host inside it, a window per
 * display, displays followed as they come and go, and the host closed cleanly on quit.
 * Returns null when another instance already runs (this one quits).
 */
export async function runShell(electron: ShellElectron, deps: ShellDeps): Promise<RunningShell | null> {
  const { app, BrowserWindow, Menu, powerSaveBlocker, screen, session, ipcMain } = electron;
  const log = deps.log;
  const timers = deps.timers ?? realTimers;

  // Two instances would fight over the port and the database; the second one just hands over.
  if (!app.requestSingleInstanceLock()) {
    log.warn('another Hall Board instance is running; quitting this one');
    app.quit();
    return null;
  }

  Menu.setApplicationMenu(null);
  // Keep running with no windows: the host still serves the hall's network screens, and the
  // windows come back when a display does.
  app.on('window-all-closed', () => undefined);

  const [hall] = await Promise.all([deps.startHall(), app.whenReady()]);
  const loaded = await (deps.loadConfig ?? loadShellConfig)(deps.dataDir);
  // Operators look for displays.json here; under Electron it is the user-data folder unless --data / HALL_DATA_DIR pins it.
  log.info(`hall data dir (displays.json, screens.json, hall.db): ${deps.dataDir}`);
  if (loaded.warning) log.warn(`${loaded.warning}; using the default display layout`);

  const powerSaveBlockerId = powerSaveBlocker.start('prevent-display-sleep');

  const windows = createWindowManager({
    BrowserWindow,
    screen,
    config: loaded.config,
    screenIds: () => hall.screens().map((s) => s.id),
    hallUrl: hall.url,
    kioskToken: hall.localKioskToken,
    preloads: deps.preloads,
    printerAvailable: loaded.config.receiptPrinter !== null,
    devTools: deps.devTools ?? false,
    timers,
    log: log.child({ module: 'windows' }),
    newRecoveryPolicy: () => createRecoveryPolicy({ ...DEFAULT_RECOVERY, ...deps.recovery }),
    hangGraceMs: deps.hangGraceMs ?? 10_000,
    boundsCheck: { ...DEFAULT_BOUNDS_CHECK, ...deps.boundsCheck },
    settleMs: deps.settleMs ?? 750,
    now: deps.now ?? Date.now,
    planOf(screenId, viewport) {
      try {
        return hall.boards.planFor(screenId, viewport);
      } catch (error) {
        // No plan only means no page change to wait for; it must not take the shell down.
        log.warn(`no plan for board ${screenId}: ${(error as Error).message}`);
        return null;
      }
    },
    recycleMaxWaitMs: deps.recycleMaxWaitMs ?? 10 * 60_000,
    kioskIdleMs: deps.kioskIdleMs ?? 2 * 60_000,
    rebuildAfterGiveUpMs: deps.rebuildAfterGiveUpMs ?? 15 * 60_000,
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const role = windows.roleOf(contents.id);
    const allowed = isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, role }, hall.url);
    if (!allowed) log.warn(`denied permission ${permission} to ${details.requestingUrl ?? 'unknown page'}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin) =>
    isPermissionAllowed(
      { permission, requestingUrl: requestingOrigin, role: contents ? windows.roleOf(contents.id) : null },
      hall.url,
    ),
  );

  const printer = createSlipPrinter({
    BrowserWindow,
    printer: loaded.config.receiptPrinter,
    timers,
    log: log.child({ module: 'printer' }),
    now: deps.now ?? Date.now,
  });
  if (loaded.config.receiptPrinter)
    log.info(
      `kiosk slips print on "${loaded.config.receiptPrinter.name}" (${loaded.config.receiptPrinter.paperWidthMm} mm)`,
    );
  const ipc = registerIpcHandlers({
    ipcMain,
    hallUrl: hall.url,
    roleOf: (id) => windows.roleOf(id),
    printer,
    log: log.child({ module: 'ipc' }),
  });

  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(event, () => windows.scheduleReconcile());
  }
  app.on('second-instance', () => windows.focusFirst());

  const maintenance = startMaintenance({
    app,
    windows,
    config: loaded.config,
    timers,
    log: log.child({ module: 'maintenance' }),
    now: deps.now ?? Date.now,
    random: deps.random ?? Math.random,
    sampleMs: deps.memorySampleMs ?? 60_000,
  });

  let hallClosed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (hallClosed) return;
    // Hold the quit until the host has flushed and closed its database.
    event.preventDefault();
    if (closing) return;
    closing = true;
    maintenance.stop();
    ipc.dispose();
    windows.closeAll();
    hall
      .close()
      .catch((error: unknown) => log.error(`closing the hall failed: ${(error as Error).message}`))
      .finally(() => {
        hallClosed = true;
        app.quit();
      });
  });

  windows.reconcile();
  return { hall, windows, powerSaveBlockerId };
}
