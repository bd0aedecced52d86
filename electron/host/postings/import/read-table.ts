/**
 * A spreadsheet as rows of cells, whatever the file format: papaparse for CSV, exceljs for
 * XLSX (first worksheet). Row numbers are the ones the spreadsheet program shows (header = 1),
 * so the error report points staff at the right line.
 */
import Papa from 'papaparse';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from './detect-file';
import { missingNeededColumns } from './import-columns';
import { guardXlsx } from './xlsx-guard';

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  row: number;
  cells: Cell[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export const MAX_IMPORT_ROWS = 20_000;
const MAX_COLUMNS = 80;
/** How often an XLSX read says how far it has got (rows). */
const READ_REPORT_EVERY = 500;

export const isBlank = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function toTable(all: Cell[][], rowNumbers: number[], what: string): Table {
  const first = all.findIndex((r) => !isBlank(r));
  if (first < 0)
    throw new ImportFileError('no_header', `${what}是空的，没有表头行；请在第一行填上列名（可下载模板对照）`, {
      missing: missingNeededColumns(null),
    });
  const header = all[first]!.slice(0, MAX_COLUMNS).map((c) => (c === null ? '' : String(c).trim()));
  const rows: TableRow[] = [];
  for (let i = first + 1; i < all.length; i++) {
    const cells = all[i]!;
    if (isBlank(cells)) continue;
    rows.push({ row: rowNumbers[i]!, cells: cells.slice(0, MAX_COLUMNS) });
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ImportFileError('too_many_rows', `${what}超过 ${MAX_IMPORT_ROWS} 行，请拆分成几个表格再导入`);
    }
  }
  return { header, rows };
}

export function readCsv(text: string): Table {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: '' });
  const rows = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  return toTable(
    rows,
    rows.map((_, i) => i + 1),
    '表格',
  );
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v);
}

/**
 * The first worksheet, read with exceljs's streaming reader after xlsx-guard.ts has checked the
 * file: rows arrive one at a time (no whole workbook in memory), and reading stops at the
 * row limit.
 */
export async function readXlsx(buf: Buffer, fileName?: string, onRead?: (rows: number) => void): Promise<Table> {
  guardXlsx(buf, MAX_IMPORT_ROWS, fileName);
  // styles are read (cached) because they say which numbers are dates
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const all: Cell[][] = [];
  const numbers: number[] = [];
  let data = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: Cell[] = [];
        const count = Math.min(MAX_COLUMNS, Math.max(0, values.length - 1));
        for (let c = 1; c <= count; c++) cells.push(cellValue(values[c] as ExcelJS.CellValue));
        all.push(cells);
        numbers.push(row.number);
        if (all.length % READ_REPORT_EVERY === 0) onRead?.(all.length);
        if (!isBlank(cells) && ++data > MAX_IMPORT_ROWS + 1) {
          throw new ImportFileError('too_many_rows', `表格超过 ${MAX_IMPORT_ROWS} 行，请拆分成几个表格再导入`);
        }
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'unreadable_file',
      `XLSX 文件无法读取，可能已损坏；请用 Excel/WPS 打开后重新另存为 .xlsx 再导入（${(error as Error).message.slice(0, 120)}）`,
    );
  }
  if (all.length === 0 && numbers.length === 0)
    throw new ImportFileError('no_worksheet', '表格里没有工作表；请在 Excel/WPS 里打开它并另存为 .xlsx 或 .csv 再导入');
  return toTable(all, numbers, '表格');
}
