/**
 * The re-match worker (a worker thread of the hall host; see match-service.ts): one message
 * with every valid posting and active sign-up in, each person's best matches out. It touches
 * no database: the host reads and writes, in pieces, on its own thread.
 */
import { parentPort } from 'node:worker_threads';
import { rematchAll } from '../../../shared/matching/rematch';
import type { FromRematchWorker, ToRematchWorker } from './match-service';

const port = parentPort;
if (!port) throw new Error('rematch-worker: must run as a worker thread of the hall host');

port.on('message', (job: ToRematchWorker) => {
  try {
    const placed = new Map(Object.entries(job.placed));
    const result = rematchAll(
      job.postings,
      job.signups,
      { now: job.now, homeCity: job.homeCity, placed: (id) => placed.get(id) ?? 0 },
      job.perSignup,
    );
    port.postMessage({ type: 'done', id: job.id, ...result } satisfies FromRematchWorker);
  } catch (error) {
    port.postMessage({
      type: 'failed',
      id: job.id,
      message: (error as Error)?.message ?? String(error),
    } satisfies FromRematchWorker);
  }
});
