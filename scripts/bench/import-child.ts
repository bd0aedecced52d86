/**
 * One import in a fresh process, for import.bench.ts: the memory it needs is the process's peak
 * RSS (getrusage's maxrss, what /usr/bin/time -v reports), which a sampler in a busy process
 * would miss during the synchronous parts. Run with --expose-gc:
 *
 *   node --expose-gc --import tsx scripts/bench/import-child.ts FILE NAME import|none
 *
 * `none` does everything but the import (modules loaded, database open, file read, gc) and is
 * the baseline the import's own memory is measured against. Prints one JSON line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import { importPostings } from '../../electron/host/postings/import/import-postings';

const [file, name, mode] = process.argv.slice(2);
if (!file || !name || (mode !== 'import' && mode !== 'none'))
  throw new Error('import-child: usage: FILE NAME import|none');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('import-child: run with --expose-gc');

const dir = mkdtempSync(join(tmpdir(), 'bench-import-child-'));
const db = openDatabase(join(dir, 'hall.db'));
const store = createPostingStore(db);
const buf = readFileSync(file);
gc();
gc();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let imported = 0;
let rejected = 0;
if (mode === 'import') {
  const { report } = await importPostings(store, buf, { fileName: name, now: Date.now() });
  imported = report.imported;
  rejected = report.rejected.length;
}
const ms = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms, imported, rejected, rssBefore, peakRss, fileBytes: buf.length })}\n`);
