import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BINDING_FILE, packagedBindingPath } from '../../../electron/windows/sqlite-binding';
import { ELECTRON_BUILDER, STAGED_BINDING_DIR } from '../../../scripts/dist';

// electron-builder.yml and package.json, checked against what electron-builder 26.17.0 does
// with them (app-builder-lib's FpmTarget and FuseOptionsV1) and what the app needs on a hall PC.

const root = resolve(import.meta.dirname, '../../..');
/** The parts of electron-builder.yml these tests read (a missing one fails the test that reads it). */
interface BuilderConfig {
  productName: string;
  asar: boolean;
  npmRebuild: boolean;
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: { target: unknown[]; category: string; executableArgs: string[] };
  win: { target: unknown[] };
  deb: { depends: string[] };
  [key: string]: unknown;
}
/** The parts of package.json these tests read. */
interface PackageJson {
  productName: string;
  main: string;
  homepage: string;
  author: unknown;
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
  [key: string]: unknown;
}
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } }>;
};
const semver = createRequire(import.meta.url)('semver') as {
  subset(a: string, b: string): boolean;
  satisfies(v: string, r: string): boolean;
};

/** app-builder-lib 26.17.0 out/targets/FpmTarget.js getDefaultDepends('deb'): dropped once `deb.depends` is set. */
const ELECTRON_BUILDER_DEB_DEFAULTS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
];

const targetNames = (targets: unknown[]): string[] =>
  targets.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  it('names the app and writes installers to release/ with the electron-builder release it is written for', () => {
    expect(config).toMatchObject({
      appId: 'cn.gov.hallboard',
      productName: 'Hall Board',
      directories: { output: 'release' },
    });
    expect(pkg.productName).toBe(config.productName);
    expect(ELECTRON_BUILDER).toBe('electron-builder@26.17.0');
  });

  it('builds an AppImage and a deb (Office) for Linux and an NSIS installer for Windows', () => {
    expect(targetNames(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(targetNames(config.win.target)).toEqual(['nsis']);
  });

  it('leaves node_modules built for Node and ships the Electron build of better-sqlite3 outside the asar', () => {
    expect(config.npmRebuild).toBe(false);
    const native = (config.extraResources as { from: string; to: string; filter: string[] }[]).find(
      (r) => r.to === 'native',
    );
    expect(native).toEqual({ from: relative(root, STAGED_BINDING_DIR), to: 'native', filter: [BINDING_FILE] });
    // …where electron/main.ts looks for it in an installed app.
    expect(packagedBindingPath('/opt/Hall Board/resources')).toBe(
      join('/opt/Hall Board/resources', native!.to, BINDING_FILE),
    );
    expect(config.asarUnpack).toContain('**/*.node');
    // The Node build and the sources are not shipped.
    expect(config.files).toContain('!node_modules/better-sqlite3/{build,src,deps}/**');
  });

  it('flips the fuses a public kiosk PC needs (Electron security checklist)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('restates electron-builder’s deb dependencies and adds what the app needs', () => {
    const depends = config.deb.depends as string[];
    expect(depends.slice(0, ELECTRON_BUILDER_DEB_DEFAULTS.length)).toEqual(ELECTRON_BUILDER_DEB_DEFAULTS);
    expect(depends).toEqual(expect.arrayContaining(['libasound2', 'libgbm1', 'libcups2', 'fonts-noto-cjk']));
    expect(new Set(depends).size).toBe(depends.length);
  });

  it('starts Chromium on X11 from the desktop entry (Wayland would stack the walls on one display)', () => {
    expect(config.linux.executableArgs).toEqual(['--ozone-platform=x11']);
  });

  it('ships the bundle the package points at, the built screens, the demo assets and the autostart files', () => {
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist-electron/**', 'dist/renderer/**', 'node_modules/**']),
    );
    expect(config.extraResources.map((r: { from: string; to: string }) => `${r.from}→${r.to}`)).toEqual([
      'assets→assets',
      'scripts/autostart→autostart',
      'dist-native→native',
    ]);
  });
});

describe('package.json', () => {
  it('has what the deb target refuses to build without: a homepage and an author with an e-mail', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) });
  });

  it('pins Electron exactly and keeps its install step from running at npm install', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.allowScripts.electron).toBe(false);
  });

  it('claims only Node versions every installed package supports (Electron’s installer, better-sqlite3, vite, vitest…)', () => {
    const ours = pkg.engines.node as string;
    const narrower = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.engines?.node && !semver.subset(ours, entry.engines.node))
      .map(([path, entry]) => `${path}: ${entry.engines!.node}`);
    expect(narrower).toEqual([]);
    expect(semver.satisfies('22.12.0', ours)).toBe(false);
    expect(semver.satisfies('24.11.0', ours)).toBe(true);
  });

  it('has the commands the README names', () => {
    expect(pkg.scripts).toMatchObject({
      start: 'node --import tsx scripts/launcher/start.ts',
      dist: 'npm run build && node --import tsx scripts/dist.ts',
      'test:electron': 'node --import tsx scripts/test-electron.ts',
    });
    expect(pkg.scripts.test).not.toContain('test:electron');
  });
});
