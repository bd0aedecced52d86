/**
 * The hall host as `npm run serve` starts it (same options, same printed lines), plus the
 * test-only hook of the sync applier, for tests that must act at an exact moment inside the
 * host's own process:
 *
 *   HALL_TEST_HOLD_TRANSACTION=N  in the N-th sync transaction, after its writes and before its
 *                                 commit, print `held inside sync transaction {json}` and block
 *                                 the process, so a test can SIGKILL it mid-write.
 *
 * Run: node --import tsx tests/support/hall-with-hooks.ts --port 0 --data DIR --hub URL …
 */
import { writeSync } from 'node:fs';
import { hallOptionsFrom } from '../../electron/host/config';
import { startHall } from '../../electron/host/hall';

const holdAt = Number(process.env.HALL_TEST_HOLD_TRANSACTION ?? 0);
let transactions = 0;

const options = hallOptionsFrom(process.argv.slice(2), process.env);
const hall = await startHall(options, {
  sync: {
    insideApplyTransaction(run) {
      if (++transactions !== holdAt) return;
      // A synchronous write and a synchronous wait: nothing commits until the process is gone.
      writeSync(1, `held inside sync transaction ${JSON.stringify(run)}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    },
  },
});
process.stdout.write(`Hall Board host is running (test hooks)\n  health: ${hall.url}/healthz\n`);
process.on('SIGTERM', () => void hall.close().then(() => process.exit(0)));
