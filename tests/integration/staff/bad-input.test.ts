import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestHall } from '../../support/in-process-hall';
import type { Hall } from '../../../electron/host/hall';
import { ADMIN_PIN, call, expectClearRefusal, inMinutes } from './staff-support';

const huge = 'x'.repeat(40_000);

/** Bad bodies per staff route: wrong types, missing fields, past expiry, markup, huge bodies, unknown fields. */
const CASES: Array<{ method: string; path: string; bodies: unknown[]; raw?: string[] }> = [
  {
    method: 'POST',
    path: '/api/urgent',
    bodies: [
      {},
      { title: '急招' },
      { title: '急招', expiresAt: inMinutes(-5) },
      { title: '急招', expiresAt: new Date(Date.now() - 1).toISOString() },
      { title: '急招', expiresAt: inMinutes(60 * 24 * 30) },
      { title: '急招', expiresAt: 'tomorrow' },
      { title: '急招', expiresAt: Date.now() + 60_000 },
      { title: 42, expiresAt: inMinutes(10) },
      { title: '', expiresAt: inMinutes(10) },
      { title: '<script>alert(1)</script>', expiresAt: inMinutes(10) },
      { title: '急'.repeat(61), expiresAt: inMinutes(10) },
      { title: '急招', body: 7, expiresAt: inMinutes(10) },
      { title: '急招', expiresAt: inMinutes(10), screens: 'all' },
      { title: '急招', expiresAt: inMinutes(10), screens: [] },
      { title: '急招', expiresAt: inMinutes(10), screens: ['no-such-screen'] },
      { title: '急招', expiresAt: inMinutes(10), listingId: 'no-such-posting' },
      { title: '急招', expiresAt: inMinutes(10), admin: true },
      { title: huge, expiresAt: inMinutes(10) },
      [],
      'text',
      null,
    ],
    raw: ['{"title": "急招", ', 'not json at all'],
  },
  { method: 'DELETE', path: '/api/urgent/no-such-id', bodies: [undefined] },
  { method: 'DELETE', path: `/api/urgent/${'x'.repeat(80)}`, bodies: [undefined] },
  {
    method: 'PUT',
    path: '/api/staff/notice',
    bodies: [
      {},
      { text: '' },
      { text: 5 },
      { text: 'a'.repeat(201) },
      { text: '闭馆', expiresAt: inMinutes(-1) },
      { text: huge },
    ],
  },
  {
    method: 'PUT',
    path: '/api/staff/emergency',
    bodies: [{}, { title: '' }, { title: ['疏散'] }, { title: '<b>疏散</b>' }, { title: huge }],
  },
  {
    method: 'PATCH',
    path: '/api/staff/screens/1',
    bodies: [
      {},
      { pitchMm: '3' },
      { pitchMm: 0 },
      { viewingDistanceM: 500 },
      { layout: 'poster' },
      { id: '2' },
      { filter: { occupations: ['astronaut'] } },
      { name: huge },
    ],
  },
  { method: 'PATCH', path: '/api/staff/screens/nope', bodies: [{ pitchMm: 3 }] },
  { method: 'POST', path: '/api/staff/screens/nope/identify', bodies: [undefined] },
  { method: 'POST', path: '/api/staff/screens/nope/reload', bodies: [undefined] },
  {
    method: 'POST',
    path: '/api/staff/pairings',
    bodies: [
      {},
      { role: 'kiosk' },
      { role: 'kiosk', code: '12ab56' },
      { role: 'kiosk', code: '000000' },
      {
        role: 'board',
        screenId: 'a b',
        name: 'x',
        width: 1920,
        height: 1080,
        pitchMm: 2.5,
        viewingDistanceM: 8,
        layout: 'cards',
      },
      {
        role: 'board',
        screenId: 'x2',
        name: 'x',
        width: 'big',
        height: 1080,
        pitchMm: 2.5,
        viewingDistanceM: 8,
        layout: 'cards',
      },
      { role: 'printer' },
    ],
  },
  {
    method: 'POST',
    path: '/api/staff/accounts',
    bodies: [
      {},
      { name: '李四', pin: '12345' },
      { name: '李四', pin: '654321' },
      { name: '李四', pin: 583920 },
      { name: '李四', pin: ADMIN_PIN },
      { name: '', pin: '583920' },
    ],
  },
  { method: 'GET', path: '/api/staff/audit?limit=-1', bodies: [undefined] },
  { method: 'GET', path: '/api/staff/audit?limit=abc', bodies: [undefined] },
];

describe('bad input on every staff route', () => {
  let hall: Hall & { dataDir: string };
  let token: string;

  beforeAll(async () => {
    hall = await startTestHall({ argv: [] });
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } })).json.token;
  });
  afterAll(async () => {
    await hall?.close();
  });

  function snapshot() {
    return Promise.all([
      call(hall.url, 'GET', '/api/urgent', { token }).then((r) => ({
        urgent: r.json.urgent,
        notice: r.json.notice,
        emergency: r.json.emergency,
      })),
      call(hall.url, 'GET', '/api/staff/screens', { token }).then((r) =>
        r.json.screens.map(
          (s: { id: string; pitchMm: number; viewingDistanceM: number; layout: string; name: string }) => [
            s.id,
            s.pitchMm,
            s.viewingDistanceM,
            s.layout,
            s.name,
          ],
        ),
      ),
      call(hall.url, 'GET', '/healthz').then((r) => r.json.outboxPending),
      readFileSync(join(hall.dataDir, 'screens.json'), 'utf8'),
    ]);
  }

  it('answers 4xx with a clear message and changes nothing', async () => {
    const before = await snapshot();
    for (const c of CASES) {
      const attempts = [...c.bodies.map((body) => ({ body })), ...(c.raw ?? []).map((rawBody) => ({ rawBody }))];
      for (const attempt of attempts) {
        const r = await call(hall.url, c.method, c.path, {
          token,
          ...('rawBody' in attempt
            ? { rawBody: attempt.rawBody }
            : attempt.body === undefined
              ? {}
              : { body: attempt.body }),
        });
        const label = `${c.method} ${c.path.slice(0, 40)} ${JSON.stringify(attempt).slice(0, 80)}`;
        expectClearRefusal(r, label);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names what was wrong', async () => {
    const past = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招', expiresAt: inMinutes(-5) },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.message).toMatch(/expiresAt .* not in the future/);
    const missing = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: '急招' } });
    expect(missing.json.error.message).toMatch(/expiresAt/);
    const big = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: huge, expiresAt: inMinutes(10) } });
    expect(big.status).toBe(413);
    const screen = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招', expiresAt: inMinutes(10), screens: ['no-such-screen'] },
    });
    expect(screen.json.error.message).toMatch(/no-such-screen/);
  });
});
