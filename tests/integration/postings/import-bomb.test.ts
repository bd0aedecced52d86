/**
 * Spreadsheet import cannot kill the host. XLSX bombs built in the test (about a megabyte on
 * disk, hundreds of megabytes of sheet XML, millions of rows declared) are refused with a clear
 * Chinese message and 413, while /healthz keeps answering; the import worker reads real files
 * (the 20,000-row limit included) and the host's event loop is never held long.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../fixtures/import/xlsx-bomb';
import { HEADER, bigImportRow, dates } from '../../fixtures/import/import-sheets';
import { hallWithAdmin, upload, type TestHall } from './postings-support';

async function bigXlsx(rows: number, now: number): Promise<Buffer> {
  const { from, until } = dates(now);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    sheet.addRow(bigImportRow(i, 'BIG', from, until));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('spreadsheet bombs and big imports', () => {
  let hall: TestHall;
  let token: string;
  beforeAll(async () => {
    ({ hall, token } = await hallWithAdmin());
  });
  afterAll(() => hall?.close());

  /** Runs `work` while polling /healthz and watching this process's event loop. */
  async function whileWatched<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; healthAnswered: number; healthFailed: number; longestBlockMs: number }> {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let polling = true;
    let healthAnswered = 0;
    let healthFailed = 0;
    const poller = (async () => {
      while (polling) {
        const ok = await fetch(`${hall.url}/healthz`, { signal: AbortSignal.timeout(15_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) healthAnswered++;
        else healthFailed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    try {
      const result = await work();
      return { result, healthAnswered, healthFailed, longestBlockMs: loop.max / 1e6 };
    } finally {
      polling = false;
      await poller;
      loop.disable();
    }
  }

  it.each([
    ['declaring 10,000,000 rows', { rows: 1_000_000, declaredRows: 10_000_000 }, 'too_many_rows', /10000000 行/],
    ['with no dimension, 1,000,000 rows of XML', { rows: 1_000_000 }, 'unpacked_too_large', /解压后太大/],
    [
      'lying about its unpacked size',
      { rows: 1_000_000, claimSheetSize: 1_000_000 },
      'unpacked_too_large',
      /解压后太大/,
    ],
  ] as const)(
    'refuses an XLSX bomb %s with 413, and keeps answering /healthz',
    async (_what, bomb, code, message) => {
      const file = await xlsxBomb(bomb);
      expect(file.length).toBeLessThan(3 * 1024 * 1024);
      const watched = await whileWatched(() => upload(hall.url, token, '岗位.xlsx', file, '&dryRun=1'));
      expect(watched.result.status).toBe(413);
      expect(watched.result.json.error.code).toBe(code);
      expect(watched.result.json.error.message).toMatch(message);
      expect(watched.healthFailed).toBe(0);
      expect(watched.healthAnswered).toBeGreaterThan(0);
      expect((await fetch(`${hall.url}/healthz`)).status).toBe(200);
    },
    120_000,
  );

  it('refuses 20,001 real rows at the limit, and imports 20,000 without holding the event loop', async () => {
    const now = Date.now();
    const over = await upload(hall.url, token, '岗位.xlsx', await bigXlsx(20_001, now), '&dryRun=1');
    expect(over).toMatchObject({ status: 413, json: { error: { code: 'too_many_rows' } } });
    const file = await bigXlsx(20_000, now);
    const watched = await whileWatched(() => upload(hall.url, token, '岗位.xlsx', file));
    expect(watched.result.status, JSON.stringify(watched.result.json).slice(0, 300)).toBe(200);
    expect(watched.result.json).toMatchObject({ rows: 20_000, imported: 20_000, rejected: [] });
    expect(watched.healthFailed).toBe(0);
    // The target is ~100 ms (npm run bench -- import-block measures it); this bound only says
    // "never seconds", so a loaded machine cannot fail it: the old import held the loop 5 s.
    expect(watched.longestBlockMs).toBeLessThan(1500);
    process.stdout.write(
      `import of 20,000 XLSX rows: longest event-loop block ${Math.round(watched.longestBlockMs)} ms\n`,
    );
    const health = await (await fetch(`${hall.url}/healthz`)).json();
    expect(health.listings).toBeGreaterThanOrEqual(20_000);
  }, 180_000);
});
