import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonAbiOfFile } from '../../../electron/host/db/native-binding';
import { devBindingPath } from '../../../electron/windows/sqlite-binding';
import { readElectronTarget } from '../../../scripts/launcher/electron-target';
import { decideSandbox, sandboxFacts } from '../../../scripts/launcher/sandbox';
import { freePort } from '../../support/free-port';

// `npm start` end to end: the real launcher, the real prebuild-install and node-gyp, the real
// host in browser mode. The one stand-in is the Electron executable — a script that records
// its arguments and environment — because Electron's binary cannot be downloaded on the
// machines that run these tests. The "prebuilt better-sqlite3 for Electron" it fetches is
// served from this test: a real addon compiled here and tagged NODE_MODULE_VERSION 150, in the
// tarball layout prebuild-install expects; the launcher checks that tag before it uses the file.

const root = resolve(import.meta.dirname, '../../..');
const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const target = readElectronTarget();
const tarball = `/v${target.sqliteVersion}/better-sqlite3-v${target.sqliteVersion}-electron-v${target.abi}-${target.platform}-${target.arch}.tar.gz`;

let dir: string;
let server: Server;
let serverUrl: string;
let closedUrl: string;
let servePrebuilt = true;
const requests: string[] = [];
let nodeBuildHash: string;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  nodeBuildHash = sha256(nodeBuild);
  dir = mkdtempSync(join(tmpdir(), 'hall-npm-start-'));
  // The prebuilt tarball: build/Release/better_sqlite3.node, an addon built for ABI 150.
  const pkg = join(dir, 'prebuilt', 'build', 'Release');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(dir, 'addon.cc'),
    `#include <node.h>\n#undef NODE_MODULE_VERSION\n#define NODE_MODULE_VERSION ${target.abi}\nNODE_MODULE_INIT() {}\n`,
  );
  execFileSync('g++', [
    '-shared',
    '-fPIC',
    '-std=c++20',
    `-I${join(dirname(process.execPath), '..', 'include', 'node')}`,
    '-o',
    join(pkg, 'better_sqlite3.node'),
    join(dir, 'addon.cc'),
  ]);
  execFileSync('tar', ['czf', join(dir, 'prebuilt.tar.gz'), '-C', join(dir, 'prebuilt'), 'build']);
  const body = readFileSync(join(dir, 'prebuilt.tar.gz'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === tarball && servePrebuilt) {
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    if (req.url?.endsWith('.zip')) {
      // An "Electron zip" that arrives in full but is not the real one: its checksum fails.
      const zip = Buffer.alloc(2 * 1024 * 1024, 7);
      res.writeHead(200, { 'content-length': zip.length });
      res.end(zip);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  closedUrl = `http://127.0.0.1:${await freePort()}`;

  // The stand-in Electron executable.
  const dist = join(dir, 'electron-dist');
  mkdirSync(dist);
  writeFileSync(
    join(dist, 'electron'),
    `#!${process.execPath}
// Stand-in for the Electron binary: records how npm start launched it, and what it found.
const fs = require('node:fs');
const binding = process.env.EXPECT_BINDING;
fs.writeFileSync(process.env.STANDIN_RECORD, JSON.stringify({
  argv: process.argv.slice(2),
  runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null,
  bindingPresent: fs.existsSync(binding),
}));
`,
  );
  chmodSync(join(dist, 'electron'), 0o755);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
  // npm test must keep working: node_modules' Node build was neither rebuilt nor replaced.
  expect(sha256(nodeBuild)).toBe(nodeBuildHash);
});

interface Run {
  code: number | null;
  output: string;
  record: { argv: string[]; runAsNode: string | null; bindingPresent: boolean } | null;
}

function launcherEnv(native: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const {
    XDG_SESSION_TYPE: _s,
    WAYLAND_DISPLAY: _w,
    ELECTRON_MIRROR: _m,
    npm_config_nodedir: _n,
    ...env
  } = process.env;
  return {
    ...env,
    HALL_ELECTRON_NATIVE_DIR: native,
    // prebuild-install caches what it downloads under npm's cache: one per run, so runs are independent.
    npm_config_cache: join(native, 'npm-cache'),
    npm_config_better_sqlite3_binary_host: serverUrl,
    HALL_ELECTRON_HEADERS_URL: closedUrl,
    electron_config_cache: join(dir, 'electron-cache'),
    ...extra,
  };
}

/** Runs `npm start`'s launcher; resolves at exit, or (browser mode) once the host is up and stopped. */
function start(
  name: string,
  extra: Record<string, string>,
  args: string[] = ['--port', '0', '--data', join(dir, `data-${name}`)],
): Promise<Run> {
  const native = join(dir, `native-${name}`);
  const recordFile = join(dir, `record-${name}.json`);
  const env = launcherEnv(extra.HALL_ELECTRON_NATIVE_DIR ?? native, {
    ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'electron-dist'),
    STANDIN_RECORD: recordFile,
    EXPECT_BINDING: devBindingPath(extra.HALL_ELECTRON_NATIVE_DIR ?? native, target),
    ...extra,
  });
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/launcher/start.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`npm start did not finish:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Hall Board host is running')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output, record: existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : null });
    });
  });
}

const launcherLines = (output: string) =>
  output
    .split('\n')
    .filter(
      (line) =>
        line &&
        !line.startsWith('{') &&
        !line.startsWith('  ') &&
        !line.startsWith('Hall Board host') &&
        !line.startsWith('Stopping'),
    );

describe('npm start with an Electron binary (a stand-in executable)', () => {
  it('fetches better-sqlite3’s prebuilt for Electron before the launch, then starts Electron with the app and the hall flags', async () => {
    const native = join(dir, 'native-fetch');
    const run = await start('fetch', { HALL_ELECTRON_NATIVE_DIR: native, ELECTRON_RUN_AS_NODE: '1' });
    expect(run.code).toBe(0);
    expect(requests).toContain(tarball);
    // The stand-in found the Electron build in place when it started: the binding step ran first.
    // What this machine allows (root, or Ubuntu 24.04's restricted user namespaces: no sandbox).
    const sandbox = decideSandbox(sandboxFacts(join(dir, 'electron-dist', 'electron')));
    expect(run.record).toEqual({
      argv: [...(sandbox.sandbox ? [] : ['--no-sandbox']), root, '--port', '0', '--data', join(dir, 'data-fetch')],
      runAsNode: null,
      bindingPresent: true,
    });
    const binding = devBindingPath(native, target);
    expect(addonAbiOfFile(binding)).toBe(Number(target.abi));
    expect(JSON.parse(readFileSync(join(dirname(binding), 'binding.json'), 'utf8'))).toMatchObject({
      source: 'prebuilt',
      electronVersion: target.electronVersion,
      abi: target.abi,
    });
    expect(run.output).not.toContain('browser mode');
    expect(launcherLines(run.output)).toEqual(sandbox.line ? [sandbox.line] : []);

    // A second start uses the build it made: no request goes out.
    const before = requests.length;
    const again = await start('fetch-again', { HALL_ELECTRON_NATIVE_DIR: native });
    expect(again.code).toBe(0);
    expect(again.record?.bindingPresent).toBe(true);
    expect(requests.length).toBe(before);
  }, 120_000);

  it('says in one line why there is no Electron build of better-sqlite3, and runs the hall in browser mode', async () => {
    servePrebuilt = false;
    try {
      const run = await start('no-binding', {});
      expect(run.record).toBeNull();
      const headers = `${closedUrl}/v${target.electronVersion}/node-v${target.electronVersion}-headers.tar.gz`;
      const lines = launcherLines(run.output);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^Electron's build of better-sqlite3 not available \\(no better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} \\(NODE_MODULE_VERSION ${target.abi}\\): ` +
            `prebuilt: .+; compile: Electron's headers could not be downloaded from ${escape(headers)}.*\\); starting Hall Board in browser mode\\.$`,
        ),
      );
      expect(run.output).toContain('Hall Board host is running');
      expect(existsSync(devBindingPath(join(dir, 'native-no-binding'), target))).toBe(false);
    } finally {
      servePrebuilt = true;
    }
  }, 120_000);
});

describe('npm start without an Electron binary', () => {
  it('says in one line that the download failed and runs the hall in browser mode', async () => {
    const run = await start('no-electron', {
      ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here'),
      ELECTRON_MIRROR: `${closedUrl}/`,
    });
    const host = closedUrl.replace('http://', '');
    expect(launcherLines(run.output)).toEqual([
      `Electron binary not available (download from ${host} failed: fetch failed, connect ECONNREFUSED ${host}); starting Hall Board in browser mode.`,
    ]);
    expect(run.output).toContain('Hall Board host is running');
    expect(run.record).toBeNull();
  }, 120_000);

  it('shows the download’s progress, then why it failed', async () => {
    const run = await start('progress', {
      ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here'),
      ELECTRON_MIRROR: `${serverUrl}/`,
    });
    const host = serverUrl.replace('http://', '');
    const lines = launcherLines(run.output);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Downloading Electron ${escape(target.electronVersion)} \\(linux-x64\\) from ${escape(host)}: \\d+ % of 2\\.0 MB`,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/: 100 % of 2\.0 MB/));
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^Electron binary not available \\(download from ${host} failed: .*checksum.*\\); starting Hall Board in browser mode\\.$`,
      ),
    );
  }, 120_000);
});
