/**
 * The imports running or just finished, by the id the console gave each (`?job=`), so a staff
 * member can watch a big one — rows read, checked, written — switch to another tab and come
 * back. Memory only (an import is one request; a restart ends it), bounded: at most MAX_JOBS
 * kept, a finished one forgotten after KEEP_MS. Only the account that started a job sees it.
 */
import type { ImportProgress } from '../../../../shared/staff-data-contract';

export const MAX_JOBS = 50;
export const KEEP_MS = 15 * 60_000;

/** What importPostings reports as it goes. */
export type ProgressUpdate = Partial<
  Pick<ImportProgress, 'phase' | 'read' | 'checked' | 'written' | 'rows' | 'toWrite'>
>;

export interface ImportJobs {
  /** A new job, or null when `id` is taken by another running job. */
  start(id: string, owner: string, fileName: string, dryRun: boolean): ((u: ProgressUpdate) => void) | null;
  get(id: string, owner: string): ImportProgress | null;
}

interface Job {
  owner: string;
  progress: ImportProgress;
  endedAt: number | null;
}

export function createImportJobs(clock: () => number = Date.now): ImportJobs {
  const jobs = new Map<string, Job>();

  function prune(now: number) {
    for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > KEEP_MS) jobs.delete(id);
    // the oldest finished ones go first; a running job is never dropped
    for (const [id, job] of jobs) {
      if (jobs.size < MAX_JOBS) break;
      if (job.endedAt !== null) jobs.delete(id);
    }
  }

  return {
    start(id, owner, fileName, dryRun) {
      const now = clock();
      prune(now);
      const taken = jobs.get(id);
      if ((taken && taken.endedAt === null) || jobs.size >= MAX_JOBS) return null;
      const job: Job = {
        owner,
        endedAt: null,
        progress: {
          job: id,
          fileName,
          dryRun,
          phase: 'uploading',
          read: 0,
          checked: 0,
          written: 0,
          rows: null,
          toWrite: null,
          startedAt: now,
        },
      };
      jobs.set(id, job);
      return (u) => {
        if (job.endedAt !== null) return; // done or failed: final
        job.progress = { ...job.progress, ...u };
        if (u.phase === 'done' || u.phase === 'failed') job.endedAt = clock();
      };
    },
    get(id, owner) {
      const job = jobs.get(id);
      return job && job.owner === owner ? job.progress : null;
    },
  };
}
