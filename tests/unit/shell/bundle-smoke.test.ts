import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { startTestHub, waitFor } from '../../integration/sync/support/sync-harness';
import type { Health } from '../../../shared/contract';
import { tmpDir } from '../../support/tmp-dir';
import { HALL_TOKEN } from '../../support/in-process-hall';

// Runs the real bundle (dist-electron/main.cjs, with the real hall host inside) under plain
// Node, with `electron` answered by fake-electron-module.cjs: the Electron binary cannot be
// downloaded on this machine. This catches what unit tests cannot: esbuild's CommonJS output,
// the import.meta shims, bundled JSON, native modules left external, the host's real start-up.

const root = resolve(import.meta.dirname, '../../..');

/** This machine's environment without a Wayland session, so main does not relaunch itself for X11. */
function baseEnv(): NodeJS.ProcessEnv {
  const { XDG_SESSION_TYPE: _type, WAYLAND_DISPLAY: _wayland, HALL_LOG_DIR: _logs, ...env } = process.env;
  return env;
}

/** The bundle under plain Node with the fake `electron`, its output piped, FAKE_APP_PATH set. */
function spawnMain(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(
    process.execPath,
    [
      '--require',
      join(root, 'tests/unit/shell/fake-electron-module.cjs'),
      join(root, 'dist-electron/main.cjs'),
      ...args,
    ],
    { cwd: root, env: { ...baseEnv(), FAKE_APP_PATH: root, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code)));
}

interface FakeEvent {
  event: string;
  url?: string;
  prevented?: boolean;
  channel?: string;
  options?: { webPreferences?: Record<string, unknown> };
}

