import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { migrateTo, LATEST_VERSION } from '../../../electron/host/db/migrations/index';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { importPostings } from '../../../electron/host/postings/import/import-postings';
import { ImportFileError } from '../../../electron/host/postings/import/detect-file';
import { BAD_ROWS, GOOD_IDS, gbkCsv, sheetRows, utf16Text, utf8Csv, xlsx } from '../../fixtures/import/import-sheets';

const NOW = Date.parse('2025-06-02T09:30:00+08:00');

function freshStore(): PostingStore {
  const db = new BetterSqlite3(':memory:') as WritableDatabase;
  migrateTo(db, LATEST_VERSION);
  return createPostingStore(db);
}

const FILES = {
  'UTF-8 CSV': { name: '岗位.csv', make: async () => utf8Csv(sheetRows(NOW)), encoding: 'utf-8' },
  'UTF-8 CSV with BOM (WPS, Excel "CSV UTF-8")': {
    name: 'jobs.csv',
    make: async () => utf8Csv(sheetRows(NOW), true),
    encoding: 'utf-8-bom',
  },
  'GBK CSV (Excel on Chinese Windows)': {
    name: '岗位-gbk.csv',
    make: async () => gbkCsv(sheetRows(NOW)),
    encoding: 'gb18030',
  },
  'UTF-16LE tab-separated text (Excel "Unicode text")': {
    name: '岗位.txt',
    make: async () => utf16Text(sheetRows(NOW), 'le'),
    encoding: 'utf-16le',
  },
  'UTF-16BE tab-separated text': {
    name: '岗位-be.txt',
    make: async () => utf16Text(sheetRows(NOW), 'be'),
    encoding: 'utf-16be',
  },
  XLSX: { name: '岗位.xlsx', make: async () => xlsx(sheetRows(NOW)), encoding: null },
} as const;

describe('importPostings', () => {
  for (const [label, file] of Object.entries(FILES)) {
    it(`imports the good rows of a ${label}, reports each bad row by number and reason, and changes nothing the second time`, async () => {
      const store = freshStore();
      const buf = await file.make();
      const first = await importPostings(store, buf, { fileName: file.name, now: NOW });
      expect(first.report).toMatchObject({
        rows: 9,
        imported: 4,
        unchanged: 0,
        encoding: file.encoding,
        format: file.name.endsWith('xlsx') ? 'xlsx' : 'csv',
      });
      expect(first.report.rejected.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
      for (const r of first.report.rejected) {
        expect(
          r.reasons.map((x) => x.code),
          `row ${r.row}`,
        ).toContain(BAD_ROWS[r.row]);
        expect(r.reasons.every((x) => x.message.length > 5 && x.column.length > 0)).toBe(true);
      }
      expect(store.count()).toBe(4);
      for (const id of GOOD_IDS) expect(store.get(`imp-${id}`), id).toBeDefined();
      // a bad row is never written in part: not its id, not its good cells
      for (const id of ['SR-4', 'SR-5', 'SR-6', 'SR-7']) expect(store.get(`imp-${id}`)).toBeUndefined();
      // the duplicate row 9 did not overwrite row 2's posting
      expect(store.get('imp-SR-1')).toMatchObject({
        title: '叉车司机',
        payMin: 200,
        payMax: 260,
        payUnit: 'day',
        settlement: 'daily',
        headcount: 3,
        districtCode: '361102',
        revision: 1,
      });
      expect(store.get('imp-SR-2')).toMatchObject({
        payMin: 120,
        payMax: 200,
        payUnit: 'lesson',
        employerKind: 'individual-business',
        urgent: true,
        districtCode: '361103',
        contactPhone: '0793-8221234',
      });
      expect(store.get('imp-SR-9')).toMatchObject({ districtCode: '361130', occupation: 'farming' });
      expect(store.get('imp-SR-1')!.validUntil).toMatch(/T23:59:59\+08:00$/);

      const before = store.getDataUpdatedAt();
      const second = await importPostings(store, buf, { fileName: file.name, now: NOW + 60_000 });
      expect(second.report).toMatchObject({ imported: 0, unchanged: 4 });
      expect(second.report.rejected.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
      expect(store.get('imp-SR-1')!.revision).toBe(1);
      expect(store.getDataUpdatedAt()).toBe(before);
    });
  }

  it('gives an edited row a new revision, and a row without an id the same id on every import', async () => {
    const store = freshStore();
    const rows = sheetRows(NOW);
    await importPostings(store, utf8Csv(rows), { fileName: 'a.csv', now: NOW });
    rows[1]![5] = '210-260';
    const noId = rows.map((r) => r.slice(1));
    const edited = await importPostings(store, utf8Csv(rows), { fileName: 'a.csv', now: NOW + 1000 });
    expect(edited.report).toMatchObject({ imported: 1, unchanged: 3 });
    expect(store.get('imp-SR-1')).toMatchObject({ payMin: 210, revision: 2 });
    const a = await importPostings(store, utf8Csv(noId), { fileName: 'no-id.csv', now: NOW });
    const b = await importPostings(store, utf8Csv(noId), { fileName: 'no-id.csv', now: NOW + 5000 });
    // without ids, row 9 (a night-shift forklift job) is no duplicate of row 2: five good rows
    expect(a.report.imported).toBe(5);
    expect(b.report).toMatchObject({ imported: 0, unchanged: a.report.imported });
  });

  it('writes nothing on a dry run but reports the same rows', async () => {
    const store = freshStore();
    const { report } = await importPostings(store, utf8Csv(sheetRows(NOW)), {
      fileName: 'a.csv',
      now: NOW,
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, imported: 0 });
    expect(report.rejected).toHaveLength(5);
    expect(store.count()).toBe(0);
  });

  it.each([
    ['a binary file named .csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x41, 0x42]), 'x.csv', 'binary_file'],
    ['an XLSX renamed to .csv', Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1'), 'x.csv', 'zip_named_csv'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.xls', 'xls_file'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'x.pdf', 'pdf_file'],
    ['a text file named .xlsx', Buffer.from('编号,岗位\n1,2\n'), 'x.xlsx', 'not_xlsx'],
    ['an empty file', Buffer.alloc(0), 'x.csv', 'empty_file'],
    ['a broken XLSX', Buffer.from('PK\u0003\u0004garbage', 'latin1'), 'x.xlsx', 'unreadable_file'],
    ['a CSV without the needed columns', Buffer.from('name,age\nA,1\n'), 'x.csv', 'no_header'],
  ])('refuses %s with a clear error and writes nothing', async (_label, buf, name, code) => {
    const store = freshStore();
    const error = await importPostings(store, buf, { fileName: name, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(code);
    expect((error as Error).message.length).toBeGreaterThan(20);
    expect(store.count()).toBe(0);
  });
});
