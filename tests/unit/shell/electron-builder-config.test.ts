import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };

const targetNames = (targets: unknown[]): string[] =>
  targets.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  it('names the app and writes installers to release/', () => {
    expect(config).toMatchObject({ appId: 'cn.gov.hallboard', productName: 'Hall Board', directories: { output: 'release' } });
  });

  it('builds an AppImage and a deb (Office) for Linux and an NSIS installer for Windows', () => {
    expect(targetNames(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(targetNames(config.win.target)).toEqual(['nsis']);
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the bundle the package points at, the built screens and the demo assets', () => {
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/**', 'dist/renderer/**', 'node_modules/**']));
    expect(config.extraResources).toEqual([
      expect.objectContaining({ from: 'assets', to: 'assets' }),
      expect.objectContaining({ from: 'scripts/autostart', to: 'autostart' }),
    ]);
  });
});
