/**
 * The board plan worker (a worker thread of the hall host; see plan-runner.ts). It holds the
 * PlanEngine: postings arrive as deltas, plan batches as requests, encoded plans and patches go back. It
 * touches no database and no socket: killing it loses nothing (the host re-feeds a new one).
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { PlanEngine } from './plan-engine';
import type { FromPlanWorker, ToPlanWorker } from './plan-runner';

/**
 * Linux nice value for this thread. Not lowered (the sync page worker's is): a re-plan is what
 * makes a change reach the walls, and on a loaded PC a niced planner fell seconds behind while
 * the host's thread, which now does little per change, had time to spare.
 */
const WORKER_NICE = 0;

const port = parentPort;
if (!port) throw new Error('plan-worker: must run as a worker thread of the hall host');

const engine = new PlanEngine();
const post = (message: FromPlanWorker) => port.postMessage(message);

port.on('message', (message: ToPlanWorker) => {
  if (message.type === 'apply') {
    engine.apply(message.delta);
    return;
  }
  try {
    const before = engine.computed;
    const results = engine.plan(message.batch);
    // the packets move to the host's thread without a copy
    const transfer = results.flatMap((r) => [r.full, r.patch].flatMap((p) => (p ? [p.buffer as ArrayBuffer] : [])));
    port.postMessage(
      { type: 'planned', id: message.id, results, computed: engine.computed - before } satisfies FromPlanWorker,
      transfer,
    );
  } catch (error) {
    post({ type: 'failed', id: message.id, message: (error as Error)?.message ?? String(error) });
  }
});

if (process.platform === 'linux' && WORKER_NICE !== 0) {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // not allowed here: run at normal priority
  }
}

post({ type: 'ready' });
