import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDisplay, type WindowAssignment } from '../../../electron/windows/display-assignment';
import {
  assignedWindows,
  cannotRunLine,
  checkLine,
  databaseCheck,
  EXIT,
  exitCodeFor,
  parseLogLines,
  parseSmokeArgs,
  windowChecks,
  windowCountCheck,
  type LogLine,
} from '../../../scripts/launcher/electron-smoke';
import { pageFacts } from '../../../scripts/launcher/smoke-page';
import { launchChromium } from '../../support/browser';
import { startTestHall } from '../../support/in-process-hall';
import { display } from '../shell/displays';

// `npm run test:electron` cannot run here (no Electron binary); its checks can. The log parsing
// reads lines the real shell writes; the page checks read real hall pages in real Chromium, with
// window.hallShell set up the way each role's preload leaves it.

const root = resolve(import.meta.dirname, '../../..');
const shellLine = (msg: string): LogLine => ({ name: 'shell', msg });
const board = (id: number, screenId: string, x: number): WindowAssignment => ({
  displayId: id,
  role: 'board',
  screenId,
  bounds: display(id, x).bounds,
  source: 'default',
});

describe('the checks, from the shell’s own log lines', () => {
  const lines: LogLine[] = [
    shellLine('logging to /tmp/l (newest: current.log) and stdout'),
    shellLine(describeDisplay(display(7, 0, 0, { label: 'LED "A"' }), board(7, '1', 0))),
    shellLine(
      describeDisplay(display(8, 1920, 0, { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } }), {
        displayId: 8,
        role: 'kiosk',
        screenId: null,
        bounds: { x: 1920, y: 0, width: 1080, height: 1920 },
        source: 'default',
      }),
    ),
    shellLine(describeDisplay(display(9, 3000), undefined)),
    { name: 'hall', msg: 'database opened', binding: '/repo/.cache/electron-native/b.node', modules: '150' },
  ];

  it('finds every window the shell assigned, and not the dark displays', () => {
    expect(assignedWindows(lines)).toEqual([
      { displayId: 7, role: 'board', screenId: '1' },
      { displayId: 8, role: 'kiosk', screenId: null },
    ]);
  });

  it('follows the latest layout when displays change', () => {
    expect(assignedWindows([...lines, shellLine(describeDisplay(display(8, 1920), board(8, '2', 1920)))])).toEqual([
      { displayId: 7, role: 'board', screenId: '1' },
      { displayId: 8, role: 'board', screenId: '2' },
    ]);
  });

  it('proves the database opened through the Electron build, and fails on node_modules’ own', () => {
    expect(databaseCheck(lines, '/repo/.cache/electron-native/b.node', '150').ok).toBe(true);
    expect(
      databaseCheck(
        [{ name: 'hall', msg: 'database opened', binding: 'default', modules: '115' }],
        '/repo/.cache/electron-native/b.node',
        '150',
      ),
    ).toMatchObject({ ok: false, detail: 'binding default, NODE_MODULE_VERSION 115' });
    expect(databaseCheck([], '/x', '150')).toMatchObject({ ok: false, detail: 'no "database opened" line in the log' });
  });

  it('reads pino’s JSON lines and skips anything else on the stream', () => {
    expect(parseLogLines('{"name":"shell","msg":"a"}\nnot json\n{broken\n{"name":"hall","msg":"b"}\n')).toEqual([
      { name: 'shell', msg: 'a' },
      { name: 'hall', msg: 'b' },
    ]);
  });

  it('counts the windows', () => {
    const expected = assignedWindows(lines);
    expect(windowCountCheck(expected, 2).ok).toBe(true);
    expect(windowCountCheck(expected, 1)).toMatchObject({ ok: false, detail: '1 of 2 (board 1, kiosk)' });
    expect(windowCountCheck([], 0).ok).toBe(false);
  });

  it('prints one line per check and exits 0 only when every check passed', () => {
    const ok = { name: 'a', ok: true, detail: 'x' };
    const bad = { name: 'b', ok: false, detail: 'y' };
    expect([ok, bad].map(checkLine)).toEqual(['ok   a — x', 'FAIL b — y']);
    expect(exitCodeFor([ok])).toBe(EXIT.passed);
    expect(exitCodeFor([ok, bad])).toBe(EXIT.failed);
    expect(exitCodeFor([])).toBe(EXIT.failed);
  });

  it('takes --app for an installed build and refuses anything else', () => {
    expect(parseSmokeArgs([])).toEqual({ app: null });
    expect(parseSmokeArgs(['--app', '/opt/Hall Board/hall-board'])).toEqual({ app: '/opt/Hall Board/hall-board' });
    expect(parseSmokeArgs(['--app=release/linux-unpacked/hall-board'])).toEqual({
      app: 'release/linux-unpacked/hall-board',
    });
    expect(() => parseSmokeArgs(['--fast'])).toThrow(/unknown argument --fast/);
  });
});

