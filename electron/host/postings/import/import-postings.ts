/**
 * A spreadsheet of postings into the hall: detect the file, read its rows, turn each into a
 * posting or a list of reasons, then write every good row in ONE transaction. A bad row is
 * reported with its spreadsheet row number and never written in part; the good rows go in.
 * Importing the same file again changes nothing: ids come from the 编号 column (or from the
 * row's content), and a row equal to the stored posting is counted as unchanged.
 */
import type { ImportReport, ImportRowError } from '../../../../shared/staff-data-contract';
import type { Listing } from '../../../../shared/schemas/listing';
import type { ListingStore } from '../../db/listing-store';
import { decodeCsv, detectFormat, ImportFileError } from './detect-file';
import { mapColumns, type ImportField } from './import-columns';
import { readCsv, readXlsx, type Table } from './read-table';
import { rowToListing } from './row-to-listing';

export interface ImportOptions {
  fileName: string;
  now: number;
  dryRun?: boolean;
}

/** Columns without which no row could ever be a posting: refuse the file, not every row. */
const NEEDED: readonly ImportField[] = ['title', 'payMin', 'contactPhone', 'validUntil'];

export async function importPostings(store: Pick<ListingStore, 'get' | 'upsertMany'>, buf: Buffer, options: ImportOptions): Promise<{ report: ImportReport; written: Listing[] }> {
  const format = detectFormat(buf, options.fileName);
  let table: Table;
  let encoding: ImportReport['encoding'] = null;
  if (format === 'csv') {
    const decoded = decodeCsv(buf);
    encoding = decoded.encoding;
    table = readCsv(decoded.text);
  } else {
    table = await readXlsx(buf);
  }

  const map = mapColumns(table.header);
  const missing = NEEDED.filter((f) => map.fields[f] === undefined);
  if (missing.length > 0) {
    throw new ImportFileError('no_header', `importPostings: the header row lacks the columns ${missing.join(', ')} (found: ${table.header.filter(Boolean).slice(0, 12).join(', ') || 'nothing'}); download the template to see the expected columns`);
  }

  const source = `表格导入 ${options.fileName.replace(/[<>]/g, '')}`.slice(0, 120);
  const rejected: ImportRowError[] = [];
  const good: Listing[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const result = rowToListing(cells, { map, header: table.header, now: options.now, source, existing: (id) => store.get(id) });
    const key = result.ok ? result.listing.id : result.rawId;
    const first = key !== null ? seen.get(key) : undefined;
    if (key !== null && first === undefined) seen.set(key, row);
    if (first !== undefined) {
      const reasons = result.ok ? [] : result.reasons;
      rejected.push({
        row,
        id: result.rawId,
        reasons: [{ column: table.header[map.fields.id ?? -1] ?? 'id', code: 'duplicate_id', message: `the same posting (id ${result.rawId ?? 'from identical content'}) is already in row ${first}` }, ...reasons],
      });
      continue;
    }
    if (!result.ok) rejected.push({ row, id: result.rawId, reasons: result.reasons });
    else if (!result.changed) unchanged++;
    else good.push(result.listing);
  }

  if (!options.dryRun && good.length > 0) store.upsertMany(good);
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
