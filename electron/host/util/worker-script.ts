/**
 * How the host finds a worker thread's entry, from source and from the Electron bundle alike
 * (the sync page worker in sync/page-source.ts set the pattern; this is it, reusable):
 *
 * - in the bundle (dist-electron/main.cjs) every worker is a sibling bundle,
 *   `dist-electron/<bundle>.cjs`, built by scripts/build-electron.mjs;
 * - from source the entry is a .ts file, started by a two-line bootstrap that registers tsx in
 *   the worker first (`--import tsx` in a worker's execArgv does not take effect for the
 *   worker's own entry on Node 20).
 *
 * Null when neither can run (source without tsx): the caller then does the work on its own
 * thread.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker entry file, or a bootstrap to evaluate. */
export interface WorkerScript {
  source: URL | string;
}

/**
 * @param callerUrl `import.meta.url` of the module next to the worker's source file
 * @param bundle    the worker bundle's name without `.cjs` (e.g. `board-plan-worker`)
 * @param sourceFile the worker's source file, relative to the caller (e.g. `./plan-worker.ts`)
 */
export function workerScriptFor(callerUrl: string, bundle: string, sourceFile: string): WorkerScript | null {
  const here = new URL(callerUrl);
  if (here.pathname.endsWith('.cjs')) return { source: new URL(`./${bundle}.cjs`, here) };
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  const entry = new URL(sourceFile, here).href;
  return {
    source: `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
  };
}

/** Starts the worker; execArgv [] because a bundled worker needs none of the host's flags. */
export function startWorker(
  script: WorkerScript,
  workerData?: unknown,
  extra: Pick<WorkerOptions, 'resourceLimits' | 'transferList'> = {},
): Worker {
  const { source } = script;
  const options: WorkerOptions = { ...extra, ...(workerData === undefined ? {} : { workerData }) };
  return typeof source === 'string'
    ? new Worker(source, { eval: true, ...options })
    : new Worker(source, { execArgv: [], ...options });
}
