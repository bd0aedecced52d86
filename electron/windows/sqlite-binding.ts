import { join } from 'node:path';

// Pure: where the Electron shell's better-sqlite3 build lives. node_modules/better-sqlite3 stays
// built for the system Node (tests, serve, hub, browser mode); a build for Electron's ABI sits
// in a folder of its own, keyed by everything that must match, so switching Electron or
// better-sqlite3 versions never loads a stale file (better-sqlite3 #229, #545: one build folder
// rebuilt in place for Electron breaks Node, and the other way round).

export const BINDING_FILE = 'better_sqlite3.node';

export interface BindingTarget {
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  sqliteVersion: string;
}

/** `.cache/electron-native` in the checkout, or HALL_ELECTRON_NATIVE_DIR. */
export function bindingCacheRoot(appRoot: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.HALL_ELECTRON_NATIVE_DIR || join(appRoot, '.cache', 'electron-native');
}

export function devBindingDir(cacheRoot: string, target: BindingTarget): string {
  return join(
    cacheRoot,
    `electron-v${target.electronVersion}-${target.platform}-${target.arch}`,
    `better-sqlite3-v${target.sqliteVersion}`,
  );
}

export function devBindingPath(cacheRoot: string, target: BindingTarget): string {
  return join(devBindingDir(cacheRoot, target), BINDING_FILE);
}

/** In an installed app: resources/native/better_sqlite3.node (electron-builder.yml extraResources). */
export function packagedBindingPath(resourcesPath: string): string {
  return join(resourcesPath, 'native', BINDING_FILE);
}
