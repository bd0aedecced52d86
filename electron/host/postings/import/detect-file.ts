/**
 * What kind of file staff uploaded, from its bytes first and its name second: an XLSX is a
 * ZIP whatever it is called, and a "CSV" full of NUL bytes is not text whatever it is called.
 * CSV text is decoded as spreadsheet programs write it: UTF-8 with or without a BOM (WPS,
 * Excel's "CSV UTF-8"), UTF-16 with a BOM ("Unicode text"), or GBK/GB18030 (Excel's plain
 * "CSV" on a Chinese Windows).
 */
import iconv from 'iconv-lite';
import type { ImportReport } from '../../../../shared/staff-data-contract';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly code:
      | 'unsupported_file'
      | 'binary_file'
      | 'empty_file'
      | 'unreadable_file'
      | 'too_many_rows'
      | 'no_header'
      | 'unpacked_too_large'
      | 'import_failed',
    message: string,
  ) {
    super(message);
  }
}

const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

export function detectFormat(buf: Buffer, fileName: string): 'csv' | 'xlsx' {
  if (buf.length === 0) throw new ImportFileError('empty_file', 'detectFormat: the file is empty');
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'csv')
      throw new ImportFileError(
        'binary_file',
        `detectFormat: "${fileName}" is named .csv but is a ZIP/XLSX file; rename it to .xlsx or save it as CSV`,
      );
    return 'xlsx';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportFileError(
      'unsupported_file',
      `detectFormat: "${fileName}" is an old Excel 97–2003 (.xls) file; save it as .xlsx or CSV first`,
    );
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46]))
    throw new ImportFileError('unsupported_file', `detectFormat: "${fileName}" is a PDF, not a spreadsheet`);
  if (ext === 'xlsx')
    throw new ImportFileError(
      'unsupported_file',
      `detectFormat: "${fileName}" is named .xlsx but is not an XLSX (ZIP) file`,
    );
  if (ext !== 'csv' && ext !== 'txt' && ext !== '') {
    throw new ImportFileError(
      'unsupported_file',
      `detectFormat: "${fileName}": only .csv and .xlsx files can be imported`,
    );
  }
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (!utf16 && looksBinary(buf)) {
    throw new ImportFileError(
      'binary_file',
      `detectFormat: "${fileName}" is not a text file (it holds binary data); export the sheet as CSV or XLSX`,
    );
  }
  return 'csv';
}

/** NUL bytes or many control characters in the first 8 KB: not spreadsheet text. */
function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length * 0.01;
}

export function decodeCsv(buf: Buffer): { text: string; encoding: NonNullable<ImportReport['encoding']> } {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (startsWith(buf, [0xff, 0xfe])) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: iconv.decode(buf.subarray(2), 'utf16-be'), encoding: 'utf-16be' };
  try {
    // fatal: a GBK file is almost never valid UTF-8, so a strict decode tells them apart
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}
