/**
 * The re-match worker (a worker thread of the hall host; see rematch-scoring.ts): one message
 * with every valid posting and active sign-up in, each person's best matches out. It touches
 * no database: the host reads and writes, in pieces, on its own thread.
 */
import { parentPort } from 'node:worker_threads';
import { rematchAll } from '../../../shared/matching/rematch';
import { packPairs } from '../../../shared/matching/packed-pairs';
import type { FromRematchWorker, ToRematchWorker } from './rematch-scoring';

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
    // as numbers, the buffer transferred: the host's thread copies and unpacks nothing
    const pairs = packPairs(result.pairs);
    port.postMessage(
      {
        type: 'done',
        id: job.id,
        pairs,
        scored: result.scored,
        ms: performance.now() - started,
      } satisfies FromRematchWorker,
      [pairs.numbers.buffer],
    );
  } catch (error) {
    port.postMessage({
      type: 'failed',
      id: job.id,
      message: (error as Error)?.message ?? String(error),
    } satisfies FromRematchWorker);
  }
});