describe('npm run test:electron on a machine without the Electron binary', () => {
  it('exits 2 and says why in one line', () => {
    // No binary in an empty override folder, and a mirror nobody answers on: nothing to start.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-electron.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: resolve(root, 'test-output', 'no-electron-here'),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: resolve(root, 'test-output', 'no-electron-cache'),
      },
      timeout: 60_000,
    });
    expect(result.status).toBe(EXIT.cannotRun);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^test:electron: cannot run here: no Electron binary \(download from 127\.0\.0\.1:9 failed: .+\)$/,
    );
    expect(cannotRunLine('x')).toBe('test:electron: cannot run here: x');
  }, 60_000);
});

describe('the page checks, on real hall pages in Chromium', () => {
  let browser: Browser;
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  beforeAll(async () => {
    [browser, hall] = await Promise.all([launchChromium(), startTestHall()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  async function factsOf(path: string, hallShell: object | null) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      // What electron/preload/<role>.ts exposes: a frozen window.hallShell (contextBridge); the
      // kiosk's printSlip is a function, which cannot travel as an argument, so it is made in the page.
      if (hallShell) {
        await page.addInitScript((shell) => {
          const value =
            'kiosk' in shell
              ? {
                  ...shell,
                  kiosk: {
                    printerAvailable: false,
                    printSlip: () => Promise.resolve({ printed: false, reason: 'no-printer' }),
                  },
                }
              : shell;
          Object.defineProperty(globalThis, 'hallShell', { value: Object.freeze(value) });
        }, hallShell);
      }
      await page.goto(`${hall.url}${path}`);
      return await pageFacts(page, 30_000);
    } finally {
      await context.close();
    }
  }

  it('passes a board page whose hallShell has no kiosk, with require out of reach', async () => {
    const facts = await factsOf('/board/1', { kind: 'hall-shell', role: 'board', screenId: '1' });
    expect(facts).toMatchObject({
      url: `${hall.url}/board/1`,
      requireType: 'undefined',
      hallShell: { role: 'board', hasKiosk: false },
    });
    expect(facts.textLength).toBeGreaterThan(0);
    expect(windowChecks({ displayId: 1, role: 'board', screenId: '1' }, facts).map((r) => [r.name, r.ok])).toEqual([
      ['board 1 window on display 1 loaded its hall page with text on it', true],
      ['board 1 window: require is undefined in the page', true],
      ['board 1 window: window.hallShell exists and has no kiosk', true],
    ]);
  }, 60_000);

  it('passes the kiosk page when its hallShell offers printSlip, and drops the fragment with the device token', async () => {
    const facts = await factsOf(`/kiosk#device=${hall.localKioskToken}`, {
      kind: 'hall-shell',
      role: 'kiosk',
      kiosk: true,
    });
    expect(facts.url).toBe(`${hall.url}/kiosk`);
    expect(windowChecks({ displayId: 2, role: 'kiosk', screenId: null }, facts).every((r) => r.ok)).toBe(true);
  }, 60_000);

  it('fails a window whose page has no hallShell (no preload) or shows another screen', async () => {
    const facts = await factsOf('/board/1', null);
    expect(
      windowChecks({ displayId: 1, role: 'board', screenId: '1' }, facts)
        .filter((r) => !r.ok)
        .map((r) => r.detail),
    ).toEqual(['no window.hallShell']);
    expect(windowChecks({ displayId: 1, role: 'board', screenId: '2' }, facts)[0]?.ok).toBe(false);
    expect(windowChecks({ displayId: 3, role: 'kiosk', screenId: null }, null)).toEqual([
      { name: 'kiosk window on display 3 opened', ok: false, detail: 'no window loaded its page' },
    ]);
  }, 60_000);
});
