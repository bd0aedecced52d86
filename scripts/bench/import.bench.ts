/**
 * Import benchmark: a 10,000-row XLSX of postings through the whole import (detect, exceljs
 * read, row checks with the shared schema, one transaction into a real SQLite file), in rows
 * per second and memory, against the same rows as a UTF-8 CSV through the same path. Every
 * import runs in a fresh child process (import-child.ts, --expose-gc): its memory is the
 * child's peak RSS (getrusage maxrss, as /usr/bin/time -v reports it) over a child that does
 * everything but the import. Three children per file; medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { HEADER, bigImportRow } from '../../tests/fixtures/import/import-sheets';

const ROWS = 10_000;
const RUNS = 3;
const ROOT = resolve(import.meta.dirname, '../..');
const TRADES = ['驾驶司机', '搬运装卸', '保洁家政', '餐饮服务', '工厂普工', '农业种养'];
const DISTRICTS = ['信州区', '广丰区', '广信区', '玉山县', '婺源县', '鄱阳县'];

function rows(now: number): (string | number | Date)[][] {
  const from = new Date(now - 86_400_000);
  const until = new Date(now + 20 * 86_400_000);
  return Array.from({ length: ROWS }, (_, i) =>
    bigImportRow(i, 'B', from, until, { trades: TRADES, districts: DISTRICTS }),
  );
}

interface ChildResult {
  ms: number;
  imported: number;
  rejected: number;
  rssBefore: number;
  peakRss: number;
  fileBytes: number;
}

function child(file: string, name: string, mode: 'import' | 'none'): ChildResult {
  const out = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench/import-child.ts', file, name, mode],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (out.status !== 0)
    throw new Error(`import bench: the child for ${name} (${mode}) failed: ${out.stderr.slice(-500)}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => Math.round(bytes / 1048576);

function measure(label: string, file: string, name: string): Record<string, unknown> {
  const runs = Array.from({ length: RUNS }, () => child(file, name, 'import'));
  const idle = Array.from({ length: RUNS }, () => child(file, name, 'none'));
  for (const r of runs)
    if (r.imported !== ROWS)
      throw new Error(`import bench: ${label} imported ${r.imported} of ${ROWS} (${r.rejected} rejected)`);
  const ms = median(runs.map((r) => r.ms));
  const peak = median(runs.map((r) => r.peakRss));
  const idlePeak = median(idle.map((r) => r.peakRss));
  return {
    bench: `import ${label}`,
    rows: ROWS,
    fileBytes: runs[0]!.fileBytes,
    ms: Math.round(ms),
    rowsPerS: Math.round((ROWS / ms) * 1000),
    peakRssMb: mb(peak),
    importPeakOverIdleMb: mb(peak - idlePeak),
    idleChildPeakRssMb: mb(idlePeak),
    rssBeforeImportMb: mb(median(runs.map((r) => r.rssBefore))),
    runs: RUNS,
    measured:
      'fresh child per run (--expose-gc, gc before the import); peak RSS = getrusage maxrss of the child; the idle child loads the same modules and file and imports nothing',
  };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const now = Date.now();
  const data = rows(now);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(HEADER);
  for (const r of data) sheet.addRow(r);
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const xlsx = join(dir, 'bench.xlsx');
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const csv = join(dir, 'bench.csv');
    writeFileSync(
      csv,
      Buffer.from(
        Papa.unparse([HEADER, ...data.map((r) => r.map((c) => (c instanceof Date ? day(c) : String(c))))]),
        'utf8',
      ),
    );
    const x = measure('10k-row XLSX', xlsx, 'bench.xlsx');
    const c = measure('10k-row CSV (same rows, baseline)', csv, 'bench.csv');
    return [
      {
        ...x,
        comparedTo: c.bench,
        baselineRowsPerS: c.rowsPerS,
        baselineMs: c.ms,
        baselineImportPeakOverIdleMb: c.importPeakOverIdleMb,
      },
      c,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