let userData: string;
beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'hall-bundle-'));
  await buildElectron({ quiet: true });
}, 120_000);
afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('dist-electron/main.cjs', () => {
  it('starts the real hall, opens a locked-down board and a kiosk the host authorises by its token, logs no token, and closes the hall on SIGTERM', async () => {
    const child = spawnMain(['--port', '0', '--no-sandbox'], {
      FAKE_USER_DATA: userData,
      HALL_LOG_DIR: join(userData, 'logs'),
      HALL_LOG_LEVEL: 'debug',
    });
    const events: FakeEvent[] = [];
    let output = '';
    const loads: string[] = [];
    const loaded = new Promise<string[]>((resolveUrls, reject) => {
      const timer = setTimeout(() => reject(new Error(`not every window loaded; output:\n${output}`)), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        for (const line of chunk.split('\n')) {
          if (!line.startsWith('FAKE_ELECTRON ')) continue;
          const event = JSON.parse(line.slice('FAKE_ELECTRON '.length)) as FakeEvent;
          events.push(event);
          if (event.event === 'load' && event.url) loads.push(event.url);
          if (loads.length === 2) {
            clearTimeout(timer);
            resolveUrls(loads);
          }
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    });
    const exited = exitCode(child);

    const [url, kioskUrl] = await loaded;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/board\/1$/);
    // The touch display became the kiosk, opened with the real host's per-start device token.
    const token = /\/kiosk#device=([A-Za-z0-9_-]{20,})$/.exec(kioskUrl ?? '')?.[1];
    expect(token).toBeDefined();
    const device = await fetch(new URL('/api/kiosk/device', url!), { headers: { authorization: `Bearer ${token!}` } });
    expect(device.status).toBe(200);
    expect(await device.json()).toMatchObject({ kind: 'local' });
    const health = (await (await fetch(new URL('/healthz', url!))).json()) as { status: string; listings: number };
    expect(health.status).toBe('ok');
    expect(health.listings).toBeGreaterThan(0);

    const window = events.find((e) => e.event === 'window');
    expect(window?.options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    const preloads = events.filter((e) => e.event === 'window').map((e) => String(e.options?.webPreferences?.preload));
    expect(preloads).toEqual([
      join(root, 'dist-electron/preload-board.cjs'),
      join(root, 'dist-electron/preload-kiosk.cjs'),
    ]);
    expect(existsSync(preloads[1]!)).toBe(true);
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'menu',
        'power-save',
        'permission-request-handler',
        'permission-check-handler',
        'window-open-handler',
      ]),
    );
    expect(events.filter((e) => e.event === 'ipc-handle').map((e) => e.channel)).toEqual(['hall:kiosk:print-slip']);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(events.filter((e) => e.event === 'quit').map((e) => e.prevented)).toEqual([true, false]);
    // Only the fake's own record of loadURL holds the token; no log line of the shell or host does.
    const logLines = output.split('\n').filter((line) => !line.startsWith('FAKE_ELECTRON '));
    expect(logLines.filter((line) => line.includes(token!))).toEqual([]);
    expect(logLines.some((line) => line.includes('/kiosk#…'))).toBe(true);

    // HALL_LOG_DIR: the same JSON lines also went to the rotating log file, host and shell alike.
    expect(readdirSync(join(userData, 'logs'))).toEqual(expect.arrayContaining(['current.log', 'hall.1.log']));
    const fileLines = readFileSync(join(userData, 'logs', 'hall.1.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; msg: string; binding?: string });
    // Under plain Node (no process.versions.electron) main leaves better-sqlite3 its own build.
    expect(fileLines).toContainEqual(
      expect.objectContaining({ name: 'hall', msg: 'database opened', binding: 'default' }),
    );
    expect(fileLines).toContainEqual(
      expect.objectContaining({
        name: 'shell',
        msg: expect.stringMatching(/^display 2 "Touch" 1080×1920\+1920\+0 ×1 → kiosk \(default\)$/),
      }),
    );
    expect(fileLines.filter((line) => line.msg.includes(token!))).toEqual([]);
  }, 60_000);

  it('relaunches itself once with --ozone-platform=x11 on a Wayland session, before any window', async () => {
    const child = spawnMain(['--port', '0'], {
      XDG_SESSION_TYPE: 'wayland',
      DISPLAY: ':0',
      FAKE_USER_DATA: userData,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await exitCode(child);
    const events = output
      .split('\n')
      .filter((line) => line.startsWith('FAKE_ELECTRON '))
      .map((line) => JSON.parse(line.slice('FAKE_ELECTRON '.length)) as FakeEvent & { options?: { args?: string[] } });
    expect(code).toBe(0);
    expect(events.map((e) => e.event)).toEqual(['relaunch', 'exit']);
    expect(events[0]?.options?.args).toEqual([
      join(root, 'dist-electron/main.cjs'),
      '--port',
      '0',
      '--ozone-platform=x11',
    ]);
    // A line of the shell's own logger (JSON on stderr: the log's file is not open yet).
    const shellLines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { name?: string; msg?: string });
    expect(shellLines).toContainEqual(
      expect.objectContaining({
        name: 'shell',
        msg: expect.stringContaining('Wayland session: restarting once with --ozone-platform=x11'),
      }),
    );
  }, 30_000);

  it('syncs from a hub with the page worker bundled beside it (dist-electron/sync-page-worker.cjs)', async () => {
    expect(existsSync(join(root, 'dist-electron/sync-page-worker.cjs'))).toBe(true);
    const hub = await startTestHub({ dataDir: tmpDir('bundle-hub-'), seed: 3000 });
    const child = spawnMain(['--port', '0', '--hub', hub.url, '--hall-id', 'bundle-test', '--hub-token', HALL_TOKEN], {
      FAKE_USER_DATA: mkdtempSync(join(tmpdir(), 'hall-bundle-hub-')),
    });
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = exitCode(child);
    try {
      const boardUrl = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no board window; output:\n${output}`)), 30_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /FAKE_ELECTRON .*"url":"(http:\/\/127\.0\.0\.1:\d+\/board\/1)"/.exec(chunk);
          if (match) {
            clearTimeout(timer);
            resolveUrl(match[1]!);
          }
        });
      });
      const health = await waitFor('the bundled hall to catch up with the hub', async () => {
        const body = (await (await fetch(new URL('/healthz', boardUrl))).json()) as Health;
        return body.cursor === (await hub.store.lastSeq()) ? body : null;
      });
      expect(health).toMatchObject({ hub: 'connected', listings: 3000, sync: { pageReader: 'worker', error: null } });
      expect(output).not.toMatch(/page worker stopped/);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await hub.close();
    }
  }, 60_000);

  it('exits with code 1 and the host’s message when a hall flag is wrong', async () => {
    const child = spawnMain(['--port', 'eighty'], { FAKE_USER_DATA: userData });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await exitCode(child);
    expect(code).toBe(1);
    expect(stderr).toContain('Hall Board could not start');
    expect(stderr).toContain('port must be an integer');
  }, 30_000);
});
