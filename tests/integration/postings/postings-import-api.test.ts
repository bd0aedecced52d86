import { describe, expect, it } from 'vitest';
import { call } from '../staff/staff-support';
import { gbkCsv, GOOD_IDS, sheetRows, utf8Csv, xlsx } from '../../fixtures/import/import-sheets';
import { adminHallForSuite, postingInput, upload } from './postings-support';

describe('postings import and hide/unhide through the staff routes', () => {
  const t = adminHallForSuite();

  const boardIds = () => (t.hall.boards.planFor('1')?.pages ?? []).flatMap((p) => p.items.map((i) => i.id));

  it('imports the good rows of a GBK CSV, a UTF-8 CSV and an XLSX, reports the bad ones by row, and changes nothing the second time', async () => {
    const now = Date.now();
    const files: Array<[string, Buffer]> = [
      ['岗位-gbk.csv', gbkCsv(sheetRows(now, 'G'))],
      ['岗位-utf8.csv', utf8Csv(sheetRows(now, 'U'), true)],
      ['岗位.xlsx', await xlsx(sheetRows(now, 'X'))],
    ];
    for (const [name, buf] of files) {
      const prefix = name.includes('gbk') ? 'G' : name.includes('utf8') ? 'U' : 'X';
      const first = await upload(t.hall.url, t.token, name, buf);
      expect(first.status, name).toBe(200);
      expect(first.json).toMatchObject({ rows: 9, imported: 4, unchanged: 0 });
      expect(first.json.rejected.map((r: { row: number }) => r.row)).toEqual([5, 6, 7, 8, 9]);
      expect(first.json.rejected.map((r: { reasons: { code: string }[] }) => r.reasons[0]!.code)).toEqual([
        'missing',
        'bad_phone',
        'unknown_district',
        'markup',
        'duplicate_id',
      ]);
      const ids = GOOD_IDS.map((id) => `imp-${id.replace('SR', prefix)}`);
      // the good ones are on the boards now
      expect(boardIds()).toEqual(expect.arrayContaining(ids));
      const again = await upload(t.hall.url, t.token, name, buf);
      expect(again.json).toMatchObject({ imported: 0, unchanged: 4 });
    }
    const listed = await call(t.hall.url, 'GET', '/api/staff/postings?hallOnly=1&limit=500', { token: t.token });
    expect(listed.json.total).toBe(12);
    const audit = await call(t.hall.url, 'GET', '/api/staff/audit?action=posting.import', { token: t.token });
    expect(audit.json.entries).toHaveLength(6);
    expect(audit.json.entries[0]).toMatchObject({ accountName: '王主任', action: 'posting.import' });
  });

  it('takes a hidden posting off every board and brings it back when unhidden, auditing both', async () => {
    const id = 'imp-G-1';
    expect(boardIds()).toContain(id);
    const hidden = await call(t.hall.url, 'POST', `/api/staff/postings/${id}/hide`, { token: t.token });
    expect(hidden.json).toMatchObject({ id, hidden: true });
    expect(boardIds()).not.toContain(id);
    expect(
      (await call(t.hall.url, 'GET', '/api/listings?q=叉车司机&limit=200')).json.listings.map(
        (l: { id: string }) => l.id,
      ),
    ).not.toContain(id);
    // re-importing the file does not put it back: the hidden flag survives an import
    await upload(t.hall.url, t.token, '岗位-gbk.csv', gbkCsv(sheetRows(Date.now(), 'G')));
    expect(boardIds()).not.toContain(id);
    const shown = await call(t.hall.url, 'POST', `/api/staff/postings/${id}/unhide`, { token: t.token });
    expect(shown.json).toMatchObject({ id, hidden: false });
    expect(boardIds()).toContain(id);
    const actions = (await call(t.hall.url, 'GET', '/api/staff/audit?limit=10', { token: t.token })).json.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['posting.hide', 'posting.unhide']));
  });

  it('creates and edits a hall posting with its booth, and refuses to edit a platform posting', async () => {
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const created = await call(t.hall.url, 'POST', '/api/staff/postings', {
      token: t.token,
      body: postingInput({
        title: '仓库理货员',
        occupation: 'moving',
        employerName: '信州区物流园',
        payMin: 180,
        headcount: 4,
        contactPhone: '13812340001',
        validUntil: until,
        booth: ' ａ12 ',
      }),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: '仓库理货员',
      revision: 1,
      source: '本馆窗口录入',
      editable: true,
      booth: 'A12',
    });
    expect(boardIds()).toContain(created.json.id);
    const onBoard = () =>
      (t.hall.boards.planFor('1')?.pages ?? []).flatMap((p) => p.items).find((i) => i.id === created.json.id);
    expect(onBoard()?.booth).toBe('A12');
    const pub = await call(t.hall.url, 'GET', '/api/listings?q=仓库理货员&limit=10');
    expect(pub.json.listings.find((l: { id: string }) => l.id === created.json.id)?.booth).toBe('A12');
    const bad = await call(t.hall.url, 'PUT', `/api/staff/postings/${created.json.id}`, {
      token: t.token,
      body: { booth: 'A12号' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/booth/);
    const edited = await call(t.hall.url, 'PUT', `/api/staff/postings/${created.json.id}`, {
      token: t.token,
      body: { payMin: 200, booth: '' },
    });
    expect(edited.json).toMatchObject({ payMin: 200, revision: 2 });
    expect(edited.json).not.toHaveProperty('booth');
    expect(onBoard()?.booth).toBeUndefined();
    // the standalone hall's demo postings stand in for the platform's
    const platform = (
      await call(t.hall.url, 'GET', '/api/staff/postings?limit=500', { token: t.token })
    ).json.postings.find((p: { editable: boolean }) => !p.editable);
    expect(platform).toBeDefined();
    const refused = await call(t.hall.url, 'PUT', `/api/staff/postings/${platform.id}`, {
      token: t.token,
      body: { payMin: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/city platform/);
  });
});
