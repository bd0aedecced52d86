/**
 * The Electron-ABI build of better-sqlite3 that `npm start` hands the shell (and `npm run dist`
 * ships). node_modules/better-sqlite3 is never touched: it stays built for the system Node, so
 * tests, serve, the hub and browser mode keep working (rebuilding it in place for Electron, as
 * @electron/rebuild and electron-builder's npmRebuild do, breaks them: better-sqlite3 #229, #545).
 *
 * Obtained, in order, as better-sqlite3's own install script does for Node:
 *   1. its published prebuilt for this Electron (prebuild-install --runtime electron --target V,
 *      mirror: npm_config_better_sqlite3_binary_host), unpacked into a scratch folder;
 *   2. a compile with Electron's headers (node-gyp --target=V --dist-url=…, as Electron's
 *      "Using Native Node Modules" guide does it) in a scratch copy of the package.
 * Each result is checked for the ABI it was built for before it is moved into place.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { addonAbiOfFile } from '../../electron/host/db/native-binding';
import { BINDING_FILE, devBindingDir, devBindingPath } from '../../electron/windows/sqlite-binding';
import { SQLITE_PACKAGE, type ElectronTarget } from './electron-target';

/** Electron's headers for node-gyp (Electron docs, "Using Native Node Modules"). */
export const DEFAULT_HEADERS_URL = 'https://electronjs.org/headers';
/** Generous limits against a hung child, not deadlines for a slow one. */
const PREBUILT_TIMEOUT_MS = 10 * 60_000;
const COMPILE_TIMEOUT_MS = 30 * 60_000;

export type BindingPlan = { action: 'use'; path: string } | { action: 'obtain'; path: string; stale: number | null };

/** Pure: use the cached build when it is there and built for the right ABI, else obtain one. */
export function planBinding(
  path: string,
  expectedAbi: string,
  abiOfFile: (file: string) => number | null,
): BindingPlan {
  const found = abiOfFile(path);
  if (found !== null && String(found) === expectedAbi) return { action: 'use', path };
  return { action: 'obtain', path, stale: found };
}

/** npm's own node-gyp: the one npm runs better-sqlite3's install script with. */
export function nodeGypCandidates(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string,
  platform: NodeJS.Platform,
): string[] {
  const bin = dirname(execPath);
  const npmGyp = ['npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
  return [
    ...(env.npm_config_node_gyp ? [env.npm_config_node_gyp] : []),
    platform === 'win32' ? join(bin, 'node_modules', ...npmGyp) : join(bin, '..', 'lib', 'node_modules', ...npmGyp),
  ];
}

/**
 * The environment for a child that builds or fetches for Electron: npm's settings for the
 * system Node (a nodedir, a disturl, a target pointing at Node's headers) must not leak in,
 * or node-gyp would compile against Node's headers and produce the wrong ABI.
 */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|disturl|dist_url|target|runtime|arch|target_arch|devdir|build_from_source)$/i.test(key))
      continue;
    out[key] = value;
  }
  return out;
}

interface Step {
  ok: boolean;
  reason: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveRun({ code: null, output: error.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output, timedOut });
    });
  });
}

/** What prebuild-install said went wrong: its last `warn install` line. */
export function prebuiltFailure(output: string): string {
  const warnings = [...output.matchAll(/prebuild-install (?:warn|WARN) install (.+)/g)].map((m) => m[1]!.trim());
  return warnings.at(-1) ?? lastLine(output);
}

/** What node-gyp said went wrong: the headers download, the compiler, or its own error. */
export function nodeGypFailure(output: string): string {
  const headers = /gyp http GET (\S+)/.exec(output)?.[1];
  const stack = /gyp ERR! stack Error: (.+)/.exec(output)?.[1]?.trim();
  const specific = stack && !stack.startsWith('This is most likely not a problem with node-gyp') ? stack : null;
  if (headers && /rolling back install/.test(output))
    return `Electron's headers could not be downloaded from ${headers}${specific ? ` (${specific})` : ''}`;
  const compiler = /^.*\b(?:fatal )?error: .+$/m.exec(output)?.[0]?.trim();
  if (compiler) return `the C++ build failed: ${compiler}`;
  return specific ?? lastLine(output);
}

