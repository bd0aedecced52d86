/**
 * The hub and the hall as their own processes, started the way an operator starts them
 * (`npm run hub`, `npm run serve`), with the figures a load run needs from outside: the URL,
 * the pid, resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface Child {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Children still running, stopped when this process exits however it exits. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startChild(
  script: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
  nodeArgs: string[] = [],
): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, HALL_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${script} did not start within ${timeoutMs} ms:\n${out.slice(-2000)}`)),
      timeoutMs,
    );
    child.stdout!.on('data', () => {
      const m = ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      ok({
        url: m[1]!,
        child,
        output: () => out,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${script} exited with ${code} before it was ready:\n${out.slice(-2000)}`));
    });
  });
}

/** Resident and peak resident memory of a process in MB (Linux /proc), or null elsewhere. */
export function memoryMb(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** An address of this machine that is not loopback, so a connection to it looks like a LAN device's. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}
