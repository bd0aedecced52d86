/**
 * The import worker: one worker thread per upload (import-reader.ts), started with a memory
 * cap. It reads the file into rows and sends them back in pieces. A file that would take the
 * host down (a ZIP bomb the checks missed, a parser pathology) takes only this worker down.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from './detect-file';
import { readFile } from './read-file';
import type { FromTableWorker } from './import-reader';

const ROWS_PER_MESSAGE = 1000;

const port = parentPort;
if (!port) throw new Error('table-worker: must run as a worker thread of the hall host');
const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string };
const post = (m: FromTableWorker) => port.postMessage(m);

readFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, (rows) =>
  post({ type: 'read', rows }),
).then(
  ({ format, encoding, table }) => {
    for (let i = 0; i < table.rows.length; i += ROWS_PER_MESSAGE)
      post({ type: 'rows', rows: table.rows.slice(i, i + ROWS_PER_MESSAGE) });
    post({ type: 'done', format, encoding, header: table.header });
  },
  (error: unknown) => {
    if (error instanceof ImportFileError)
      post({
        type: 'failed',
        code: error.code,
        message: error.message,
        ...(error.params ? { params: error.params } : {}),
      });
    else
      post({
        type: 'failed',
        code: 'unreadable_file',
        message: `表格无法读取，请用 Excel/WPS 打开后另存为 .xlsx 或 .csv 再导入（${(error as Error)?.message?.slice(0, 200) ?? String(error)}）`,
      });
  },
);
