/**
 * Import benchmark: a 10,000-row XLSX of postings through the whole import (detect, exceljs
 * read, row checks with the shared schema, one transaction into a real SQLite file), in rows
 * per second and peak memory (RSS sampled during the run), against the same rows as a UTF-8
 * CSV through the same path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createListingStore } from '../../electron/host/db/listing-store';
import { importPostings } from '../../electron/host/postings/import/import-postings';

const ROWS = 10_000;
const HEADER = ['编号', '岗位', '工种', '雇主', '雇主类型', '薪资', '薪资单位', '结算方式', '人数', '区县', '工作地点', '联系电话', '开始日期', '截止日期'];
const TRADES = ['驾驶司机', '搬运装卸', '保洁家政', '餐饮服务', '工厂普工', '农业种养'];
const DISTRICTS = ['信州区', '广丰区', '广信区', '玉山县', '婺源县', '鄱阳县'];

function rows(now: number): (string | number | Date)[][] {
  const from = new Date(now - 86_400_000);
  const until = new Date(now + 20 * 86_400_000);
  return Array.from({ length: ROWS }, (_, i) => [
    `B-${i}`, `岗位${i}`, TRADES[i % TRADES.length]!, `上饶市第${i % 97}物流有限公司`, '企业', 150 + (i % 200), '元/天', '日结', 1 + (i % 9),
    DISTRICTS[i % DISTRICTS.length]!, `某某路${i}号`, `138${String(10_000_000 + i).slice(-8)}`, from, until,
  ]);
}

async function measure(label: string, buf: Buffer, name: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const db = openDatabase(join(dir, 'hall.db'));
  const store = createListingStore(db);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const { report } = await importPostings(store, buf, { fileName: name, now: Date.now() });
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
  if (report.imported !== ROWS) throw new Error(`import bench: ${label} imported ${report.imported} of ${ROWS} (${JSON.stringify(report.rejected.slice(0, 2))})`);
  return { bench: `import ${label}`, rows: ROWS, fileBytes: buf.length, ms: Math.round(ms), rowsPerS: Math.round((ROWS / ms) * 1000), peakRssMb: Math.round(peak / 1048576), rssGrowthMb: Math.round((peak - rssBefore) / 1048576) };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const now = Date.now();
  const data = rows(now);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(HEADER);
  for (const r of data) sheet.addRow(r);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const csv = Buffer.from(Papa.unparse([HEADER, ...data.map((r) => r.map((c) => (c instanceof Date ? day(c) : String(c))))]), 'utf8');
  const x = await measure('10k-row XLSX', xlsx, 'bench.xlsx');
  const c = await measure('10k-row CSV (same rows, baseline)', csv, 'bench.csv');
  return [{ ...x, comparedTo: c.bench, baselineRowsPerS: c.rowsPerS, baselineMs: c.ms }, c];
}
