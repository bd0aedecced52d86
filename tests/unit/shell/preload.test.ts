import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreloads } from '../../../scripts/build-electron.mjs';
import type { HallShellBridge } from '../../../shared/shell-bridge';

// The bundled preloads (dist-electron/preload-<role>.cjs, built here into a temp dir) run in a
// bare VM context with a fake `electron` — the binary cannot run on this machine. Like Electron's
// sandbox, the context offers `require('electron')` and `process.argv`, and nothing else.

let outDir: string;
let roles: string[];
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'hall-preload-'));
  roles = await buildPreloads({ outDir });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Loaded {
  exposed: Record<string, unknown>;
  invokes: { channel: string; args: unknown[] }[];
}

function load(
  role: string,
  argv: string[],
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = () => Promise.resolve({ printed: true }),
): Loaded {
  const loaded: Loaded = { exposed: {}, invokes: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        loaded.exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        loaded.invokes.push({ channel, args });
        return answer(channel, ...args);
      },
    },
  };
  const code = readFileSync(join(outDir, `preload-${role}.cjs`), 'utf8');
  const module = { exports: {} };
  const require = (name: string) => {
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  runInNewContext(code, { require, module, exports: module.exports, process: { argv: ['electron', ...argv] } });
  return loaded;
}

const SLIP = { id: 'x1', number: 'A-0427', listingTitle: '搬运工' };

describe('preloads', () => {
  it('builds one preload per role and nothing else', () => {
    expect(roles.sort()).toEqual(['board', 'kiosk', 'staff']);
  });

  it('tells a board which screen it is, and gives it no way to send anything', () => {
    const { exposed } = load('board', ['--hall-role=board', '--hall-screen=hall-a']);
    expect(Object.keys(exposed)).toEqual(['hallShell']);
    expect(exposed.hallShell).toEqual({ kind: 'electron', role: 'board', screenId: 'hall-a' });
    expect(Object.isFrozen(exposed.hallShell)).toBe(true);
  });

  it('gives the staff console only its role', () => {
    expect(load('staff', ['--hall-role=staff']).exposed.hallShell).toEqual({
      kind: 'electron',
      role: 'staff',
      screenId: null,
    });
  });

  it('gives the kiosk printSlip, which invokes the print channel with the slip and returns main’s answer', async () => {
    const loaded = load('kiosk', ['--hall-role=kiosk', '--hall-printer=1']);
    const shell = loaded.exposed.hallShell as HallShellBridge;
    expect(shell).toMatchObject({ kind: 'electron', role: 'kiosk', screenId: null, kiosk: { printerAvailable: true } });
    expect(Object.keys(shell.kiosk!).sort()).toEqual(['printSlip', 'printerAvailable']);
    expect(await shell.kiosk!.printSlip(SLIP)).toEqual({ printed: true });
    expect(loaded.invokes).toEqual([{ channel: 'hall:kiosk:print-slip', args: [SLIP] }]);
  });

  it('answers available: false without asking main when no printer is configured', async () => {
    const loaded = load('kiosk', ['--hall-role=kiosk', '--hall-printer=0']);
    const shell = loaded.exposed.hallShell as HallShellBridge;
    expect(shell.kiosk?.printerAvailable).toBe(false);
    expect(await shell.kiosk!.printSlip(SLIP)).toEqual({ printed: false, available: false, reason: 'no-printer' });
    expect(loaded.invokes).toEqual([]);
  });

  it('turns a failed invoke into printed: false, so the kiosk carries on', async () => {
    const loaded = load('kiosk', ['--hall-printer=1'], () => Promise.reject(new Error('main is quitting')));
    const shell = loaded.exposed.hallShell as HallShellBridge;
    expect(await shell.kiosk!.printSlip(SLIP)).toEqual({ printed: false, available: true, reason: 'failed' });
  });
});
