/**
 * `npm run bench -- import-block`: what a 20,000-row spreadsheet import costs the host's event
 * loop (every page, socket and kiosk waits behind it), through the real host's import route:
 * the longest single block (perf_hooks monitorEventLoopDelay) against the ~100 ms target, for
 * XLSX and CSV, and how fast a 1 MB XLSX bomb declaring 10,000,000 rows is refused.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { pino } from 'pino';
import { hallOptionsFrom } from '../../electron/host/config';
import { startHall } from '../../electron/host/hall';
import { HEADER, bigImportRow, dates } from '../../tests/fixtures/import/import-sheets';
import { xlsxBomb } from '../../tests/fixtures/import/xlsx-bomb';
import { tmpDir } from '../../tests/support/tmp-dir';

const ROWS = 20_000;
const TARGET_MS = 100;
const PIN = '246813';

function rows(now: number, prefix: string): (string | number | Date)[][] {
  const { from, until } = dates(now);
  return Array.from({ length: ROWS }, (_, i) => bigImportRow(i, prefix, from, until));
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const now = Date.now();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(HEADER);
  for (const r of rows(now, 'X')) sheet.addRow(r);
  const files: Array<[string, string, Buffer]> = [
    ['xlsx', '岗位.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())],
    [
      'csv',
      '岗位.csv',
      Buffer.from(
        `\uFEFF${Papa.unparse([HEADER, ...rows(now, 'C').map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c))))])}`,
      ),
    ],
    ['xlsx-bomb-10M-rows', '炸弹.xlsx', await xlsxBomb({ rows: 1_000_000, declaredRows: 10_000_000 })],
  ];
  const hall = await startHall(
    hallOptionsFrom(['--port', '0', '--data', tmpDir('bench-import-block-')], { HALL_STAFF_PIN: PIN }),
    { log: pino({ level: 'silent' }) },
  );
  const results: Array<Record<string, unknown>> = [];
  try {
    const token = (
      (await (
        await fetch(`${hall.url}/api/staff/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ pin: PIN }),
        })
      ).json()) as { token: string }
    ).token;
    for (const [kind, name, body] of files) {
      await new Promise((r) => setTimeout(r, 500));
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const t0 = performance.now();
      const res = await fetch(`${hall.url}/api/staff/postings/import?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
      const report = (await res.json()) as { imported?: number; error?: { code: string } };
      const ms = performance.now() - t0;
      loop.disable();
      const longest = Math.round(loop.max / 1e6);
      results.push({
        bench: `import-block-${kind}`,
        rows: kind.includes('bomb') ? 'declares 10,000,000' : ROWS,
        fileKb: Math.round(body.length / 1024),
        status: res.status,
        imported: report.imported ?? null,
        refused: report.error?.code ?? null,
        totalMs: Math.round(ms),
        longestBlockMs: longest,
        loopP99Ms: Math.round(loop.percentile(99) / 1e6),
        comparedTo: `target: no block longer than ${TARGET_MS} ms`,
        withinTarget: longest <= TARGET_MS,
      });
    }
  } finally {
    await hall.close();
  }
  return results;
}
