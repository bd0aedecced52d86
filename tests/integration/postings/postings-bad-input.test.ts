import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, expectClearRefusal } from '../staff/staff-support';
import { adminHallForSuite, postingInput, upload } from './postings-support';

const huge = 'x'.repeat(40_000);
const SIGNUP = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Bad requests per console data route: wrong types, unknown fields, markup, huge bodies, unknown ids. */
const CASES: Array<{ method: string; path: string; bodies: unknown[] }> = [
  { method: 'GET', path: '/api/staff/postings?limit=0', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/postings?limit=abc', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/postings?visibility=secret', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/postings?occupation=astronaut', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/postings?drop=table', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/postings/no-such-posting', bodies: [undefined] },
  { method: 'POST', path: '/api/staff/postings/no-such-posting/hide', bodies: [undefined] },
  { method: 'POST', path: `/api/staff/postings/${'x'.repeat(80)}/unhide`, bodies: [undefined] },
  {
    method: 'POST',
    path: '/api/staff/postings',
    bodies: [
      {},
      [],
      'text',
      null,
      { title: '叉车司机' },
      { title: 42, occupation: 'driving' },
      postingInput({ title: '<b>急招</b>', payMin: 1 }),
      postingInput({ payMin: '200' }),
      postingInput({ districtCode: '999999', contactPhone: '12345', validUntil: 'tomorrow' }),
      { id: 'mine', revision: 99, title: '叉车司机' },
      { title: huge },
    ],
  },
  { method: 'PUT', path: '/api/staff/postings/no-such-posting', bodies: [{ payMin: 1 }] },
  { method: 'GET', path: '/api/staff/signups?limit=-1', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/signups?contacted=maybe', bodies: [undefined] },
  { method: 'POST', path: `/api/staff/signups/${SIGNUP}/reveal`, bodies: [{ reason: '回访' }] },
  { method: 'POST', path: '/api/staff/signups/not-a-uuid/reveal', bodies: [{ reason: '回访' }] },
  { method: 'PUT', path: `/api/staff/signups/${SIGNUP}/contacted`, bodies: [{ contacted: true }] },
  { method: 'GET', path: '/api/staff/signups/export.csv?reveal=1', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/signups/export.csv?reveal=1&reason=%3Cscript%3E', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/signups/export.csv?reveal=yes', bodies: [undefined] },
  {
    method: 'PUT',
    path: '/api/staff/signups/retention',
    bodies: [{}, { days: 0 }, { days: '30' }, { days: 1.5 }, { days: 99_999 }, { days: 30, extra: 1 }, { days: huge }],
  },
  { method: 'POST', path: '/api/staff/signups/purge', bodies: [{ everything: true }, [1]] },
  {
    method: 'PUT',
    path: '/api/staff/pulse/settings',
    bodies: [
      {},
      { minDemand: 0, windowDays: 30 },
      { minDemand: 5 },
      { minDemand: '5', windowDays: 30 },
      { minDemand: 5, windowDays: 9999 },
    ],
  },
  {
    method: 'PUT',
    path: '/api/staff/pulse/screens/1',
    bodies: [{}, { pulsePage: 'yes' }, { pulsePage: true, layout: 'ticker' }],
  },
  { method: 'PUT', path: '/api/staff/pulse/screens/nope', bodies: [{ pulsePage: true }] },
];

describe('bad input on every console data route', () => {
  const t = adminHallForSuite();

  async function snapshot() {
    return Promise.all([
      call(t.hall.url, 'GET', '/api/staff/postings?limit=500&includeExpired=1', { token: t.token }).then((r) =>
        r.json.postings.map((p: { id: string; revision: number; hidden: boolean }) => [p.id, p.revision, p.hidden]),
      ),
      call(t.hall.url, 'GET', '/api/staff/signups', { token: t.token }).then((r) => [
        r.json.total,
        r.json.retentionDays,
        r.json.lastPurge,
      ]),
      call(t.hall.url, 'GET', '/api/staff/pulse', { token: t.token }).then((r) => [r.json.settings, r.json.screens]),
      readFileSync(join(t.hall.dataDir, 'screens.json'), 'utf8'),
    ]);
  }

  it('answers 4xx with a clear message and changes nothing', async () => {
    const before = await snapshot();
    for (const c of CASES) {
      for (const body of c.bodies) {
        const r = await call(t.hall.url, c.method, c.path, { token: t.token, ...(body === undefined ? {} : { body }) });
        const label = `${c.method} ${c.path.slice(0, 50)} ${JSON.stringify(body)?.slice(0, 80)}`;
        expectClearRefusal(r, label);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every route without a staff token', async () => {
    for (const [method, path] of [
      ['GET', '/api/staff/postings'],
      ['POST', '/api/staff/postings/x/hide'],
      ['POST', '/api/staff/postings/import?name=a.csv'],
      ['GET', '/api/staff/signups'],
      ['GET', '/api/staff/signups/export.csv'],
      ['POST', `/api/staff/signups/${SIGNUP}/reveal`],
      ['POST', '/api/staff/signups/purge'],
      ['GET', '/api/staff/pulse'],
    ] as const) {
      const r = await call(t.hall.url, method, path, method === 'GET' ? {} : { body: {} });
      expect(r.status, `${method} ${path}`).toBe(401);
    }
  });

  it('refuses bad uploads with 4xx and a clear message, importing nothing', async () => {
    const before = await snapshot();
    const cases: Array<[string, Buffer | string, string, number, RegExp, string?]> = [
      ['binary.csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x41]), '', 415, /不是文本表格/],
      [
        'renamed.csv',
        Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(100, 1)]),
        '',
        415,
        /扩展名是 \.csv，内容却是 Excel 表格/,
      ],
      [
        'old.xls',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        '',
        415,
        /97–2003（\.xls）文件，请在 Excel 或 WPS 里“另存为” \.xlsx/,
      ],
      ['fake.xlsx', '编号,岗位\n1,2\n', '', 415, /内容却不是 Excel 表格/],
      [
        'broken.xlsx',
        Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 7)]),
        '',
        400,
        /XLSX 文件无法读取/,
      ],
      ['empty.csv', Buffer.alloc(0), '', 400, /no file|empty/],
      ['columns.csv', 'name,age\n张三,30\n', '', 400, /表头缺少必需的列：岗位、最低薪资、联系电话、截止日期/],
      ['notes.txt.exe', 'a,b\n', '', 415, /只能导入 \.xlsx、\.csv 或 \.txt/],
      ['a.csv', 'a,b\n', '&dryRun=perhaps', 400, /dryRun/],
      ['a.csv', '{"rows": []}', '', 415, /not JSON/, 'application/json'],
      ['a.csv', '--x\r\n\r\n', '', 415, /multipart/, 'multipart/form-data; boundary=x'],
    ];
    for (const [name, body, extra, status, message, type] of cases) {
      const r = await upload(t.hall.url, t.token, name, body, extra, type);
      expect(r.status, name).toBe(status);
      expect(r.json.error.message, name).toMatch(message);
    }
    const noName = await fetch(`${t.hall.url}/api/staff/postings/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
      body: 'a,b\n',
    });
    expect(noName.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a 50 MB upload with 413 from its length, without reading it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const started = Date.now();
    const r = await upload(t.hall.url, t.token, 'big.csv', big);
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'file_too_large' });
    expect(r.json.error.message).toMatch(/larger than 20 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an over-size upload sent in chunks, with no length to go by, once the limit is passed', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const r = await fetch(`${t.hall.url}/api/staff/postings/import?name=big.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
      signal: AbortSignal.timeout(20_000),
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('file_too_large');
    expect(sent).toBeLessThan(50);
  });
});
