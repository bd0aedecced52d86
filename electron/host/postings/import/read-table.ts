/**
 * A spreadsheet as rows of cells, whatever the file format: papaparse for CSV, exceljs for
 * XLSX (first worksheet). Row numbers are the ones the spreadsheet program shows (header = 1),
 * so the error report points staff at the right line.
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { ImportFileError } from './detect-file';

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

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function toTable(all: Cell[][], rowNumbers: number[], what: string): Table {
  const first = all.findIndex((r) => !isBlank(r));
  if (first < 0) throw new ImportFileError('no_header', `${what}: the sheet has no header row (it is empty)`);
  const header = all[first]!.slice(0, MAX_COLUMNS).map((c) => (c === null ? '' : String(c).trim()));
  const rows: TableRow[] = [];
  for (let i = first + 1; i < all.length; i++) {
    const cells = all[i]!;
    if (isBlank(cells)) continue;
    rows.push({ row: rowNumbers[i]!, cells: cells.slice(0, MAX_COLUMNS) });
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ImportFileError('too_many_rows', `${what}: more than ${MAX_IMPORT_ROWS} rows; split the file`);
    }
  }
  return { header, rows };
}

export function readCsv(text: string): Table {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: '' });
  const rows = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  return toTable(rows, rows.map((_, i) => i + 1), 'readCsv');
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

export async function readXlsx(buf: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError('unreadable_file', `readXlsx: the XLSX file could not be read (${(error as Error).message.slice(0, 120)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('no_header', 'readXlsx: the workbook has no worksheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 50) throw new ImportFileError('too_many_rows', `readXlsx: more than ${MAX_IMPORT_ROWS} rows; split the file`);
  const all: Cell[][] = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const count = Math.min(MAX_COLUMNS, row.cellCount);
    for (let c = 1; c <= count; c++) cells.push(cellValue(row.getCell(c).value));
    all.push(cells);
    numbers.push(rowNumber);
  });
  return toTable(all, numbers, 'readXlsx');
}