function lastLine(output: string): string {
  return (
    output
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

function checkAbi(file: string, target: ElectronTarget): Step {
  if (!existsSync(file)) return { ok: false, reason: `no ${BINDING_FILE} was produced` };
  const abi = addonAbiOfFile(file);
  if (abi === null || String(abi) !== target.abi)
    return { ok: false, reason: `it was built for NODE_MODULE_VERSION ${abi ?? 'unknown'}, not ${target.abi}` };
  return { ok: true, reason: '' };
}

async function fetchPrebuilt(
  scratch: string,
  target: ElectronTarget,
  env: NodeJS.ProcessEnv,
): Promise<Step & { file: string }> {
  // prebuild-install reads the package's name, version and repository from package.json in --path.
  mkdirSync(scratch, { recursive: true });
  cpSync(join(SQLITE_PACKAGE, 'package.json'), join(scratch, 'package.json'));
  const bin = createRequire(join(SQLITE_PACKAGE, 'package.json')).resolve('prebuild-install/bin.js');
  const args = [
    bin,
    '--runtime',
    'electron',
    '--target',
    target.electronVersion,
    '--arch',
    target.arch,
    '--platform',
    target.platform,
    '--path',
    scratch,
    '--verbose',
  ];
  const result = await run(process.execPath, args, { cwd: scratch, env, timeoutMs: PREBUILT_TIMEOUT_MS });
  const file = join(scratch, 'build', 'Release', BINDING_FILE);
  if (result.timedOut) return { ok: false, reason: 'no answer within 10 min', file };
  if (result.code !== 0) return { ok: false, reason: prebuiltFailure(result.output) || `exit ${result.code}`, file };
  return { ...checkAbi(file, target), file };
}

async function compile(
  scratch: string,
  target: ElectronTarget,
  env: NodeJS.ProcessEnv,
  cacheRoot: string,
): Promise<Step & { file: string }> {
  const copy = join(scratch, 'better-sqlite3');
  // A scratch copy of the package, never node_modules itself, without its Node build.
  cpSync(SQLITE_PACKAGE, copy, {
    recursive: true,
    filter: (source) => {
      const rel = relative(SQLITE_PACKAGE, source).split(sep);
      return rel[0] !== 'build' && rel[0] !== 'node_modules';
    },
  });
  const gyp = nodeGypCandidates(env, process.execPath, process.platform).find((candidate) => existsSync(candidate));
  const file = join(copy, 'build', 'Release', BINDING_FILE);
  if (!gyp) return { ok: false, reason: "npm's node-gyp was not found (run npm start through npm)", file };
  const headersUrl = env.HALL_ELECTRON_HEADERS_URL || DEFAULT_HEADERS_URL;
  const args = [
    gyp,
    'rebuild',
    '--release',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    `--dist-url=${headersUrl}`,
    `--devdir=${join(cacheRoot, 'headers')}`,
  ];
  const result = await run(process.execPath, args, { cwd: copy, env, timeoutMs: COMPILE_TIMEOUT_MS });
  if (result.timedOut) return { ok: false, reason: 'did not finish within 30 min', file };
  if (result.code !== 0) return { ok: false, reason: nodeGypFailure(result.output) || `exit ${result.code}`, file };
  return { ...checkAbi(file, target), file };
}

export type BindingResult =
  | { path: string; source: 'cache' | 'prebuilt' | 'compiled'; reason: null }
  | { path: null; source: null; reason: string };

/**
 * The Electron build of better-sqlite3 for `target`, from the cache or made now. On failure
 * the reason is one line naming both attempts.
 */
export async function ensureElectronBinding(
  target: ElectronTarget,
  options: { cacheRoot: string; env?: NodeJS.ProcessEnv; status?: (line: string) => void },
): Promise<BindingResult> {
  const path = devBindingPath(options.cacheRoot, target);
  const plan = planBinding(path, target.abi, addonAbiOfFile);
  if (plan.action === 'use') return { path, source: 'cache', reason: null };

  const env = buildEnv(options.env ?? process.env);
  const status = options.status ?? (() => undefined);
  mkdirSync(options.cacheRoot, { recursive: true });
  const scratch = mkdtempSync(join(options.cacheRoot, '.scratch-'));
  const what = `better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (NODE_MODULE_VERSION ${target.abi})`;
  try {
    status(`Fetching the prebuilt ${what}…`);
    const prebuilt = await fetchPrebuilt(join(scratch, 'prebuilt'), target, env);
    let made: (Step & { file: string }) | null = prebuilt.ok ? prebuilt : null;
    let compiled: Step | null = null;
    if (!made) {
      status(`No prebuilt ${what} (${prebuilt.reason}); compiling it with Electron's headers (about a minute)…`);
      const result = await compile(scratch, target, env, options.cacheRoot);
      compiled = result;
      if (result.ok) made = result;
    }
    if (!made) {
      return {
        path: null,
        source: null,
        reason: `no ${what}: prebuilt: ${prebuilt.reason}; compile: ${compiled?.reason ?? 'not tried'}`,
      };
    }
    mkdirSync(devBindingDir(options.cacheRoot, target), { recursive: true });
    const staged = `${path}.${process.pid}.tmp`;
    cpSync(made.file, staged);
    renameSync(staged, path);
    writeFileSync(
      join(dirname(path), 'binding.json'),
      `${JSON.stringify({ ...target, source: prebuilt.ok ? 'prebuilt' : 'compiled', madeAt: new Date().toISOString() }, null, 2)}\n`,
    );
    return { path, source: prebuilt.ok ? 'prebuilt' : 'compiled', reason: null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
