import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { runShell, type ShellDeps, type ShellHall } from '../../../electron/windows/shell';
import { display } from './displays';
import { createFakeElectron, fakePrinting, manualTimers, memoryLog, type FakeBrowserWindow } from './fake-electron';

// Starts the shell's wiring (electron/windows/shell.ts) against the fake `electron` module: the
// Electron binary cannot be downloaded on this machine, so no real BrowserWindow can exist.
// The hall is a stand-in too, because what is under test is which windows the shell opens and
// how it guards them, not the host (which has its own tests); it carries a real URL string.

export const HALL_URL = 'http://127.0.0.1:45123';
export const PRELOADS = {
  board: '/app/dist-electron/preload-board.cjs',
  kiosk: '/app/dist-electron/preload-kiosk.cjs',
  staff: '/app/dist-electron/preload-staff.cjs',
};
/** Stands in for the host's per-start kiosk token (base64url, like kiosk-devices.ts mints). */
export const KIOSK_TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw_-';
/** The shell's clock: local noon on a market day, moved on by the manual timers. */
export const NOON = new Date(2026, 2, 10, 12, 0, 0, 0).getTime();

export type PlanTiming = Pick<BoardPlan, 'anchorMs' | 'cycleMs' | 'pages'>;

export function fakeHall(screenIds = ['1', '2'], plan: (screenId: string) => PlanTiming | null = () => null) {
  const hall = {
    url: HALL_URL,
    localKioskToken: KIOSK_TOKEN,
    closed: 0,
    planRequests: [] as { screenId: string; viewport: { width: number; height: number } | undefined }[],
    screens: () => screenIds.map((id) => ({ id })),
    boards: {
      planFor(screenId: string, viewport?: { width: number; height: number }) {
        hall.planRequests.push({ screenId, viewport });
        return plan(screenId);
      },
    },
    close() {
      hall.closed++;
      return Promise.resolve();
    },
  } satisfies ShellHall & { closed: number; planRequests: unknown[] };
  return hall;
}

export const urls = (windows: FakeBrowserWindow[]) => windows.filter((w) => !w.destroyed).map((w) => w.webContents.url);

/** Registers a fresh data dir per test; `start()` runs the shell with manual timers and a memory log. */
export function useShellHarness() {
  let dataDir = '';
  beforeEach(() => {
    fakePrinting.reset();
    dataDir = mkdtempSync(join(tmpdir(), 'hall-shell-wiring-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  return {
    dataDir: () => dataDir,
    /** Writes displays.json for the next start(). */
    writeConfig(config: object) {
      writeFileSync(join(dataDir, 'displays.json'), JSON.stringify(config));
    },
    async start(
      displays = [display(1, 0), display(2, 1920)],
      screenIds = ['1', '2'],
      options: { plan?: (screenId: string) => PlanTiming | null; deps?: Partial<ShellDeps> } = {},
    ) {
      const fake = createFakeElectron(displays);
      const hall = fakeHall(screenIds, options.plan);
      const timers = manualTimers();
      const log = memoryLog();
      let hallStarts = 0;
      const shell = await runShell(fake.electron, {
        startHall: () => {
          hallStarts++;
          return Promise.resolve(hall);
        },
        dataDir,
        preloads: PRELOADS,
        timers,
        log,
        recovery: { random: () => 0.5, now: () => 0 },
        settleMs: 500,
        hangGraceMs: 10_000,
        now: () => NOON + timers.now(),
        random: () => 0,
        ...options.deps,
      });
      return { ...fake, hall, timers, log, shell, hallStarts: () => hallStarts };
    },
  };
}
