/**
 * What kind of file staff uploaded, from its bytes first and its name second: an XLSX is a
 * ZIP whatever it is called, and a "CSV" full of NUL bytes is not text whatever it is called.
 * CSV text is decoded as spreadsheet programs write it: UTF-8 with or without a BOM (WPS,
 * Excel's "CSV UTF-8"), UTF-16 with a BOM ("Unicode text"), or GBK/GB18030 (Excel's plain
 * "CSV" on a Chinese Windows).
 */
import iconv from 'iconv-lite';
import type { ImportReport } from '../../../../shared/staff-data-contract';
import type { ImportMessageParam } from '../../../../shared/import-messages';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly code:
      | 'unsupported_file'
      | 'ods_file'
      | 'xls_file'
      | 'et_file'
      | 'pdf_file'
      | 'zip_named_csv'
      | 'not_xlsx'
      | 'no_worksheet'
      | 'binary_file'
      | 'empty_file'
      | 'unreadable_file'
      | 'too_many_rows'
      | 'no_header'
      | 'unpacked_too_large'
      | 'import_failed',
    message: string,
    /** What the console's sentence for the code fills in (`no_header`: the missing columns). */
    readonly params?: Readonly<Record<string, ImportMessageParam>>,
  ) {
    super(message);
  }
}

const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * An OpenDocument spreadsheet (LibreOffice, WPS on domestic Linux desktops): a ZIP whose first
 * entry, stored uncompressed, is `mimetype` with the ODS media type.
 */
function isOds(buf: Buffer): boolean {
  const head = buf.subarray(0, 200).toString('latin1');
  return head.startsWith('mimetype', 30) && head.includes('application/vnd.oasis.opendocument.spreadsheet');
}

export function odsRefusal(fileName: string): ImportFileError {
  return new ImportFileError(
    'ods_file',
    `“${fileName}”是 LibreOffice/WPS 的 .ods 文件，请在 LibreOffice 或 WPS 里“另存为” .xlsx 或 .csv 再导入`,
  );
}

/**
 * The file's format, or a refusal staff can act on: a Chinese sentence that names the file's
 * kind and says how to save it instead (the console shows the code's text; the message is the
 * same sentence for other callers). No reader of .ods or .xls is bundled: the one npm package
 * that reads both (SheetJS `xlsx`) is no longer published to the registry with its fixes.
 */
export function detectFormat(buf: Buffer, fileName: string): 'csv' | 'xlsx' {
  if (buf.length === 0)
    throw new ImportFileError('empty_file', `“${fileName}”是空文件，没有内容可导入；请选择填好岗位的表格`);
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (isOds(buf) || ext === 'ods') throw odsRefusal(fileName);
    if (ext === 'csv' || ext === 'txt')
      throw new ImportFileError(
        'zip_named_csv',
        `“${fileName}”的扩展名是 .${ext}，内容却是 Excel 表格（.xlsx）；请把扩展名改为 .xlsx，或在 Excel/WPS 里另存为 CSV`,
      );
    return 'xlsx';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    if (ext === 'et')
      throw new ImportFileError(
        'et_file',
        `“${fileName}”是 WPS 表格的 .et 文件，请在 WPS 里“另存为” .xlsx 或 .csv 再导入`,
      );
    throw new ImportFileError(
      'xls_file',
      `“${fileName}”是旧版 Excel 97–2003（.xls）文件，请在 Excel 或 WPS 里“另存为” .xlsx 再导入`,
    );
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46]))
    throw new ImportFileError(
      'pdf_file',
      `“${fileName}”是 PDF 文件，不是表格；请导入原来的 Excel/WPS 表格（.xlsx 或 .csv）`,
    );
  if (ext === 'xlsx')
    throw new ImportFileError(
      'not_xlsx',
      `“${fileName}”的扩展名是 .xlsx，内容却不是 Excel 表格；请在 Excel/WPS 里重新打开并另存为 .xlsx 或 .csv`,
    );
  if (ext !== 'csv' && ext !== 'txt' && ext !== '') {
    throw new ImportFileError(
      'unsupported_file',
      `“${fileName}”不是可导入的表格：只能导入 .xlsx、.csv 或 .txt（Unicode 文本）文件，请在 Excel/WPS 里另存为其中一种`,
    );
  }
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (!utf16 && looksBinary(buf)) {
    throw new ImportFileError(
      'binary_file',
      `“${fileName}”不是文本表格（里面是二进制数据）；请在 Excel/WPS 里另存为 .csv 或 .xlsx 再导入`,
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
