/**
 * Where an uploaded spreadsheet is read: in a worker thread of its own, with a memory cap and a
 * time limit, so that no file can block the host's thread (a 20 MB CSV took papaparse ~400 ms)
 * or exhaust its memory (a 1.4 MB XLSX declaring ten million rows used to kill the host).
 * When no worker can start (source without tsx), the host's thread reads it, with the same
 * checks (xlsx-guard.ts, the row limit).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerScriptFor, type WorkerScript } from '../../util/worker-script';
import { ImportFileError } from './detect-file';
import { readFile, type FileTable } from './read-file';
import type { TableRow } from './read-table';

export type FromTableWorker =
  | { type: 'read'; rows: number }
  | { type: 'rows'; rows: TableRow[] }
  | { type: 'done'; format: FileTable['format']; encoding: FileTable['encoding']; header: string[] }
  | { type: 'failed'; code: ImportFileError['code']; message: string; params?: ImportFileError['params'] };

/** Reads a file into a table; `onRead` hears how many rows are read so far, as reading goes. */
export type ReadTable = (buf: Buffer, fileName: string, onRead?: (rows: number) => void) => Promise<FileTable>;

export interface ImportReaderOptions {
  /** null: read on the host's thread. */
  worker: WorkerScript | null;
  /** Heap of the worker; past it the worker dies and the file is refused. */
  maxHeapMb?: number;
  timeoutMs?: number;
}

export const DEFAULT_IMPORT_HEAP_MB = 384;
export const DEFAULT_IMPORT_TIMEOUT_MS = 120_000;

/** The worker's entry (bundle `import-table-worker.cjs` next to main.cjs, or the .ts source). */
export function defaultImportWorker(): WorkerScript | null {
  return workerScriptFor(import.meta.url, 'import-table-worker', './table-worker.ts');
}

const failed = (message: string) =>
  new ImportFileError(
    'import_failed',
    `表格太大或格式异常，读取时超出了内存或时间上限；请拆分成几个表格，或另存为 .csv 再导入（${message}）`,
  );

export function createImportReader(options: ImportReaderOptions): ReadTable {
  if (!options.worker) return readFile;
  const script = options.worker;
  return (buf, fileName, onRead) =>
    new Promise<FileTable>((resolve, reject) => {
      let worker: Worker;
      // the bytes move to the worker; the caller keeps nothing of them
      const bytes = new Uint8Array(buf.byteLength);
      bytes.set(buf);
      // (buf itself stays with the caller for the fallback below)
      try {
        worker = startWorker(
          script,
          { bytes, fileName },
          {
            resourceLimits: {
              maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_IMPORT_HEAP_MB,
              maxYoungGenerationSizeMb: 32,
            },
            transferList: [bytes.buffer],
          },
        );
      } catch {
        readFile(buf, fileName, onRead).then(resolve, reject);
        return;
      }
      const rows: TableRow[] = [];
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(failed(`no result within ${Math.round((options.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS) / 1000)} s`)),
          ),
        options.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS,
      );
      worker.on('message', (m: FromTableWorker) => {
        if (m.type === 'read') onRead?.(m.rows);
        else if (m.type === 'rows') for (const r of m.rows) rows.push(r);
        else if (m.type === 'done')
          finish(() => resolve({ format: m.format, encoding: m.encoding, table: { header: m.header, rows } }));
        else finish(() => reject(new ImportFileError(m.code, m.message, m.params)));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        // The worker's own code is missing (a packaging mistake): read here instead. Any other
        // error is the file's doing: refuse it.
        if (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')
          return finish(() => void readFile(buf, fileName, onRead).then(resolve, reject));
        finish(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? failed('out of memory') : failed(error.message.slice(0, 120)),
          ),
        );
      });
      worker.on('exit', (code) => finish(() => reject(failed(`the reader stopped (${code})`))));
    });
}
