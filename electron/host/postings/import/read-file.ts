/**
 * A staff-uploaded spreadsheet as a table: its format, text encoding and rows. Pure of where it
 * runs: the import worker (table-worker.ts) calls it, and so does the host's thread when no
 * worker can start.
 */
import type { ImportReport } from '../../../../shared/staff-data-contract';
import { decodeCsv, detectFormat } from './detect-file';
import { readCsv, readXlsx, type Table } from './read-table';

export interface FileTable {
  format: 'csv' | 'xlsx';
  encoding: ImportReport['encoding'];
  table: Table;
}

/** `onRead` hears the count of sheet rows read so far (every few hundred rows of an XLSX). */
export async function readFile(buf: Buffer, fileName: string, onRead?: (rows: number) => void): Promise<FileTable> {
  const format = detectFormat(buf, fileName);
  if (format === 'xlsx') return { format, encoding: null, table: await readXlsx(buf, fileName, onRead) };
  const decoded = decodeCsv(buf);
  return { format, encoding: decoded.encoding, table: readCsv(decoded.text) };
}
