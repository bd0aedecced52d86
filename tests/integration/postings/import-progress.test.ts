/**
 * An import's progress: importPostings says how far it has got (read → checked → written, each
 * only forward), and the route keeps it by the console's job id for the account that started it.
 */
import { describe, expect, it } from 'vitest';
import { importPostings } from '../../../electron/host/postings/import/import-postings';
import { createImportJobs, MAX_JOBS } from '../../../electron/host/postings/import/import-jobs';
import type { ProgressUpdate } from '../../../electron/host/postings/import/import-jobs';
import { createImportReader, defaultImportWorker } from '../../../electron/host/postings/import/import-reader';
import { bigImportRow, dates, HEADER, xlsx } from '../../fixtures/import/import-sheets';
import { adminHallForSuite, upload } from './postings-support';
import { call } from '../staff/staff-support';

const rows = (n: number, now: number) => {
  const { from, until } = dates(now);
  return [HEADER, ...Array.from({ length: n }, (_, i) => bigImportRow(i + 1, 'P', from, until).map(String))];
};

describe('import progress', () => {
  const t = adminHallForSuite();

  it('reads, checks and writes a 3,000-row XLSX in the worker, telling each step as it goes, only forward', async () => {
    const now = Date.now();
    const updates: ProgressUpdate[] = [];
    const written: number[] = [];
    const { report } = await importPostings(
      { get: () => undefined, upsertMany: (p) => (written.push(p.length), { applied: p.length, skipped: 0 }) },
      await xlsx(rows(3000, now)),
      {
        fileName: 'big.xlsx',
        now,
        readTable: createImportReader({ worker: defaultImportWorker() }),
        onProgress: (u) => updates.push(u),
      },
    );
    expect(report.imported).toBe(3000);
    const phases = updates.flatMap((u) => (u.phase ? [u.phase] : []));
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    const reads = updates.flatMap((u) => (u.read !== undefined ? [u.read] : []));
    expect(reads.length).toBeGreaterThan(2); // the worker tells of rows as it reads them
    expect(reads.at(-1)).toBe(3000);
    const writes = updates.flatMap((u) => (u.written !== undefined ? [u.written] : []));
    expect(writes.at(-1)).toBe(3000);
    for (const list of [reads, writes]) expect([...list].sort((a, b) => a - b)).toEqual(list);
    expect(updates.find((u) => u.toWrite !== undefined)?.toWrite).toBe(3000);
  });

  it('keeps the progress by job id for the account that started it, done with its counts', async () => {
    const job = 'a1b2c3d4e5f60718';
    const r = await upload(t.hall.url, t.token, '岗位.xlsx', await xlsx(rows(50, Date.now())), `&job=${job}`);
    expect(r.status).toBe(200);
    const p = await call(t.hall.url, 'GET', `/api/staff/postings/import/progress/${job}`, { token: t.token });
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ job, phase: 'done', read: 50, checked: 50, written: 50, rows: 50, toWrite: 50 });
    const refused = await upload(t.hall.url, t.token, '岗位.ods', Buffer.from('PK\u0003\u0004x'), `&job=${job}-ods`);
    expect(refused.status).toBe(415);
    const failed = await call(t.hall.url, 'GET', `/api/staff/postings/import/progress/${job}-ods`, { token: t.token });
    expect(failed.json).toMatchObject({ phase: 'failed' });
    const unknown = await call(t.hall.url, 'GET', '/api/staff/postings/import/progress/nosuchjob1', { token: t.token });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('import_not_found');
    const anonymous = await call(t.hall.url, 'GET', `/api/staff/postings/import/progress/${job}`, {});
    expect(anonymous.status).toBe(401);
  });

  it('keeps at most MAX_JOBS, dropping finished ones first, and shows a job only to its owner', () => {
    let now = 0;
    const jobs = createImportJobs(() => now);
    const first = jobs.start('job-00000', 'a', 'x.csv', false)!;
    first({ phase: 'done' });
    for (let i = 1; i < MAX_JOBS; i++)
      expect(jobs.start(`job-${String(i).padStart(5, '0')}`, 'a', 'x.csv', false)).not.toBeNull();
    now += 1000;
    expect(jobs.start('job-extra', 'a', 'x.csv', false)).not.toBeNull(); // the finished one made room
    expect(jobs.get('job-00000', 'a')).toBeNull();
    expect(jobs.start('job-more', 'a', 'x.csv', false)).toBeNull(); // all running: no room, no progress
    expect(jobs.get('job-extra', 'b')).toBeNull();
    expect(jobs.get('job-extra', 'a')).toMatchObject({ phase: 'uploading' });
  });
});
