/**
 * Where the full re-match is scored (match-service.ts reads and writes; this only scores): in
 * the re-match worker (rematch-worker.ts), started once and kept, or on the host's thread when
 * no worker can run. Either way the pairs come back packed (`PackedPairs`), in the order of the
 * sign-ups sent, each person's together (shared/matching/rematch.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerScriptFor, type WorkerScript } from '../util/worker-script';
import { rematchAll, type MatchPostingInput, type MatchSignupInput } from '../../../shared/matching';
import { packPairs, type PackedPairs } from '../../../shared/matching/packed-pairs';
import { MAX_OPEN_PER_SIGNUP } from './match-store';

export type ToRematchWorker = {
  id: number;
  postings: MatchPostingInput[];
  signups: MatchSignupInput[];
  now: number;
  homeCity: string;
  placed: Record<string, number>;
  perSignup: number;
};
export type FromRematchWorker =
  | { type: 'done'; id: number; pairs: PackedPairs; scored: number; ms: number }
  | { type: 'failed'; id: number; message: string };

export interface RematchJob {
  postings: MatchPostingInput[];
  signups: MatchSignupInput[];
  now: number;
  homeCity: string;
  placed: Record<string, number>;
}

export interface RematchScores {
  /** The kept pairs. */
  pairs: PackedPairs;
  /** Pairs scored (passed the index). */
  scored: number;
  /** The scoring itself, by the clock of the thread that did it. */
  ms: number;
  mode: 'worker' | 'inline';
}

export interface RematchScorer {
  score(job: RematchJob): Promise<RematchScores>;
  /** Refuses the jobs still out and stops the worker. */
  close(): Promise<void>;
}

export function defaultRematchWorker(): WorkerScript | null {
  return workerScriptFor(import.meta.url, 'match-rematch-worker', './rematch-worker.ts');
}

/** @param script the worker's entry, or null: score on the host's thread */
export function createRematchScorer(script: WorkerScript | null): RematchScorer {
  let worker: Worker | null = null;
  let nextJob = 0;
  const jobs = new Map<number, { resolve: (r: RematchScores) => void; reject: (e: Error) => void }>();

  function startWorkerOnce(): Worker | null {
    if (worker || !script) return worker;
    const w = startWorker(script, undefined, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.unref();
    w.on('message', (m: FromRematchWorker) => {
      const job = jobs.get(m.id);
      if (!job) return;
      jobs.delete(m.id);
      if (m.type === 'done') job.resolve({ pairs: m.pairs, scored: m.scored, ms: m.ms, mode: 'worker' });
      else job.reject(new Error(m.message));
    });
    const fail = (reason: string) => {
      if (worker !== w) return;
      worker = null;
      for (const job of jobs.values()) job.reject(new Error(`rematch worker stopped: ${reason}`));
      jobs.clear();
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exited with code ${code}`));
    worker = w;
    return w;
  }

  function inline(job: RematchJob): RematchScores {
    const started = performance.now();
    const placed = new Map(Object.entries(job.placed));
    const ctx = { now: job.now, homeCity: job.homeCity, placed: (id: string) => placed.get(id) ?? 0 };
    const found = rematchAll(job.postings, job.signups, ctx, MAX_OPEN_PER_SIGNUP);
    return {
      pairs: packPairs(found.pairs),
      scored: found.scored,
      ms: performance.now() - started,
      mode: 'inline',
    };
  }

  return {
    async score(job) {
      const w = startWorkerOnce();
      if (!w) return inline(job);
      const id = ++nextJob;
      return new Promise((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        w.postMessage({ id, ...job, perSignup: MAX_OPEN_PER_SIGNUP } satisfies ToRematchWorker);
      });
    },
    async close() {
      for (const job of jobs.values()) job.reject(new Error('rematch: the host is closing'));
      jobs.clear();
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
