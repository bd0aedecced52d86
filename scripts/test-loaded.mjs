/**
 * `npm run test:loaded [-- --runs N --burners N]`: the whole suite on a loaded machine. Starts
 * CPU burners (one busy loop per process, two by default: on a 2-core CI box that leaves the
 * tests and Chromium fighting for time, as they do on a busy hall PC), runs `npm test` N times
 * in a row (3 by default), stops the burners and fails unless every run passed. A test that
 * only passes on an idle machine fails here.
 */
import { spawn } from 'node:child_process';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`test-loaded: --${name} needs a whole number, got ${process.argv[i + 1]}`);
  return value;
}

const runs = option('runs', 3);
const burnerCount = option('burners', 2);
const burners = Array.from({ length: burnerCount }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
let current = null;
const stopBurners = () => {
  for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopBurners();
    // npm test runs in its own process group: stop all of it, Chromium and hosts included
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

function npmTest() {
  return new Promise((resolve) => {
    current = spawn('npm', ['test'], { stdio: 'inherit', detached: true, shell: process.platform === 'win32' });
    current.on('exit', (code) => resolve(code));
  });
}

console.log(
  `test-loaded: ${burnerCount} CPU burners (pids ${burners.map((b) => b.pid).join(', ')}), ${runs} runs of npm test`,
);
const results = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const status = await npmTest();
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ run, passed: status === 0, seconds });
  console.log(
    `test-loaded: run ${run} of ${runs} ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${seconds} s`,
  );
}
stopBurners();
const failed = results.filter((r) => !r.passed).length;
console.log(
  `test-loaded: ${runs - failed} of ${runs} runs passed under load (${results.map((r) => `${r.seconds} s`).join(', ')})`,
);
process.exit(failed === 0 ? 0 : 1);
