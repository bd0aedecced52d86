import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createProgressReporter,
  createStallWatch,
  downloadFailureReason,
  downloadSource,
  progressLine,
  STALL_MS,
} from '../../../scripts/launcher/download-progress';
import {
  buildEnv,
  nodeGypCandidates,
  nodeGypFailure,
  planBinding,
  prebuiltFailure,
} from '../../../scripts/launcher/electron-binding';
import { electronPathFromPackage, firstLine, probeElectron } from '../../../scripts/launcher/electron-binary';
import { nodeAbiFor, readElectronTarget } from '../../../scripts/launcher/electron-target';
import { decideSandbox, type SandboxFacts } from '../../../scripts/launcher/sandbox';
import { electronCommandLine, fallbackMessage, splitStartArgs } from '../../../scripts/launcher/start-args';

// The pure decisions of `npm start` (scripts/launcher), table by table.

describe('splitStartArgs', () => {
  it.each([
    { argv: [], browser: false, electronArgs: [], hallArgs: [] },
    { argv: ['--port', '9000'], browser: false, electronArgs: ['--port', '9000'], hallArgs: ['--port', '9000'] },
    {
      argv: ['--browser', '--data', '/srv/hall'],
      browser: true,
      electronArgs: ['--data', '/srv/hall'],
      hallArgs: ['--data', '/srv/hall'],
    },
    // Chromium switches go to Electron only: the host's parser would refuse them.
    {
      argv: ['--ozone-platform=wayland', '--devtools', '--port', '1'],
      browser: false,
      electronArgs: ['--ozone-platform=wayland', '--devtools', '--port', '1'],
      hallArgs: ['--port', '1'],
    },
  ])('$argv', ({ argv, ...want }) => {
    expect(splitStartArgs(argv)).toEqual(want);
  });
});

describe('launcher lines and Electron’s command line', () => {
  it('prints the fallback as one line naming what is missing and why', () => {
    const line = fallbackMessage(
      'Electron binary',
      'download from github.com failed: fetch failed, getaddrinfo ENOTFOUND github.com; set ELECTRON_MIRROR for a nearer mirror',
    );
    expect(line).toBe(
      'Electron binary not available (download from github.com failed: fetch failed, getaddrinfo ENOTFOUND github.com; set ELECTRON_MIRROR for a nearer mirror); starting Hall Board in browser mode.',
    );
    expect(line).not.toContain('\n');
  });

  it.each([
    { sandbox: true, displayServerArgs: [], args: ['--port', '9000'], want: ['/repo', '--port', '9000'] },
    {
      sandbox: false,
      displayServerArgs: ['--ozone-platform=x11'],
      args: [],
      want: ['--no-sandbox', '--ozone-platform=x11', '/repo'],
    },
  ])('sandbox $sandbox, $displayServerArgs → $want', ({ want, ...options }) => {
    expect(electronCommandLine({ appDir: '/repo', ...options })).toEqual(want);
  });
});

describe('probeElectron and electronPathFromPackage', () => {
  it('gives the binary path when the package resolves to an existing file', () => {
    expect(
      probeElectron(
        () => '/x/electron',
        () => true,
      ),
    ).toEqual({ path: '/x/electron', reason: null });
  });

  it('says the binary is missing when the path points nowhere', () => {
    expect(
      probeElectron(
        () => '/x/electron',
        () => false,
      ),
    ).toEqual({ path: null, reason: 'no binary at /x/electron' });
  });

  it('gives the package’s own first error line when it throws (install step never ran)', () => {
    const probe = probeElectron(() => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron\n  at …');
    });
    expect(probe).toEqual({
      path: null,
      reason: 'Electron failed to install correctly, please delete node_modules/electron',
    });
  });

  const withPackage = (pathTxt: string | null, run: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-electron-pkg-'));
    try {
      if (pathTxt !== null) writeFileSync(join(dir, 'path.txt'), pathTxt);
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reads the binary name from path.txt under dist/, as the electron package’s entry does', () => {
    withPackage('electron', (dir) => expect(electronPathFromPackage(dir, {})).toBe(join(dir, 'dist', 'electron')));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    withPackage(null, (dir) =>
      expect(electronPathFromPackage(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })).toBe('/opt/e/electron'),
    );
  });

  it('throws when the install step never wrote path.txt', () => {
    withPackage(null, (dir) => expect(() => electronPathFromPackage(dir, {})).toThrow(/failed to install correctly/));
  });

  it.each([
    { text: '\n\n  TypeError: fetch failed\n    at x', want: 'TypeError: fetch failed' },
    { text: '', want: '' },
    { text: undefined, want: '' },
  ])('firstLine($text) → $want', ({ text, want }) => {
    expect(firstLine(text)).toBe(want);
  });
});

