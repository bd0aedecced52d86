/**
 * Where board plans are computed: in the plan worker (plan-worker.ts) so that planning a
 * city's postings (about 200 ms for 20,000 on one screen) never holds up the host's thread,
 * which answers every page, socket and kiosk. Messages sent before the worker has booted wait
 * in its port. When it cannot start or dies, the same PlanEngine runs on the host's thread
 * instead (fed every posting again), so boards never depend on the worker.
 */
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../util/logger';
import { startWorker, workerScriptFor, type WorkerScript } from '../util/worker-script';
import { PlanEngine, type PostingDelta, type PlanBatch, type PlannedJob } from './plan-engine';

export type ToPlanWorker = { type: 'apply'; delta: PostingDelta } | { type: 'plan'; id: number; batch: PlanBatch };
export type FromPlanWorker =
  | { type: 'ready' }
  | { type: 'planned'; id: number; results: PlannedJob[]; computed: number }
  | { type: 'failed'; id: number; message: string };

export interface PlanOutcome {
  results: PlannedJob[];
  /** Plans this batch computed (the rest came from the cache). */
  computed: number;
}

export interface PlanRunner {
  apply(delta: PostingDelta): void;
  plan(batch: PlanBatch): Promise<PlanOutcome>;
  /** 'worker' while the worker plans; 'inline' when the host's thread does. */
  mode(): 'worker' | 'inline';
  close(): Promise<void>;
}

export class PlanRunnerError extends Error {
  override name = 'PlanRunnerError';
}

/** The plan worker's entry (bundle `board-plan-worker.cjs` next to main.cjs, or the .ts source). */
export function defaultPlanWorker(): WorkerScript | null {
  return workerScriptFor(import.meta.url, 'board-plan-worker', './plan-worker.ts');
}

/**
 * The plan worker's old-generation heap, in MB. A re-plan makes short-lived arrays of every
 * posting a screen shows; they outlive the young generation (a plan is held until the next
 * one) and, with V8's default limit (a quarter of the PC's memory), piled up to 480 MB over a
 * minute of live changes at 20,000 postings before a full collection, where 120 MB were live.
 * With this cap V8 collects long before: the worker stayed under 300 MB in the same minute.
 * A hall so large that its plans need more makes the worker run out; planning then goes on
 * on the host's thread (see fallBack), slower but whole.
 */
export const PLAN_WORKER_HEAP_MB = 384;

export interface PlanRunnerOptions {
  log: Logger;
  /** null: plan on the host's thread only. */
  worker: WorkerScript | null;
  /** The engine was replaced by an empty one (the worker died): feed it every posting again. */
  onReset: () => void;
}

export function createPlanRunner(options: PlanRunnerOptions): PlanRunner {
  const { log } = options;
  let worker: Worker | null = null;
  let inline: PlanEngine | null = null;
  let closed = false;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (o: PlanOutcome) => void; reject: (e: Error) => void }>();

  function fallBack(reason: string): void {
    if (inline || closed) return;
    log.warn({ reason }, 'board plan worker stopped; planning on the host thread from now on');
    const w = worker;
    worker = null;
    inline = new PlanEngine();
    void w?.terminate();
    for (const { reject } of waiting.values()) reject(new PlanRunnerError(`plan: the plan worker stopped (${reason})`));
    waiting.clear();
    options.onReset();
  }

  if (options.worker) {
    try {
      worker = startWorker(options.worker, undefined, {
        resourceLimits: { maxOldGenerationSizeMb: PLAN_WORKER_HEAP_MB },
      });
      worker.unref();
      worker.on('message', (message: FromPlanWorker) => {
        if (message.type === 'ready') return;
        const pending = waiting.get(message.id);
        if (!pending) return;
        waiting.delete(message.id);
        if (message.type === 'planned') pending.resolve({ results: message.results, computed: message.computed });
        else pending.reject(new PlanRunnerError(`plan: ${message.message}`));
      });
      worker.on('error', (error) => fallBack(error.message));
      worker.on('exit', (code) => fallBack(`exited with code ${code}`));
    } catch (error) {
      worker = null;
      inline = new PlanEngine();
      log.warn({ err: error }, 'board plan worker could not start; planning on the host thread');
    }
  } else {
    inline = new PlanEngine();
  }

  return {
    apply(delta) {
      if (worker) worker.postMessage({ type: 'apply', delta } satisfies ToPlanWorker);
      else inline!.apply(delta);
    },
    plan(batch) {
      if (closed) return Promise.reject(new PlanRunnerError('plan: the planner is closed'));
      if (!worker) {
        const before = inline!.computed;
        const results = inline!.plan(batch);
        return Promise.resolve({ results, computed: inline!.computed - before });
      }
      const id = ++nextId;
      return new Promise<PlanOutcome>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker!.postMessage({ type: 'plan', id, batch } satisfies ToPlanWorker);
      });
    },
    mode: () => (worker ? 'worker' : 'inline'),
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      for (const { reject } of waiting.values()) reject(new PlanRunnerError('plan: the planner is closed'));
      waiting.clear();
      if (w) await w.terminate();
    },
  };
}
