#!/usr/bin/env node
// Runs a TypeScript entry point with Node through tsx's loader, forwarding arguments and
// signals, so `npm run serve -- --port 8080` behaves like a plain Node program.
import { spawn } from 'node:child_process';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
