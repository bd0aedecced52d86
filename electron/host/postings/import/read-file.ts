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

export async function readFile(buf: Buffer, fileName: string): Promise<FileTable> {
  const format = detectFormat(buf, fileName);
  if (format === 'xlsx') return { format, encoding: null, table: await readXlsx(buf, fileName) };
  const decoded = decodeCsv(buf);
  return { format, encoding: decoded.encoding, table: readCsv(decoded.text) };
}
