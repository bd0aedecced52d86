/**
 * The Electron binary for `npm start`: where the electron package put it, or fetched once.
 * package.json's allowScripts keeps electron's own install step from running at `npm install`
 * (it downloads ~100 MB and fails without internet); the launcher fetches the same artifact
 * with the same @electron/get settings (ELECTRON_MIRROR, electron_config_cache, checksums) but
 * shows progress and gives up only on a stall, then lets electron's install.js unpack it from
 * the cache so the package ends up exactly as its own installer leaves it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProgressReporter,
  createStallWatch,
  downloadFailureReason,
  downloadSource,
  type DownloadProgress,
} from './download-progress';
import { ELECTRON_PACKAGE } from './electron-target';

export type Probe = { path: string; reason: null } | { path: null; reason: string };

/**
 * The binary path exactly as the electron package's own entry computes it (path.txt, written
 * by its install step, under dist/ or ELECTRON_OVERRIDE_DIST_PATH), read directly because
 * scripts/ must not import electron (scripts/boundaries). Throws without it.
 */
export function electronPathFromPackage(
  packageDir: string = ELECTRON_PACKAGE,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  if (!executable) throw new Error('Electron failed to install correctly (node_modules/electron/path.txt is missing)');
  return join(packageDir, 'dist', executable);
}

/** Where the Electron binary is, or why there is none. */
export function probeElectron(
  resolveElectron: () => unknown = () => electronPathFromPackage(),
  exists: (path: string) => boolean = existsSync,
): Probe {
  try {
    const path = resolveElectron();
    if (typeof path !== 'string') return { path: null, reason: 'the electron package did not give a binary path' };
    return exists(path) ? { path, reason: null } : { path: null, reason: `no binary at ${path}` };
  } catch (error) {
    return { path: null, reason: firstLine((error as Error)?.message) || 'the electron package has no binary' };
  }
}

/** The first meaningful line of a child's error output, for a one-line reason. */
export function firstLine(text: unknown): string {
  return (
    String(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

interface ElectronGet {
  downloadArtifact(details: Record<string, unknown>): Promise<string>;
}

/** Fetches the Electron zip into @electron/get's cache, as electron's install.js would. */
async function downloadToCache(
  version: string,
  options: { env: NodeJS.ProcessEnv; isTTY: boolean; write: (text: string) => void; now?: () => number },
): Promise<string | null> {
  const now = options.now ?? Date.now;
  const source = downloadSource(options.env);
  const requireFromElectron = createRequire(join(ELECTRON_PACKAGE, 'package.json'));
  const checksums = JSON.parse(readFileSync(join(ELECTRON_PACKAGE, 'checksums.json'), 'utf8')) as Record<
    string,
    string
  >;
  const platform = options.env.npm_config_platform || process.platform;
  const arch = options.env.npm_config_arch || process.arch;
  const reporter = createProgressReporter({
    what: `Electron ${version} (${platform}-${arch})`,
    source,
    isTTY: options.isTTY,
    write: options.write,
    now,
  });
  const watch = createStallWatch({ now });
  const abort = new AbortController();
  let last: DownloadProgress = { transferred: 0, total: null };
  const timer = setInterval(() => {
    if (watch.stalled()) abort.abort();
  }, 1000);
  try {
    const get = (await import(pathToFileURL(requireFromElectron.resolve('@electron/get')).href)) as ElectronGet;
    await get.downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      checksums,
      cacheRoot: options.env.electron_config_cache,
      force: options.env.force_no_cache === 'true',
      downloadOptions: {
        quiet: true,
        signal: abort.signal,
        getProgressCallback: (progress: DownloadProgress) => {
          last = progress;
          watch.touch(progress.transferred);
          reporter.update(progress);
        },
      },
    });
    return null;
  } catch (error) {
    const stalled = abort.signal.aborted
      ? { afterBytes: last.transferred, total: last.total, stallMs: watch.stallMs }
      : null;
    return downloadFailureReason(error, { source, stalled });
  } finally {
    clearInterval(timer);
    reporter.done();
  }
}

/** Runs electron's own install.js, which finds the zip in the cache, unpacks it and writes path.txt. */
function unpackFromCache(env: NodeJS.ProcessEnv): string | null {
  const result = spawnSync(process.execPath, [join(ELECTRON_PACKAGE, 'install.js')], {
    cwd: ELECTRON_PACKAGE,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return `unpacking failed: ${result.error.message}`;
  if (result.status !== 0) return `unpacking failed: ${firstLine(result.stderr) || `exit ${result.status}`}`;
  return null;
}

/** The binary, fetching and unpacking it first when the package has none. */
export async function ensureElectronBinary(
  version: string,
  options: { env?: NodeJS.ProcessEnv; isTTY?: boolean; write?: (text: string) => void } = {},
): Promise<Probe> {
  const env = options.env ?? process.env;
  const resolveBinary = () => electronPathFromPackage(ELECTRON_PACKAGE, env);
  const first = probeElectron(resolveBinary);
  if (first.path !== null) return first;
  const failed =
    (await downloadToCache(version, {
      env,
      isTTY: options.isTTY ?? Boolean(process.stdout.isTTY),
      write: options.write ?? ((text) => process.stdout.write(text)),
    })) ?? unpackFromCache(env);
  const second = probeElectron(resolveBinary);
  if (second.path !== null) return second;
  return { path: null, reason: failed ?? second.reason };
}
