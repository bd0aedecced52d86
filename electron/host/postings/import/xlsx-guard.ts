/**
 * An XLSX is a ZIP, and a ZIP can be a bomb: a 1.4 MB file can inflate to gigabytes of sheet
 * XML declaring ten million rows. Before any row is read this checks, from the bytes:
 *
 * - the first sheet's declared size (`<dimension ref="A1:O10000000"/>`, from the first KB of
 *   its XML): more rows than an import takes is refused at once;
 * - the ZIP's central directory: at most MAX_ENTRIES parts, each and all together at most the
 *   declared unpacked sizes below, no part inflating more than MAX_RATIO times;
 * - the parts themselves, inflated with a hard output cap (a directory can lie about sizes,
 *   zlib's maxOutputLength cannot be lied to).
 *
 * Every refusal is an ImportFileError whose message says in Chinese and English what to do.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { ImportFileError, odsRefusal } from './detect-file';

export const MAX_ENTRIES = 500;
/** A 20,000-row sheet of postings is about 15 MB of XML; shared strings about as much. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 160 * 1024 * 1024;
/** Sheet XML compresses 10–30 times; a thousand times is a bomb. */
export const MAX_RATIO = 1000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function unreadable(detail: string): ImportFileError {
  return new ImportFileError(
    'unreadable_file',
    `XLSX 文件无法读取，可能已损坏；请用 Excel/WPS 打开后重新另存为 .xlsx 再导入（${detail}）`,
  );
}

function tooBig(detail: string): ImportFileError {
  return new ImportFileError(
    'unpacked_too_large',
    `表格解压后太大，可能是异常文件；请拆分成几个小表格，或另存为 .csv 再导入（${detail}）`,
  );
}

/** The central directory of a ZIP held in memory. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  // the end record is in the last 64 KB + 22 bytes (its comment is at most 65,535 bytes)
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no ZIP directory');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw unreadable('ZIP64 is not used by spreadsheet programs');
  if (count > MAX_ENTRIES) throw tooBig(`${count} parts, at most ${MAX_ENTRIES}`);
  if (offset + size > eocd) throw unreadable('directory out of range');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw unreadable('broken directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The directory's declared sizes, before anything is inflated. */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > MAX_PART_BYTES) throw tooBig(`${e.name}: ${Math.round(e.uncompressedSize / 1048576)} MB`);
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > MAX_RATIO)
      throw tooBig(`${e.name} inflates ${Math.round(e.uncompressedSize / e.compressedSize)} times`);
    total += e.uncompressedSize;
  }
  if (total > MAX_TOTAL_BYTES) throw tooBig(`${Math.round(total / 1048576)} MB in all`);
}

/** One part's bytes, inflated with a hard cap whatever the directory says. */
export function inflatePart(buf: Buffer, e: ZipEntry, cap = MAX_PART_BYTES): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw unreadable(`${e.name}: broken part header`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > cap) throw tooBig(e.name);
    return data;
  }
  if (e.method !== 8) throw unreadable(`${e.name}: compression method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw tooBig(`${e.name}: more than ${Math.round(cap / 1048576)} MB`);
    throw unreadable(`${e.name}: ${(error as Error).message.slice(0, 80)}`);
  }
}

/** The first few KB of a part's XML (its `<dimension>` is near the start), without inflating the rest. */
export function partHead(buf: Buffer, e: ZipEntry, bytes = 4096): string {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw unreadable(`${e.name}: broken part header`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + Math.min(e.compressedSize, 16 * 1024));
  if (e.method === 0) return data.subarray(0, bytes).toString('utf8');
  try {
    // a prefix of the stream, flushed rather than finished: no error for the missing end
    return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 * 1024 })
      .subarray(0, bytes)
      .toString('utf8');
  } catch (error) {
    throw unreadable(`${e.name}: ${(error as Error).message.slice(0, 80)}`);
  }
}

/** Rows the sheet says it has (from `<dimension ref="A1:O123"/>`), or null when it does not say. */
export function declaredRows(sheetXml: string): number | null {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]{1,3}\d+(?::[A-Z]{1,3}(\d+))?"/.exec(sheetXml.slice(0, 4096));
  if (!m) return null;
  return m[1] === undefined ? 1 : Number(m[1]);
}

/** The first worksheet's part name, as the workbook's relationships name it (usually xl/worksheets/sheet1.xml). */
function firstSheet(entries: readonly ZipEntry[]): ZipEntry | undefined {
  return entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name)![0]) - Number(/\d+/.exec(b.name)![0]))[0];
}

/**
 * A ZIP with no Excel worksheet in it: an OpenDocument spreadsheet under another name (its
 * `mimetype` part says so), a Word document, or something else; each refused by what it is.
 */
function noWorksheet(entries: readonly ZipEntry[], fileName: string): ImportFileError {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) return odsRefusal(fileName);
  return new ImportFileError(
    'no_worksheet',
    names.has('word/document.xml')
      ? `“${fileName}”是 Word 文档，不是表格；请把岗位填进 Excel/WPS 表格（可下载模板）再导入`
      : `“${fileName}”里没有 Excel 工作表；请在 Excel/WPS 里打开它并另存为 .xlsx 或 .csv 再导入`,
  );
}

/**
 * Checks a whole XLSX before it is parsed: directory, real unpacked sizes, and the first
 * sheet's declared rows (at most `maxRows` + the header).
 */
export function guardXlsx(buf: Buffer, maxRows: number, fileName = '表格'): void {
  const entries = zipEntries(buf);
  const sheet = firstSheet(entries);
  if (!sheet) throw noWorksheet(entries, fileName);
  // what the sheet says about itself first: the clearest message for staff
  const rows = declaredRows(partHead(buf, sheet));
  if (rows !== null && rows > maxRows + 1) {
    throw new ImportFileError(
      'too_many_rows',
      `表格有 ${rows} 行，超过一次最多 ${maxRows} 行的上限；请拆分成几个表格再导入`,
    );
  }
  checkDeclaredSizes(entries);
  let total = 0;
  for (const e of entries) {
    total += inflatePart(buf, e, Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - total + 1)).length;
    if (total > MAX_TOTAL_BYTES) throw tooBig(`${Math.round(total / 1048576)} MB in all`);
  }
}
