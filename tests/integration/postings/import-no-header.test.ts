/**
 * A file whose header lacks a column every posting needs is refused whole, and the refusal
 * names the missing columns from the one column table (import-columns.ts: FILE_NEEDED_FIELDS
 * by COLUMN_NAMES) — through the real host and its reading worker, and as the console words it
 * in both languages — never a list typed into a catalogue.
 */
import { describe, expect, it } from 'vitest';
import { adminHallForSuite, upload } from './postings-support';
import { COLUMN_NAMES, FILE_NEEDED_FIELDS } from '../../../electron/host/postings/import/import-columns';
import { createI18n } from '../../../renderer/common/i18n';
import { importErrorText } from '../../../renderer/staff/import-text';
import { ApiError } from '../../../renderer/common/api-error';
import zh from '../../../renderer/common/locales/zh-CN.json';
import en from '../../../renderer/common/locales/en.json';

const asApiError = (r: { status: number; json: { error: { code: string; message: string; params?: never } } }) =>
  new ApiError(r.status, r.json.error.code, r.json.error.message, null, r.json.error.params ?? null);

describe('an import file without the needed columns', () => {
  const t = adminHallForSuite();

  it('names exactly the needed columns the header lacks, by their template names', async () => {
    const r = await upload(t.hall.url, t.token, '岗位.csv', '岗位,联系电话,区县\n叉车司机,13812340001,信州区\n');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('no_header');
    expect(r.json.error.params).toEqual({ missing: [COLUMN_NAMES.payMin, COLUMN_NAMES.validUntil] });
    expect(importErrorText(createI18n('zh-CN').t, asApiError(r))).toBe(
      '表头缺少必需的列：最低薪资、截止日期。请下载表格模板，对照第一行的列名。',
    );
    expect(importErrorText(createI18n('en').t, asApiError(r))).toBe(
      'The header lacks the needed column(s) 最低薪资, 截止日期: download the template and compare its first row.',
    );
  });

  it('names every needed column for a sheet with no header row at all', async () => {
    const r = await upload(t.hall.url, t.token, '空表.csv', ',,\n,,\n');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('no_header');
    expect(r.json.error.params).toEqual({ missing: FILE_NEEDED_FIELDS.map((f) => COLUMN_NAMES[f]) });
  });

  it('keeps no column name in the console’s sentence itself: the host fills them in', () => {
    for (const text of [zh.staff.import.errors.no_header, en.staff.import.errors.no_header]) {
      expect(text).toContain('{{missing}}');
      for (const name of Object.values(COLUMN_NAMES)) expect(text).not.toContain(name);
    }
  });
});
