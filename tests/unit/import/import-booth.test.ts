import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { migrateTo, LATEST_VERSION } from '../../../electron/host/db/migrations/index';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { importPostings } from '../../../electron/host/postings/import/import-postings';
import { TEMPLATE_HEADER, mapColumns, templateRows } from '../../../electron/host/postings/import/import-columns';
import { HEADER, sheetRows, utf8Csv, xlsx } from '../../fixtures/import/import-sheets';
import zh from '../../../renderer/common/locales/zh-CN.json';

const NOW = Date.parse('2025-06-02T09:30:00+08:00');

function freshStore(): PostingStore {
  const db = new BetterSqlite3(':memory:') as WritableDatabase;
  migrateTo(db, LATEST_VERSION);
  return createPostingStore(db);
}

/** The fixture's three good rows (SR-1, SR-2, SR-3) with a booth column named `column`. */
function withBooths(column: string, booths: readonly string[]): string[][] {
  const [, ...rows] = sheetRows(NOW);
  return [[...HEADER, column], ...rows.slice(0, booths.length).map((r, i) => [...r, booths[i]!])];
}

describe('import column 展位', () => {
  it('is in the downloadable template, with an example booth', () => {
    const i = TEMPLATE_HEADER.indexOf('展位');
    expect(i).toBeGreaterThan(-1);
    expect(templateRows(NOW)[0]![i]).toBe('A12');
    expect(mapColumns(TEMPLATE_HEADER).fields.booth).toBe(i);
  });

  it.each(['展位', '展位号', '摊位', 'booth', '展位（今日）'])('recognises the header %s', (h) => {
    expect(mapColumns([...HEADER, h]).fields.booth).toBe(HEADER.length);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`stores good booths from ${format}, folds full-width and lower case, and leaves a blank cell without a booth`, async () => {
      const store = freshStore();
      const rows = withBooths('展位', ['A12', ' ｂ－０３ ', '']);
      const buf = format === 'csv' ? utf8Csv(rows) : await xlsx(rows);
      const { report } = await importPostings(store, buf, { fileName: `booths.${format}`, now: NOW });
      expect(report.rejected).toEqual([]);
      expect(report.imported).toBe(3);
      expect(store.get('imp-SR-1')?.booth).toBe('A12');
      expect(store.get('imp-SR-2')?.booth).toBe('B-03');
      expect(store.get('imp-SR-3')).toBeDefined();
      expect(store.get('imp-SR-3')).not.toHaveProperty('booth');
    });
  }

  it('refuses a bad booth with the row number and a code the console shows in Chinese', async () => {
    const store = freshStore();
    const rows = withBooths('摊位', ['A12', 'A12号', 'ABCDEFGHJ']);
    const { report } = await importPostings(store, utf8Csv(rows), { fileName: 'bad.csv', now: NOW });
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((x) => [x.column, x.code])])).toEqual([
      [3, 'SR-2', [['摊位', 'bad_booth']]],
      [4, 'SR-3', [['摊位', 'bad_booth']]],
    ]);
    expect(report.rejected[0]!.reasons[0]!.message).toContain('A12号');
    expect(report.rejected[0]!.reasons[0]).toMatchObject({ text: 'badBooth', params: { value: 'A12号' } });
    expect(zh.importError.badBooth).toMatch(/展位/);
    expect(store.get('imp-SR-2')).toBeUndefined();
  });

  it('moves a posting to its new booth on the next import and changes nothing when the booth is the same', async () => {
    const store = freshStore();
    await importPostings(store, utf8Csv(withBooths('展位', ['A12'])), { fileName: 'day1.csv', now: NOW });
    const again = await importPostings(store, utf8Csv(withBooths('展位', ['A12'])), {
      fileName: 'day1.csv',
      now: NOW + 1000,
    });
    expect(again.report).toMatchObject({ imported: 0, unchanged: 1 });
    const moved = await importPostings(store, utf8Csv(withBooths('展位', ['C7'])), {
      fileName: 'day2.csv',
      now: NOW + 2000,
    });
    expect(moved.report).toMatchObject({ imported: 1, unchanged: 0 });
    expect(store.get('imp-SR-1')).toMatchObject({ booth: 'C7', revision: 2 });
    const cleared = await importPostings(store, utf8Csv(withBooths('展位', [''])), {
      fileName: 'day3.csv',
      now: NOW + 3000,
    });
    expect(cleared.report).toMatchObject({ imported: 1, unchanged: 0 });
    expect(store.get('imp-SR-1')).not.toHaveProperty('booth');
  });
});
