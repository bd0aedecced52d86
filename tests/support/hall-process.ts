/**
 * Starts the real hall host as its own process (`npm run serve`), the way an operator would,
 * and finds its URL from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { tmpDir } from './tmp-dir';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface HallProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * `entry` runs another script with the same options instead of the host's CLI, e.g.
 * tests/support/hall-with-hooks.ts for the host with its test-only hooks.
 */
export async function startHallProcess(
  options: { dataDir?: string; args?: string[]; env?: Record<string, string>; viaNpm?: boolean; entry?: string } = {},
): Promise<HallProcess> {
  const dataDir = options.dataDir ?? tmpDir('hall-');
  const args = ['--port', '0', '--data', dataDir, ...(options.args ?? [])];
  const [command, argv] = options.viaNpm
    ? ['npm', ['run', '--silent', 'serve', '--', ...args]]
    : [process.execPath, ['--import', 'tsx', options.entry ?? 'electron/host/cli.ts', ...args]];
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...process.env, HALL_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stopping it also stops npm's children.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`hall did not start within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const match = /health: (http:\/\/[^\s/]+)\/healthz/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hall exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop(signal = 'SIGTERM') {
      return new Promise((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        try {
          process.kill(-child.pid!, signal);
        } catch {
          resolveStop(child.exitCode);
        }
      });
    },
  };
}
