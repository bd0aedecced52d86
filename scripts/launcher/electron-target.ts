/**
 * What the launcher builds and fetches for: the pinned Electron (version and the Node ABI its
 * embedded Node needs), this platform and CPU, and the installed better-sqlite3. Read from the
 * installed packages rather than hard-coded, so a version bump in package.json is all it takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BindingTarget } from '../../electron/windows/sqlite-binding';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');
export const SQLITE_PACKAGE = join(ROOT, 'node_modules', 'better-sqlite3');

export interface ElectronTarget extends BindingTarget {
  /** NODE_MODULE_VERSION of Electron's Node. */
  abi: string;
  /** Where `abi` came from: the electron package's own abi_version file, or node-abi's table. */
  abiSource: 'abi_version' | 'node-abi';
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** node-abi's ABI for an Electron version (the table prebuild-install uses), or null. */
export function nodeAbiFor(electronVersion: string, sqlitePackage = SQLITE_PACKAGE): string | null {
  try {
    // node-abi is prebuild-install's, which is better-sqlite3's: resolve it along that chain.
    const fromSqlite = createRequire(join(sqlitePackage, 'package.json'));
    const fromPrebuild = createRequire(fromSqlite.resolve('prebuild-install/package.json'));
    const nodeAbi = fromPrebuild('node-abi') as { getAbi(target: string, runtime: string): string };
    return nodeAbi.getAbi(electronVersion, 'electron');
  } catch {
    return null;
  }
}

export function readElectronTarget(
  options: { electronPackage?: string; sqlitePackage?: string; platform?: NodeJS.Platform; arch?: string } = {},
): ElectronTarget {
  const electronPackage = options.electronPackage ?? ELECTRON_PACKAGE;
  const sqlitePackage = options.sqlitePackage ?? SQLITE_PACKAGE;
  const electronVersion = packageVersion(electronPackage);
  const abiFile = join(electronPackage, 'abi_version');
  const fromFile = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : '';
  const abi = fromFile || nodeAbiFor(electronVersion, sqlitePackage);
  if (!abi)
    throw new Error(
      `readElectronTarget: no Node ABI known for Electron ${electronVersion} (no abi_version file, and node-abi does not list it)`,
    );
  return {
    electronVersion,
    abi,
    abiSource: fromFile ? 'abi_version' : 'node-abi',
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    sqliteVersion: packageVersion(sqlitePackage),
  };
}
