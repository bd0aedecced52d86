/**
 * Files as office suites write them. Read: CSV in UTF-8 with a BOM, XLSX with shared strings,
 * phones stored as numbers and dates as serials, UTF-16 text (Excel's and LibreOffice's
 * "Unicode 文本"). Refused by name with a Chinese sentence that says what to do: LibreOffice's
 * native .ods (also under another name), an old Excel .xls, a WPS .et, a PDF, a Word document.
 * The .ods and .xls are real files (tests/fixtures/import/README.md says how they were made).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPostings } from '../../../electron/host/postings/import/import-postings';
import { ImportFileError } from '../../../electron/host/postings/import/detect-file';
import { TEMPLATE_HEADER } from '../../../electron/host/postings/import/import-columns';
import { inflatePart, zipEntries } from '../../../electron/host/postings/import/xlsx-guard';
import zh from '../../../renderer/common/locales/zh-CN.json';
import en from '../../../renderer/common/locales/en.json';
import { utf16Text, utf8Csv } from '../../fixtures/import/import-sheets';
import { templateRow } from '../../fixtures/import/template-row';
import { zipOf } from '../../fixtures/import/xlsx-bomb';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');
const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);
const store = () => ({ get: () => undefined, upsertMany: () => ({ applied: 0, skipped: 0 }) });
const rows = () => [[...TEMPLATE_HEADER], templateRow(NOW), templateRow(NOW, { id: 'SR-0002', title: '理货员' })];

async function refusal(buf: Buffer, name: string): Promise<ImportFileError> {
  const error = await importPostings(store(), buf, { fileName: name, now: NOW }).catch((e: unknown) => e);
  expect(error, name).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

/** A sentence staff can act on: Chinese, naming the file, no function name or English words. */
function expectActionable(e: ImportFileError, name: string) {
  expect(e.message).toContain(name);
  expect(e.message).toMatch(/请/);
  expect(e.message).not.toMatch(/^\w+:/);
  const words = e.message
    .replace(name, '')
    .replace(/\.[a-z]+/g, '')
    .replace(/LibreOffice|WPS|Excel|Word|PDF|XLSX|CSV/g, '');
  expect(words, e.message).not.toMatch(/[A-Za-z]{2,}/);
}

describe('files from office suites', () => {
  it('reads a CSV in UTF-8 with a BOM', async () => {
    const { report } = await importPostings(store(), utf8Csv(rows(), true), { fileName: '岗位.csv', now: NOW });
    expect(report).toMatchObject({ encoding: 'utf-8-bom', rows: 2, rejected: [] });
  });

  it('reads UTF-16 tab-separated text (Unicode 文本)', async () => {
    const { report } = await importPostings(store(), utf16Text(rows(), 'le'), { fileName: '岗位.txt', now: NOW });
    expect(report).toMatchObject({ encoding: 'utf-16le', rows: 2, rejected: [] });
  });

  it('reads an XLSX with shared strings, phones as numbers and dates as serials', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位');
    const [header, ...data] = rows();
    sheet.addRow(header);
    for (const r of data)
      sheet.addRow(
        r.map((cell, c) => {
          const name = header![c];
          if (name === '联系电话' && /^1\d{10}$/.test(cell)) return Number(cell);
          if (name === '开始日期' || name === '截止日期') return new Date(`${cell}T00:00:00Z`);
          if (name === '最低薪资' || name === '人数') return Number(cell);
          return cell;
        }),
      );
    const buf = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true }));
    const parts = zipEntries(buf);
    expect(parts.map((e) => e.name)).toContain('xl/sharedStrings.xml');
    const sheetXml = inflatePart(
      buf,
      parts.find((e) => e.name === 'xl/worksheets/sheet1.xml')!,
    ).toString('utf8');
    expect(sheetXml).toContain('<v>13812348000</v>'); // the phone is a number cell
    const written: unknown[] = [];
    const { report } = await importPostings(
      { get: () => undefined, upsertMany: (p) => (written.push(...p), { applied: p.length, skipped: 0 }) },
      buf,
      { fileName: '岗位.xlsx', now: NOW },
    );
    expect(report).toMatchObject({ format: 'xlsx', rows: 2, imported: 2, rejected: [] });
    expect(written[0]).toMatchObject({
      contactPhone: '13812348000',
      validFrom: `${templateRow(NOW)[20]}T00:00:00+08:00`,
      validUntil: `${templateRow(NOW)[21]}T23:59:59+08:00`,
    });
  });

  it.each([
    ['postings-libreoffice.ods', '岗位.ods', 'ods_file'],
    ['postings-libreoffice.ods', '岗位.xlsx', 'ods_file'],
    ['postings-mimetype-last.ods', '岗位.ods', 'ods_file'],
    ['postings-mimetype-last.ods', '岗位（另存）.xlsx', 'ods_file'],
    ['postings-excel97.xls', '岗位.xls', 'xls_file'],
    ['postings-excel97.xls', '岗位.xlsx', 'xls_file'],
    ['postings-excel97.xls', '岗位.et', 'et_file'],
  ])('refuses %s uploaded as %s by name (%s), in a sentence that says what to do', async (file, name, code) => {
    const e = await refusal(fixture(file), name);
    expect(e.code).toBe(code);
    expectActionable(e, name);
  });

  it('refuses a PDF, a Word document, and a workbook renamed .csv by what they are', async () => {
    const docx = await zipOf([
      { name: '[Content_Types].xml', text: '<Types/>' },
      { name: 'word/document.xml', text: '<w:document/>' },
    ]);
    const cases: Array<[Buffer, string, string]> = [
      [Buffer.from('%PDF-1.7\n%…'), '岗位.pdf', 'pdf_file'],
      [docx, '岗位.xlsx', 'no_worksheet'],
      [fixture('postings-mimetype-last.ods').subarray(0), '岗位.csv', 'zip_named_csv'],
    ];
    for (const [buf, name, code] of cases) {
      const e = await refusal(buf, name);
      expect(e.code, name).toBe(code);
      expectActionable(e, name);
    }
  });

  it('has a console text in both languages for every refusal code, Chinese first', () => {
    const codes: ImportFileError['code'][] = [
      'unsupported_file',
      'ods_file',
      'xls_file',
      'et_file',
      'pdf_file',
      'zip_named_csv',
      'not_xlsx',
      'no_worksheet',
      'binary_file',
      'empty_file',
      'unreadable_file',
      'too_many_rows',
      'no_header',
      'unpacked_too_large',
      'import_failed',
    ];
    const zhErrors = zh.staff.import.errors as Record<string, string>;
    const enErrors = en.staff.import.errors as Record<string, string>;
    for (const code of codes) {
      expect(zhErrors[code], code).toMatch(/\p{Script=Han}/u);
      expect(enErrors[code], code).toBeTypeOf('string');
      expect(
        zhErrors[code]!.replace(/\{\{\w+\}\}/g, '')
          .replace(/\.[a-z]+/g, '')
          .replace(/LibreOffice|WPS|Excel|Word|PDF|XLSX|CSV|MB|Unicode/g, ''),
        code,
      ).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