describe('the Electron target, read from the installed packages', () => {
  it('pins an exact Electron version whose ABI comes from its own abi_version file and agrees with node-abi', () => {
    const target = readElectronTarget();
    expect(target.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(target.abiSource).toBe('abi_version');
    expect(nodeAbiFor(target.electronVersion)).toBe(target.abi);
    expect(Number(target.abi)).toBeGreaterThan(Number(process.versions.modules));
  });
});

describe('download progress', () => {
  it.each([
    {
      progress: { transferred: 37 * 1024 * 1024, total: 100 * 1024 * 1024 },
      ms: 10_000,
      want: 'Downloading Electron 45.5.0 (linux-x64) from github.com: 37 % of 100 MB, 3.7 MB/s',
    },
    {
      progress: { transferred: 5 * 1024 * 1024, total: null },
      ms: 0,
      want: 'Downloading Electron 45.5.0 (linux-x64) from github.com: 5.0 MB',
    },
  ])('$want', ({ progress, ms, want }) => {
    expect(progressLine('Electron 45.5.0 (linux-x64)', 'github.com', progress, ms)).toBe(want);
  });

  it('names the mirror’s host when ELECTRON_MIRROR is set', () => {
    expect(downloadSource({})).toBe('github.com');
    expect(downloadSource({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toBe('npmmirror.com');
    expect(downloadSource({ npm_config_electron_mirror: 'http://10.0.0.5:8080/electron/' })).toBe('10.0.0.5:8080');
  });

  it('rewrites one line on a terminal, at most twice a second, and ends it', () => {
    let t = 0;
    const out: string[] = [];
    const reporter = createProgressReporter({
      what: 'Electron',
      source: 'github.com',
      isTTY: true,
      write: (s) => out.push(s),
      now: () => t,
    });
    reporter.update({ transferred: 0, total: 100 });
    expect(out).toEqual([]);
    reporter.update({ transferred: 10, total: 100 });
    t = 100;
    reporter.update({ transferred: 20, total: 100 });
    t = 700;
    reporter.update({ transferred: 30, total: 100 });
    reporter.update({ transferred: 100, total: 100 });
    reporter.done();
    expect(out.map((s) => s.replaceAll('\u001b[K', ''))).toEqual([
      '\rDownloading Electron from github.com: 10 % of 0.0 MB',
      '\rDownloading Electron from github.com: 30 % of 0.0 MB, 0.0 MB/s',
      '\rDownloading Electron from github.com: 100 % of 0.0 MB, 0.0 MB/s',
      '\n',
    ]);
  });

  it('writes a line per tenth to a log, and nothing before the first byte', () => {
    const out: string[] = [];
    const reporter = createProgressReporter({
      what: 'Electron',
      source: 'm',
      isTTY: false,
      write: (s) => out.push(s),
      now: () => 0,
    });
    for (let bytes = 0; bytes <= 1000; bytes += 50) reporter.update({ transferred: bytes, total: 1000 });
    reporter.done();
    expect(out.map((s) => /: (\d+) %/.exec(s)?.[1])).toEqual([
      '5',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
  });

  it('calls a download stalled only when nothing arrived for STALL_MS, however slow it was before', () => {
    let t = 0;
    const watch = createStallWatch({ now: () => t });
    for (let i = 1; i <= 10; i++) {
      t += STALL_MS - 1;
      watch.touch(i);
      expect(watch.stalled()).toBe(false);
    }
    t += STALL_MS - 1;
    expect(watch.stalled()).toBe(false);
    t += 1;
    expect(watch.stalled()).toBe(true);
    expect(STALL_MS).toBeGreaterThanOrEqual(60_000);
  });

  it.each([
    {
      error: Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND github.com' },
      }),
      source: 'github.com',
      stalled: null,
      want: 'download from github.com failed: fetch failed, getaddrinfo ENOTFOUND github.com; set ELECTRON_MIRROR for a nearer mirror',
    },
    {
      error: new Error('This operation was aborted'),
      source: 'npmmirror.com',
      stalled: { afterBytes: 34 * 1024 * 1024, total: 104 * 1024 * 1024, stallMs: 120_000 },
      want: 'download from npmmirror.com stalled: nothing received for 120 s after 34 of 104 MB; run npm start again to retry',
    },
    {
      error: Object.assign(new Error('require() of ES Module …/@electron/get/dist/index.js not supported'), {
        code: 'ERR_REQUIRE_ESM',
      }),
      source: 'github.com',
      stalled: null,
      want: `Electron's installer needs Node 22.12 or newer (this is Node ${process.versions.node})`,
    },
  ])('reason: $want', ({ error, source, stalled, want }) => {
    expect(downloadFailureReason(error, { source, stalled })).toBe(want);
  });
});

describe('the Electron build of better-sqlite3', () => {
  it.each([
    { found: 150, want: { action: 'use', path: '/c/b.node' } },
    { found: 145, want: { action: 'obtain', path: '/c/b.node', stale: 145 } },
    { found: null, want: { action: 'obtain', path: '/c/b.node', stale: null } },
  ])('a cached file built for $found', ({ found, want }) => {
    expect(planBinding('/c/b.node', '150', () => found)).toEqual(want);
  });

  it('keeps npm’s settings for the system Node away from node-gyp and prebuild-install', () => {
    const env = buildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.20.2',
      npm_config_disturl: 'https://npmmirror.com/mirrors/node',
      npm_config_cache: '/c',
      npm_config_better_sqlite3_binary_host: 'http://m',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c', npm_config_better_sqlite3_binary_host: 'http://m' });
  });

  it('uses npm’s own node-gyp', () => {
    expect(nodeGypCandidates({ npm_config_node_gyp: '/npm/node-gyp.js' }, '/usr/bin/node', 'linux')).toEqual([
      '/npm/node-gyp.js',
      join('/usr/bin', '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    ]);
    expect(nodeGypCandidates({}, 'C:\\nodejs\\node.exe', 'win32')[0]).toMatch(
      /npm[\\/]node_modules[\\/]node-gyp[\\/]bin[\\/]node-gyp\.js$/,
    );
  });

  it.each([
    {
      output:
        'prebuild-install info begin Prebuild-install version 7.1.3\nprebuild-install http request GET https://github.com/…\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n',
      want: 'getaddrinfo ENOTFOUND github.com',
    },
    {
      output:
        'prebuild-install http 404 https://github.com/…\nprebuild-install warn install No prebuilt binaries found (target=45.5.0 runtime=electron arch=x64 libc= platform=linux)\n',
      want: 'No prebuilt binaries found (target=45.5.0 runtime=electron arch=x64 libc= platform=linux)',
    },
  ])('prebuild-install: $want', ({ output, want }) => {
    expect(prebuiltFailure(output)).toBe(want);
  });

  it.each([
    {
      output: [
        'gyp http GET https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
        'gyp WARN install got an error, rolling back install',
        'gyp ERR! configure error',
        'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      ].join('\n'),
      want: "Electron's headers could not be downloaded from https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz",
    },
    {
      output:
        '  CXX(target) Release/obj.target/better_sqlite3/src/better_sqlite3.o\n../src/better_sqlite3.cpp:12:10: fatal error: v8.h: No such file or directory\nmake: *** [better_sqlite3.target.mk:130] Error 1\ngyp ERR! stack Error: `make` failed with exit code: 2',
      want: 'the C++ build failed: ../src/better_sqlite3.cpp:12:10: fatal error: v8.h: No such file or directory',
    },
    {
      output:
        'gyp ERR! find Python\ngyp ERR! configure error\ngyp ERR! stack Error: Could not find any Python installation to use\n',
      want: 'Could not find any Python installation to use',
    },
  ])('node-gyp: $want', ({ output, want }) => {
    expect(nodeGypFailure(output)).toBe(want);
  });
});

describe('decideSandbox', () => {
  const sysctl = {
    unprivilegedUsernsClone: null,
    maxUserNamespaces: '63000',
    apparmorRestrictUnprivilegedUserns: null,
  };
  const helper = { path: '/repo/node_modules/electron/dist/chrome-sandbox', uid: 1000, mode: 0o100755 };
  const facts = (extra: Partial<SandboxFacts>): SandboxFacts => ({
    platform: 'linux',
    isRoot: false,
    helper,
    sysctl,
    ...extra,
  });

  it.each([
    { name: 'Windows keeps its sandbox', facts: facts({ platform: 'win32' }), sandbox: true },
    { name: 'Debian 12 / Ubuntu 22.04: user namespaces work, sandbox kept', facts: facts({}), sandbox: true },
    {
      name: 'a setuid-root helper works whatever the kernel says',
      facts: facts({
        helper: { ...helper, uid: 0, mode: 0o104755 },
        sysctl: { ...sysctl, apparmorRestrictUnprivilegedUserns: '1' },
      }),
      sandbox: true,
    },
    {
      name: 'Ubuntu 24.04: AppArmor restricts user namespaces and the helper is not setuid',
      facts: facts({ sysctl: { ...sysctl, apparmorRestrictUnprivilegedUserns: '1' } }),
      sandbox: false,
    },
    {
      name: 'user namespaces switched off',
      facts: facts({ sysctl: { ...sysctl, unprivilegedUsernsClone: '0' } }),
      sandbox: false,
    },
    { name: 'root: Chromium refuses to sandbox root', facts: facts({ isRoot: true }), sandbox: false },
  ])('$name', ({ facts: input, sandbox }) => {
    const decision = decideSandbox(input);
    expect(decision.sandbox).toBe(sandbox);
    if (sandbox) expect(decision.line).toBeNull();
    else expect(decision.line).not.toContain('\n');
  });

  it('gives the one line with the two commands that fix it', () => {
    expect(decideSandbox(facts({ sysctl: { ...sysctl, apparmorRestrictUnprivilegedUserns: '1' } })).line).toBe(
      "Chromium's sandbox cannot start: unprivileged user namespaces are restricted by AppArmor (kernel.apparmor_restrict_unprivileged_userns=1, Ubuntu 24.04) and " +
        '/repo/node_modules/electron/dist/chrome-sandbox is not setuid root; running without it. ' +
        "Fix: sudo chown root:root '/repo/node_modules/electron/dist/chrome-sandbox' && sudo chmod 4755 '/repo/node_modules/electron/dist/chrome-sandbox' (electron/electron#42510; the deb needs neither)",
    );
  });
});
