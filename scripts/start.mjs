#!/usr/bin/env node
// `npm start [-- hall flags]`: builds what is stale, then runs the hall in Electron. Where the
// Electron binary is missing and cannot be fetched, says so in one line and runs the same hall
// in browser mode (the host prints the screen URLs). `--browser` skips Electron on purpose.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = join(root, 'node_modules/electron');

/** Fetching the binary gets one try this long; a hall must not wait minutes for a download. */
export const INSTALL_TIMEOUT_MS = 60_000;

/** Splits the launcher's own flags from the ones handed to the hall. */
export function splitStartArgs(argv) {
  const hallArgs = argv.filter((arg) => arg !== '--browser');
  return { browser: hallArgs.length !== argv.length, hallArgs };
}

/**
 * The binary path exactly as the electron package's own entry would give it (node_modules/electron/index.js:
 * path.txt, written by its install step, under dist/ or ELECTRON_OVERRIDE_DIST_PATH), read
 * directly because scripts/ must not import electron (scripts/boundaries). Throws without it.
 */
export function electronPathFromPackage(packageDir = electronPackage, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  if (!executable) throw new Error('Electron failed to install correctly (node_modules/electron/path.txt is missing)');
  return join(packageDir, 'dist', executable);
}

/** Where the Electron binary is, or why there is none. */
export function probeElectron(resolveElectron = () => electronPathFromPackage(), exists = existsSync) {
  try {
    const path = resolveElectron();
    if (typeof path !== 'string') return { path: null, reason: 'the electron package did not give a binary path' };
    return exists(path) ? { path, reason: null } : { path: null, reason: `no binary at ${path}` };
  } catch (error) {
    return { path: null, reason: firstLine(error?.message) || 'the electron package has no binary' };
  }
}

/** The first meaningful line of a child's error output, for a one-line reason. */
export function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

/** Arguments for the Electron binary: the app folder, the hall's flags, and --no-sandbox as root (Chromium refuses to run as root otherwise). */
export function electronArgs(hallArgs, isRoot) {
  return [...(isRoot ? ['--no-sandbox'] : []), root, ...hallArgs];
}

export function fallbackMessage(reason) {
  return `Electron binary not available (${reason}); starting Hall Board in browser mode.`;
}

function tryInstallElectron() {
  const result = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
    cwd: root,
    timeout: INSTALL_TIMEOUT_MS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return result.error.code === 'ETIMEDOUT' ? `download timed out after ${INSTALL_TIMEOUT_MS / 1000} s` : result.error.message;
  if (result.status !== 0) return `download failed: ${firstLine(result.stderr) || `exit ${result.status}`}`;
  return null;
}

function electronAfterInstall() {
  const first = probeElectron();
  if (first.path) return first;
  const installError = tryInstallElectron();
  const second = probeElectron();
  if (second.path) return second;
  return { path: null, reason: installError ?? second.reason };
}

/** Runs a child with the terminal, passes our signals on, and ends with its exit code. */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1)));
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal];
}

async function main() {
  const { browser, hallArgs } = splitStartArgs(process.argv.slice(2));
  const { ensureRenderer } = await import('./ensure-renderer.mjs');
  ensureRenderer();

  const electron = browser ? { path: null, reason: '--browser given' } : electronAfterInstall();
  if (electron.path) {
    const { buildElectron } = await import('./build-electron.mjs');
    await buildElectron({ quiet: true });
    // ELECTRON_RUN_AS_NODE from a parent tool would turn the app into plain Node.
    const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
    runChild(electron.path, electronArgs(hallArgs, process.getuid?.() === 0), env);
    return;
  }
  console.log(fallbackMessage(electron.reason));
  runChild(process.execPath, ['--import', 'tsx', join(root, 'electron/host/cli.ts'), ...hallArgs], process.env);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`start: ${error?.stack ?? error}`);
    process.exit(1);
  });
}
