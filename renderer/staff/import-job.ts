/**
 * The console's import, kept outside the panel: a big file takes a while, and a staff member
 * who switches to another tab and back finds it still running, with its progress, or its
 * report. One import at a time per console. While it runs, its progress (rows read / checked /
 * written) is polled from the host by the id the console gave it.
 */
import { useSyncExternalStore } from 'react';
import type { ImportProgress, ImportReport } from '../../shared/staff-data-contract';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';

export interface ImportRun {
  job: string;
  fileName: string;
  dryRun: boolean;
  running: boolean;
  progress: ImportProgress | null;
  report: ImportReport | null;
  error: unknown;
}

/** How often the progress is asked for while an import runs. */
export const PROGRESS_POLL_MS = 300;

let current: ImportRun | null = null;
const listeners = new Set<() => void>();

function update(job: string, patch: Partial<ImportRun>) {
  if (current?.job !== job) return;
  current = { ...current, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportRun(): ImportRun | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** 32 hex digits (crypto.randomUUID needs a secure context; a hall's console is plain http). */
function jobId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the file and watches it to the end; a second call while one runs does nothing. */
export async function startImport(file: File, dryRun: boolean): Promise<void> {
  if (current?.running) return;
  const job = jobId();
  current = { job, fileName: file.name, dryRun, running: true, progress: null, report: null, error: null };
  for (const l of listeners) l();
  let running = true;
  void (async () => {
    while (running) {
      await wait(PROGRESS_POLL_MS);
      if (!running) break;
      try {
        const progress = await staffApi.call(STAFF_DATA_ROUTES.importProgress, { params: { id: job } });
        if (running) update(job, { progress });
      } catch {
        // not begun yet on the host (the upload is still on its way): ask again
      }
    }
  })();
  try {
    const report = await staffApi.call(STAFF_DATA_ROUTES.postingsImport, {
      query: { name: file.name, job, ...(dryRun ? { dryRun: '1' as const } : {}) },
      body: file,
    });
    running = false;
    update(job, { running: false, report });
  } catch (error) {
    running = false;
    update(job, { running: false, error });
  }
}
