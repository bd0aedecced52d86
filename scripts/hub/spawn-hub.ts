/**
 * Starts `npm run hub` as its own process, the way an operator does, and waits for the line it
 * prints once listening (`hub: http://…`, cli.ts). For the tests and benches that need a real
 * hub process: to kill it, restart it, or keep it off their own event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SpawnedHub {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the hub printed so far, stdout and stderr. */
  readonly output: () => string;
}

export interface SpawnHubOptions {
  /** Added to this process's environment (tokens, HUB_LOG_LEVEL). */
  env?: Record<string, string>;
  /** How long to wait for the listening line (default 60 s). */
  timeoutMs?: number;
  /** Names the caller in its errors. */
  what?: string;
}

/** `node --import tsx scripts/hub/cli.ts ARGS`; rejects with the hub's output if it exits or stays silent. */
export async function spawnHub(args: readonly string[], options: SpawnHubOptions = {}): Promise<SpawnedHub> {
  const what = options.what ?? 'spawnHub';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/hub/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, HUB_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: no "hub:" line within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /^hub: (http:\/\/\S+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what}: the hub exited with ${code} before listening:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}
