/**
 * Every problem an import can report is a message staff read in their language: an i18n key
 * with parameters, present in both catalogues, and in zh-CN without an English word. The test
 * walks the row reader (every column × every kind of bad cell) and the whole-posting schema
 * (every field × every kind of wrong value) and renders each problem as the console does.
 */
import { describe, expect, it } from 'vitest';
import { PostingSchema } from '../../../shared/schemas/posting';
import { IMPORT_MESSAGES, importMessageKey } from '../../../shared/import-messages';
import type { ImportProblem } from '../../../shared/staff-data-contract';
import { IMPORT_FIELDS, TEMPLATE_HEADER, templateRows } from '../../../electron/host/postings/import/import-columns';
import { fieldOfPath } from '../../../electron/host/postings/import/row-to-posting';
import { issueProblem } from '../../../electron/host/postings/import/issue-problem';
import { importPostings } from '../../../electron/host/postings/import/import-postings';
import { createI18n } from '../../../renderer/common/i18n';
import { problemText } from '../../../renderer/staff/import-text';
import zh from '../../../renderer/common/locales/zh-CN.json';
import en from '../../../renderer/common/locales/en.json';
import { makePosting } from '../db/fixtures';
import { utf8Csv } from '../../fixtures/import/import-sheets';
import { readRow, templateRow } from '../../fixtures/import/template-row';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');
const zhT = createI18n('zh-CN').t;
const enT = createI18n('en').t;

/** Bad cells of every kind a spreadsheet brings (each bounded: at most 2,100 characters). */
const BAD_CELLS = [
  '',
  '个体',
  'x'.repeat(2100),
  '<b>急</b>',
  '-1',
  '0',
  '9999999',
  '1.5',
  'abc',
  '2026-02-30',
  '2020-01-01',
  '火星区',
  '鼓楼区',
  '999999',
  '12345',
  'A12号',
  '中 文',
];

function rowProblems(cells: string[]): ImportProblem[] {
  const result = readRow(cells, NOW);
  return result.ok ? [] : result.reasons;
}

/** Asserts the problem renders in both languages, and in Chinese with no English left. */
function expectReadable(p: ImportProblem, where: string) {
  const key = importMessageKey(p.text);
  expect((zh.importError as Record<string, string>)[p.text], `${where}: zh-CN has ${key}`).toBeTypeOf('string');
  expect((en.importError as Record<string, string>)[p.text], `${where}: en has ${key}`).toBeTypeOf('string');
  const zhText = problemText(zhT, p);
  const enText = problemText(enT, p);
  expect(zhText).not.toContain('importError');
  expect(zhText).not.toContain('{{');
  expect(enText).not.toContain('{{');
  // what staff typed and the file's own header may be anything: take them out, then no English
  let rest = zhText;
  for (const v of Object.values(p.params))
    for (const s of [v].flat()) if (String(s)) rest = rest.split(String(s)).join('');
  expect(rest, `${where}: "${zhText}"`).not.toMatch(/[A-Za-z]{2,}/);
  expect(rest).toMatch(/\p{Script=Han}/u);
}

describe('import messages', () => {
  it('has every message in both catalogues, the Chinese one without English words', () => {
    for (const m of IMPORT_MESSAGES) {
      const z = (zh.importError as Record<string, string>)[m];
      expect(z, m).toBeTypeOf('string');
      expect((en.importError as Record<string, string>)[m], m).toBeTypeOf('string');
      expect(z!.replace(/\{\{\w+\}\}/g, ''), m).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('says what 雇主类型 accepts and what was typed, in Chinese', () => {
    const [p] = rowProblems(templateRow(NOW, { employerKind: '合伙' }));
    expect(problemText(zhT, p!)).toBe('雇主类型只能是：企业、个体户、个人（您填的是“合伙”）');
    expect(problemText(enT, p!)).toBe('雇主类型 must be one of: 企业, 个体户, 个人 (you entered "合伙")');
  });

  it('walks every column × every kind of bad cell: each problem renders, and every message is reached', async () => {
    const [example] = templateRows(NOW);
    const seen = new Set<string>();
    for (const [c, field] of IMPORT_FIELDS.entries()) {
      for (const bad of BAD_CELLS) {
        const cells = [...example!];
        cells[c] = bad;
        for (const p of rowProblems(cells)) {
          expectReadable(p, `${field} = "${bad.slice(0, 12)}"`);
          seen.add(p.text);
        }
      }
    }
    // across two columns: the top of the pay below its bottom, the end before the start
    const cross = (edit: Parameters<typeof templateRow>[1]) => rowProblems(templateRow(NOW, edit));
    for (const p of [
      ...cross({ payMin: '300', payMax: '200' }),
      ...cross({ validFrom: '2026-12-20', validUntil: '2026-12-10' }),
    ]) {
      expectReadable(p, p.text);
      seen.add(p.text);
    }
    // a row twice, with an id and without one
    const header = [...TEMPLATE_HEADER];
    const noId = [...example!];
    noId[0] = '';
    const { report } = await importPostings(
      { get: () => undefined, upsertMany: () => ({ applied: 0, skipped: 0 }) },
      utf8Csv([header, example!, example!, noId, noId]),
      { fileName: 'twice.csv', now: NOW, dryRun: true },
    );
    for (const r of report.rejected)
      for (const p of r.reasons) {
        expectReadable(p, `row ${r.row}`);
        seen.add(p.text);
      }
    expect(report.rejected.map((r) => [r.row, r.reasons[0]!.text])).toEqual([
      [3, 'duplicate'],
      [5, 'duplicateContent'],
    ]);
    // what a row can never reach (its cells are read before the schema sees them) is walked below
    const viaSchemaOnly = ['invalid'];
    expect([...IMPORT_MESSAGES].filter((m) => !seen.has(m) && !viaSchemaOnly.includes(m))).toEqual([]);
  });

  it('walks the posting schema: every field × every kind of wrong value gives a message in Chinese', () => {
    const good = makePosting();
    const WRONG: unknown[] = [undefined, null, '', 'x'.repeat(2100), '<b>', -1, 0, 0.5, 1e9, 'abc', true, ['a'], {}];
    const kinds = new Set<string>();
    const fields = Object.keys(PostingSchema.shape) as (keyof typeof good)[];
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields) {
      for (const wrong of WRONG) {
        const parsed = PostingSchema.safeParse({ ...good, [field]: wrong });
        if (parsed.success) continue;
        for (const issue of parsed.error.issues) {
          kinds.add(issue.code);
          const f = fieldOfPath(issue.path);
          const p = issueProblem(issue, f ? TEMPLATE_HEADER[IMPORT_FIELDS.indexOf(f)]! : '岗位', String(wrong));
          expectReadable(p, `${String(field)} = ${String(wrong).slice(0, 12)} (${issue.code})`);
        }
      }
    }
    for (const p of [
      { ...good, payMin: 300, payMax: 200 },
      { ...good, validUntil: good.validFrom },
    ]) {
      const parsed = PostingSchema.safeParse(p);
      expect(parsed.success).toBe(false);
      for (const issue of parsed.error!.issues) expectReadable(issueProblem(issue, '最高薪资', ''), issue.message);
    }
    expect([...kinds].sort()).toEqual([
      'custom',
      'invalid_format',
      'invalid_type',
      'invalid_value',
      'too_big',
      'too_small',
    ]);
  });
});
