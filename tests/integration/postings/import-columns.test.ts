/**
 * One list of columns: the README's import section, the template the console downloads and the
 * importer's column map agree. The template's example rows are dated from the day it is
 * downloaded, so importing it as it is gives live postings.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, TEMPLATE_HEADER, mapColumns } from '../../../electron/host/postings/import/import-columns';
import { adminHallForSuite, upload } from './postings-support';

/** The column list under "下载表格模板" in the README: one line, comma-separated, ending in a full stop. */
function readmeColumns(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const m = /\*\*下载表格模板\*\* gives a CSV with these columns[^\n]*\n([^\n]+)\.\n/.exec(readme);
  if (!m) throw new Error('README: no column list after **下载表格模板**');
  return m[1]!.split(/,\s*/);
}

const hallDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('import columns: README, template and importer', () => {
  const t = adminHallForSuite();

  it('the importer maps every column of the template to its own field, none ignored', () => {
    const map = mapColumns(TEMPLATE_HEADER);
    expect(map.ignored).toEqual([]);
    expect(map.duplicates).toEqual([]);
    expect(Object.keys(map.fields).sort()).toEqual([...IMPORT_FIELDS].sort());
  });

  it('the README lists the template header, in order', () => {
    expect(readmeColumns()).toEqual([...TEMPLATE_HEADER]);
  });

  it('downloads a template with that header, examples dated from today, that imports as it is', async () => {
    const response = await fetch(`${t.hall.url}/api/staff/postings/import/template.csv`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    const [header, ...examples] = rows;
    expect(header).toEqual(readmeColumns());
    expect(examples.length).toBeGreaterThan(0);
    const today = hallDay(Date.now());
    const from = header!.indexOf('开始日期');
    const until = header!.indexOf('截止日期');
    for (const row of examples) {
      expect(row[from]! >= today, row[from]).toBe(true);
      expect(row[until]! > today, row[until]).toBe(true);
    }
    const imported = await upload(t.hall.url, t.token, '岗位导入模板.csv', bytes);
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ rows: examples.length, imported: examples.length, rejected: [] });
    const listed = await fetch(`${t.hall.url}/api/listings?limit=200`).then((r) => r.json());
    expect(listed.listings.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(['imp-SR-0001']));
  });
});
