/**
 * The re-match worker (a worker thread of the hall host; see rematch-scoring.ts): one message
 * with every valid posting and active sign-up in, each person's best matches out. It touches
 * no database: the host reads and writes, in pieces, on its own thread.
 */
import { parentPort } from 'node:worker_threads';
import { rematchAll } from '../../../shared/matching/rematch';
import { encodeReasons } from '../../../shared/matching/reason-codes';
import type { FromRematchWorker, RematchTuple, ToRematchWorker } from './rematch-scoring';

const PAIRS_PER_MESSAGE = 5000;

const port = parentPort;
if (!port) throw new Error('rematch-worker: must run as a worker thread of the hall host');

port.on('message', (job: ToRematchWorker) => {
  try {
    const started = performance.now();
    const placed = new Map(Object.entries(job.placed));
    const result = rematchAll(
      job.postings,
      job.signups,
      { now: job.now, homeCity: job.homeCity, placed: (id) => placed.get(id) ?? 0 },
      job.perSignup,
    );
    // sent in pieces so the host's thread never unpacks 200,000 pairs in one go, reasons packed
    // as the table keeps them
    for (let i = 0; i < result.pairs.length; i += PAIRS_PER_MESSAGE) {
      const pairs = result.pairs
        .slice(i, i + PAIRS_PER_MESSAGE)
        .map((x): RematchTuple => [x.signupId, x.postingId, x.score, encodeReasons(x.reasons)]);
      port.postMessage({ type: 'pairs', id: job.id, pairs } satisfies FromRematchWorker);
    }
    port.postMessage({
      type: 'done',
      id: job.id,
      scored: result.scored,
      ms: performance.now() - started,
    } satisfies FromRematchWorker);
  } catch (error) {
    port.postMessage({
      type: 'failed',
      id: job.id,
      message: (error as Error)?.message ?? String(error),
    } satisfies FromRematchWorker);
  }
});
