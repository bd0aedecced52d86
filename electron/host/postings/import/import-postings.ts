/**
 * A spreadsheet of postings into the hall: detect the file, read its rows (in the import
 * worker, import-reader.ts), turn each into a posting or a list of reasons, then write the good
 * rows. A bad row is reported with its spreadsheet row number and never written in part; the
 * good rows go in. Importing the same file again changes nothing: ids come from the 编号 column
 * (or from the row's content), and a row equal to the stored posting is counted as unchanged.
 *
 * A 20,000-row file must not hold the host's thread: rows are checked in slices of about
 * SLICE_MS and written in transactions of WRITE_CHUNK rows, with the event loop turned in
 * between. A crash part-way leaves the rows written so far, each whole; importing the file
 * again completes it (it is idempotent). `onProgress` hears how far it has got after each
 * piece (the console's progress bar, import-jobs.ts).
 */
import type { ImportReport, ImportRowError } from '../../../../shared/staff-data-contract';
import type { Posting } from '../../../../shared/schemas/posting';
import type { PostingStore } from '../../db/posting-store';
import { ImportFileError } from './detect-file';
import { COLUMN_NAMES, mapColumns, missingNeededColumns } from './import-columns';
import { readFile } from './read-file';
import type { ReadTable } from './import-reader';
import { rowToPosting } from './row-to-posting';
import type { ProgressUpdate } from './import-jobs';

/** Longest stretch of row checks between two turns of the event loop. */
const SLICE_MS = 15;
/** Rows per write transaction (about 20 ms each at 20,000 postings in the store, triggers and all). */
export const WRITE_CHUNK = 200;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportOptions {
  fileName: string;
  now: number;
  dryRun?: boolean;
  /** Where the file is read (default: on this thread; the host passes its import worker). */
  readTable?: ReadTable;
  /** Told how far the import has got: after each piece read, checked or written. */
  onProgress?: (u: ProgressUpdate) => void;
}

export async function importPostings(
  store: Pick<PostingStore, 'get' | 'upsertMany'>,
  buf: Buffer,
  options: ImportOptions,
): Promise<{ report: ImportReport; written: Posting[] }> {
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'reading' });
  const { format, encoding, table } = await (options.readTable ?? readFile)(buf, options.fileName, (read) =>
    progress({ read }),
  );
  progress({ phase: 'checking', read: table.rows.length, rows: table.rows.length });

  const map = mapColumns(table.header);
  const missing = missingNeededColumns(map);
  if (missing.length > 0) {
    throw new ImportFileError(
      'no_header',
      `表头缺少必需的列：${missing.join('、')}（找到的是：${table.header.filter(Boolean).slice(0, 12).join('、') || '无'}）；请下载模板对照列名`,
      { missing },
    );
  }

  const source = `表格导入 ${options.fileName.replace(/[<>]/g, '')}`.slice(0, 120);
  const rejected: ImportRowError[] = [];
  const good: Posting[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  let sliceStart = performance.now();
  let checked = 0;
  for (const { row, cells } of table.rows) {
    if (performance.now() - sliceStart > SLICE_MS) {
      progress({ checked });
      await turn();
      sliceStart = performance.now();
    }
    checked++;
    const result = rowToPosting(cells, {
      map,
      header: table.header,
      now: options.now,
      source,
      existing: (id) => store.get(id),
    });
    const key = result.ok ? result.posting.id : result.rawId;
    const first = key !== null ? seen.get(key) : undefined;
    if (key !== null && first === undefined) seen.set(key, row);
    if (first !== undefined) {
      const column = table.header[map.fields.id ?? -1] || COLUMN_NAMES.id;
      rejected.push({
        row,
        id: result.rawId,
        reasons: [
          result.rawId !== null
            ? {
                column,
                code: 'duplicate_id',
                text: 'duplicate',
                params: { column, value: result.rawId, row: first },
                message: `the same posting (id ${result.rawId}) is already in row ${first}`,
              }
            : {
                column,
                code: 'duplicate_id',
                text: 'duplicateContent',
                params: { column, row: first },
                message: `the same posting (identical content) is already in row ${first}`,
              },
          ...(result.ok ? [] : result.reasons),
        ],
      });
      continue;
    }
    if (!result.ok) rejected.push({ row, id: result.rawId, reasons: result.reasons });
    else if (!result.changed) unchanged++;
    else good.push(result.posting);
  }

  progress({ checked });
  if (!options.dryRun) {
    progress({ phase: 'writing', toWrite: good.length });
    for (let i = 0; i < good.length; i += WRITE_CHUNK) {
      if (i > 0) await turn();
      store.upsertMany(good.slice(i, i + WRITE_CHUNK));
      progress({ written: Math.min(good.length, i + WRITE_CHUNK) });
    }
  }
  return {
    report: {
      fileName: options.fileName,
      format,
      encoding,
      rows: table.rows.length,
      imported: options.dryRun ? 0 : good.length,
      unchanged,
      rejected,
      ignoredColumns: [...map.ignored, ...map.duplicates],
      dryRun: options.dryRun === true,
    },
    written: options.dryRun ? [] : good,
  };
}
