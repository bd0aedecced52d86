/**
 * `npm start [-- hall flags]`: builds what is stale, then runs the hall in Electron: the binary
 * (fetched once, with progress), better-sqlite3 built for Electron's ABI in a folder of its
 * own, Chromium's sandbox where it can work, X11 on a Wayland session. Whatever cannot be had
 * is said in one line, and the same hall runs in browser mode (the host prints the screen
 * URLs). `--browser` skips Electron on purpose.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchDisplayServerArgs } from '../../electron/windows/display-server';
import { bindingCacheRoot } from '../../electron/windows/sqlite-binding';
import { buildElectron } from '../build-electron.mjs';
import { ensureRenderer } from '../ensure-renderer.mjs';
import { ensureElectronBinding } from './electron-binding';
import { ensureElectronBinary } from './electron-binary';
import { readElectronTarget, ROOT } from './electron-target';
import { decideSandbox, sandboxFacts } from './sandbox';
import { electronCommandLine, fallbackMessage, splitStartArgs } from './start-args';

/** A status line that a terminal shows while work runs and that disappears when it is done. */
function transientStatus(isTTY: boolean) {
  let shown = false;
  return {
    show(line: string) {
      if (!isTTY) return;
      process.stdout.write(`\r${line}\u001b[K`);
      shown = true;
    },
    clear() {
      if (shown) process.stdout.write('\r\u001b[K');
      shown = false;
    },
  };
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs a child with the terminal, passes our signals on, and ends with its exit code. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 1) : 1)));
}

function browserMode(line: string, hallArgs: string[]): void {
  console.log(line);
  runChild(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/host/cli.ts'), ...hallArgs], process.env);
}

async function main(): Promise<void> {
  const { browser, electronArgs, hallArgs } = splitStartArgs(process.argv.slice(2));
  ensureRenderer();
  if (browser) return browserMode(fallbackMessage('Electron', '--browser given'), hallArgs);

  const isTTY = Boolean(process.stdout.isTTY);
  const target = readElectronTarget();
  const electron = await ensureElectronBinary(target.electronVersion, { isTTY });
  if (electron.path === null) return browserMode(fallbackMessage('Electron binary', electron.reason), hallArgs);

  // Before the launch: the shell opens the database through this build (electron/main.ts).
  const status = transientStatus(isTTY);
  const binding = await ensureElectronBinding(target, {
    cacheRoot: bindingCacheRoot(ROOT, process.env),
    status: (line) => status.show(line),
  });
  status.clear();
  if (binding.path === null)
    return browserMode(fallbackMessage("Electron's build of better-sqlite3", binding.reason), hallArgs);

  await buildElectron({ quiet: true });
  const sandbox = decideSandbox(sandboxFacts(electron.path));
  if (sandbox.line) console.log(sandbox.line);
  const displayServerArgs = launchDisplayServerArgs({
    platform: process.platform,
    env: process.env,
    argv: electronArgs,
  });
  // ELECTRON_RUN_AS_NODE from a parent tool would turn the app into plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  runChild(
    electron.path,
    electronCommandLine({ appDir: ROOT, sandbox: sandbox.sandbox, displayServerArgs, args: electronArgs }),
    env,
  );
}

main().catch((error: unknown) => {
  console.error(`start: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
