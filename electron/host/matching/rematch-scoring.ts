/**
 * Where the full re-match is scored (match-service.ts reads and writes; this only scores): in
 * the re-match worker (rematch-worker.ts), started once and kept, or on the host's thread when
 * no worker can run. Either way the pairs come back packed (`PackedPairs`), in the order of the
 * sign-ups sent, each person's together (shared/matching/rematch.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerScriptFor, type WorkerScript } from '../util/worker-script';
import { rematchAll, type MatchPostingInput, type MatchSignupInput, type RematchPair } from '../../../shared/matching';
import { encodeReasons } from '../../../shared/matching/reason-codes';
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
/**
 * The kept pairs as numbers: four per pair — the sign-up's and the posting's place in the job's
 * arrays, the score, and the place of its reasons (packed, reason-codes.ts) in `reasons`, of
 * which a city has a few hundred kinds for 200,000 pairs. The worker transfers the buffer, so
 * the host's thread unpacks nothing: 200,000 pairs as ids and strings took it longer to receive
 * than the worker took to score them.
 */
export interface PackedPairs {
  numbers: Int32Array<ArrayBuffer>;
  reasons: string[];
}
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

/** The pairs as numbers (rematchAll's order kept), each kind of reasons packed once. */
export function packPairs(pairs: readonly RematchPair[]): PackedPairs {
  const numbers = new Int32Array(pairs.length * 4);
  const reasons: string[] = [];
  const reasonAt = new Map<string, number>();
  pairs.forEach((x, i) => {
    const text = encodeReasons(x.reasons);
    let at = reasonAt.get(text);
    if (at === undefined) reasonAt.set(text, (at = reasons.push(text) - 1));
    numbers[i * 4] = x.signupAt;
    numbers[i * 4 + 1] = x.postingAt;
    numbers[i * 4 + 2] = x.score;
    numbers[i * 4 + 3] = at;
  });
  return { numbers, reasons };
}

/** One kept pair of a person: the posting's place in the job, the score, the reasons packed. */
export interface KeptPair {
  postingAt: number;
  score: number;
  reasons: string;
}

/** Reads the packed pairs one person after another, in the order of the job's sign-ups. */
export function pairReader(pairs: PackedPairs): { of(signupAt: number): KeptPair[] } {
  const { numbers, reasons } = pairs;
  let at = 0;
  return {
    of(signupAt) {
      const out: KeptPair[] = [];
      // a person with no pair is skipped over; one sent before was already read
      while (at < numbers.length && numbers[at]! < signupAt) at += 4;
      for (; at < numbers.length && numbers[at] === signupAt; at += 4)
        out.push({ postingAt: numbers[at + 1]!, score: numbers[at + 2]!, reasons: reasons[numbers[at + 3]!]! });
      return out;
    },
  };
}
