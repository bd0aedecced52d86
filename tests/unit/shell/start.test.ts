import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronArgs, electronPathFromPackage, fallbackMessage, firstLine, probeElectron, splitStartArgs } from '../../../scripts/start.mjs';

describe('splitStartArgs', () => {
  it.each([
    { argv: [], browser: false, hallArgs: [] },
    { argv: ['--port', '9000'], browser: false, hallArgs: ['--port', '9000'] },
    { argv: ['--browser', '--data', '/srv/hall'], browser: true, hallArgs: ['--data', '/srv/hall'] },
  ])('$argv → browser $browser, hall $hallArgs', ({ argv, browser, hallArgs }) => {
    expect(splitStartArgs(argv)).toEqual({ browser, hallArgs });
  });
});

describe('probeElectron', () => {
  it('gives the binary path when the package resolves to an existing file', () => {
    expect(probeElectron(() => '/x/electron', () => true)).toEqual({ path: '/x/electron', reason: null });
  });

  it('says the binary is missing when the path file points nowhere', () => {
    expect(probeElectron(() => '/x/electron', () => false)).toEqual({ path: null, reason: 'no binary at /x/electron' });
  });

  it('gives the package’s own first error line when it throws (install script never ran)', () => {
    const probe = probeElectron(() => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron\n  at …');
    });
    expect(probe).toEqual({ path: null, reason: 'Electron failed to install correctly, please delete node_modules/electron' });
  });

  it('reports this machine’s state: the electron package is installed without its binary', () => {
    expect(probeElectron().path).toBeNull();
  });
});

describe('electronPathFromPackage', () => {
  const withPackage = (pathTxt: string | null, run: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-electron-pkg-'));
    try {
      if (pathTxt !== null) writeFileSync(join(dir, 'path.txt'), pathTxt);
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reads the binary name from path.txt under dist/, as require("electron") does', () => {
    withPackage('electron', (dir) => expect(electronPathFromPackage(dir, {})).toBe(join(dir, 'dist', 'electron')));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    withPackage(null, (dir) => expect(electronPathFromPackage(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })).toBe('/opt/e/electron'));
  });

  it('throws when the install step never wrote path.txt', () => {
    withPackage(null, (dir) => expect(() => electronPathFromPackage(dir, {})).toThrow(/failed to install correctly/));
  });
});

describe('launcher messages and arguments', () => {
  it('prints the fallback as one line naming the reason', () => {
    const line = fallbackMessage('download failed: TypeError: fetch failed');
    expect(line).toBe('Electron binary not available (download failed: TypeError: fetch failed); starting Hall Board in browser mode.');
    expect(line).not.toContain('\n');
  });

  it.each([
    { text: '\n\n  TypeError: fetch failed\n    at x', want: 'TypeError: fetch failed' },
    { text: '', want: '' },
    { text: undefined, want: '' },
  ])('firstLine($text) → $want', ({ text, want }) => {
    expect(firstLine(text)).toBe(want);
  });

  it('adds --no-sandbox only when running as root, and passes the hall flags after the app folder', () => {
    const asRoot = electronArgs(['--port', '9000'], true);
    expect(asRoot[0]).toBe('--no-sandbox');
    expect(asRoot.slice(-2)).toEqual(['--port', '9000']);
    expect(electronArgs([], false)).toHaveLength(1);
  });
});
