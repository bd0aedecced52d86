/**
 * `npm run dist [-- electron-builder flags]`: after `npm run build`, stages better-sqlite3
 * built for the pinned Electron's ABI in dist-native/ (electron-builder.yml ships it as
 * resources/native/better_sqlite3.node, outside the asar), then runs electron-builder. Builds
 * for the machine it runs on: a Windows installer is built on Windows, a deb on Linux.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addonAbiOfFile } from '../electron/host/db/native-binding';
import { BINDING_FILE, bindingCacheRoot } from '../electron/windows/sqlite-binding';
import { ensureElectronBinding } from './launcher/electron-binding';
import { readElectronTarget, ROOT } from './launcher/electron-target';

/** The electron-builder release the config is written against (its FuseOptionsV1 and deb defaults). */
export const ELECTRON_BUILDER = 'electron-builder@26.17.0';
export const STAGED_BINDING_DIR = join(ROOT, 'dist-native');

export function electronBuilderCommand(
  args: readonly string[],
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[]; shell: boolean } {
  return {
    command: platform === 'win32' ? 'npx.cmd' : 'npx',
    args: ['--yes', ELECTRON_BUILDER, '--config', 'electron-builder.yml', ...args],
    shell: platform === 'win32',
  };
}

async function main(): Promise<void> {
  const target = readElectronTarget();
  const binding = await ensureElectronBinding(target, {
    cacheRoot: bindingCacheRoot(ROOT, process.env),
    status: (line) => console.log(line),
  });
  if (binding.path === null) {
    console.error(`dist: ${binding.reason}`);
    process.exit(1);
  }
  rmSync(STAGED_BINDING_DIR, { recursive: true, force: true });
  mkdirSync(STAGED_BINDING_DIR, { recursive: true });
  copyFileSync(binding.path, join(STAGED_BINDING_DIR, BINDING_FILE));
  console.log(
    `dist: better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (NODE_MODULE_VERSION ${addonAbiOfFile(binding.path)}, ${binding.source}) → resources/native/${BINDING_FILE}`,
  );
  const builder = electronBuilderCommand(process.argv.slice(2));
  const child = spawn(builder.command, builder.args, { cwd: ROOT, stdio: 'inherit', shell: builder.shell });
  child.on('exit', (code) => process.exit(code ?? 1));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`dist: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  });
}
