import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { startTestHall } from '../../support/in-process-hall';
import type { Hall } from '../../../electron/host/hall';
import { ADMIN_PIN, call, inMinutes, signIn } from './staff-support';
import { silentLog } from '../../support/silent-log';

/** Every staff route with a body that would be valid, so a 401 can only come from the missing token. */
const STAFF_ROUTES: Array<[string, string, unknown?]> = [
  ['DELETE', '/api/staff/session'],
  ['GET', '/api/staff/me'],
  ['POST', '/api/staff/accounts', { name: '李四', pin: '583920', role: 'staff' }],
  ['GET', '/api/staff/audit'],
  ['GET', '/api/urgent'],
  ['GET', '/api/urgent/some-id'],
  ['POST', '/api/urgent', { title: '急招搬运工', expiresAt: inMinutes(60) }],
  ['DELETE', '/api/urgent/some-id'],
  ['PUT', '/api/staff/notice', { text: '17:30 闭馆' }],
  ['DELETE', '/api/staff/notice'],
  ['PUT', '/api/staff/emergency', { title: '请疏散' }],
  ['DELETE', '/api/staff/emergency'],
  ['GET', '/api/staff/screens'],
  ['PATCH', '/api/staff/screens/1', { pitchMm: 3 }],
  ['POST', '/api/staff/screens/1/identify'],
  ['POST', '/api/staff/screens/1/reload'],
  ['POST', '/api/staff/pairings', { role: 'kiosk', code: '123456' }],
];

describe('staff sign-in on a hall started with HALL_STAFF_PIN', () => {
  let hall: Hall & { dataDir: string };

  beforeAll(async () => {
    hall = await startTestHall({ argv: [] });
  });
  afterAll(async () => {
    await hall?.close();
  });

  it('asks for the first admin on a new hall and has no default PIN', async () => {
    expect((await call(hall.url, 'GET', '/api/staff/setup')).json).toEqual({ needsSetup: true });
    for (const pin of ['000000', '123456', '1234', 'admin', '']) {
      expect((await call(hall.url, 'POST', '/api/staff/session', { body: { pin } })).status).toBeGreaterThanOrEqual(
        400,
      );
    }
    const weak = await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: '111111' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.message).toMatch(/repeated digit/);
    const created = await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: '王主任', role: 'admin' });
    expect(typeof created.json.token).toBe('string');
    const again = await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '别人', pin: '583920' } });
    expect(again.status).toBe(409);
  });

  it('refuses every staff route without a token, or with a wrong one, with 401', async () => {
    for (const [method, path, body] of STAFF_ROUTES) {
      const none = await call(hall.url, method, path, body === undefined ? {} : { body });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.json.error.code, `${method} ${path}`).toBe('staff_unauthorised');
      const forged = await call(hall.url, method, path, {
        token: 'forged-token',
        ...(body === undefined ? {} : { body }),
      });
      expect(forged.status, `${method} ${path} forged`).toBe(401);
    }
    // nothing happened: no urgent posting, no notice, the screen unchanged
    const token = await signIn(hall.url);
    const list = await call(hall.url, 'GET', '/api/urgent', { token });
    expect(list.json.urgent).toEqual([]);
    expect(list.json.notice).toBeNull();
    const screens = await call(hall.url, 'GET', '/api/staff/screens', { token });
    expect(screens.json.screens[0].pitchMm).toBe(2.5);
  });

  it('ends a session on sign-out', async () => {
    const token = await signIn(hall.url);
    expect((await call(hall.url, 'GET', '/api/staff/me', { token })).status).toBe(200);
    expect((await call(hall.url, 'DELETE', '/api/staff/session', { token })).status).toBe(200);
    expect((await call(hall.url, 'GET', '/api/staff/me', { token })).status).toBe(401);
  });

  it('writes an audit row, with who and when, for each staff action', async () => {
    const token = await signIn(hall.url);
    // by id, not time: the sign-in's own row can fall in the same millisecond as a clock read
    const seen = await call(hall.url, 'GET', '/api/staff/audit?limit=1', { token });
    const lastBefore = (seen.json.entries as Array<{ id: number }>)[0]!.id;
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招搬运工 3 人', expiresAt: inMinutes(30) },
    });
    expect(posted.status).toBe(201);
    const steps: Array<[string, string, unknown?]> = [
      ['DELETE', `/api/urgent/${posted.json.id}`],
      ['PUT', '/api/staff/notice', { text: '今日 17:30 闭馆' }],
      ['DELETE', '/api/staff/notice'],
      ['PUT', '/api/staff/emergency', { title: '消防演练' }],
      ['DELETE', '/api/staff/emergency'],
      ['POST', '/api/staff/screens/1/identify'],
      ['POST', '/api/staff/screens/1/reload'],
      ['PATCH', '/api/staff/screens/1', { viewingDistanceM: 10 }],
      ['POST', '/api/staff/accounts', { name: '李四', pin: '583920' }],
    ];
    for (const [method, path, body] of steps) {
      const r = await call(hall.url, method, path, { token, ...(body === undefined ? {} : { body }) });
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.json)}`).toBeLessThan(300);
    }
    const audit = await call(hall.url, 'GET', '/api/staff/audit?limit=50', { token });
    const actions = (audit.json.entries as Array<{ id: number; action: string; accountName: string }>).filter(
      (e) => e.id > lastBefore,
    );
    expect(actions.map((e) => e.action).reverse()).toEqual([
      'urgent.create',
      'urgent.retract',
      'notice.set',
      'notice.clear',
      'emergency.set',
      'emergency.clear',
      'screen.identify',
      'screen.reload',
      'screen.update',
      'account.create',
    ]);
    expect(new Set(actions.map((e) => e.accountName))).toEqual(new Set(['王主任']));
    // the second account signs in with its own PIN and is audited as itself
    const li = await signIn(hall.url, '583920');
    expect((await call(hall.url, 'GET', '/api/staff/me', { token: li })).json).toMatchObject({
      name: '李四',
      role: 'staff',
    });
    expect(
      (await call(hall.url, 'POST', '/api/staff/accounts', { token: li, body: { name: '赵六', pin: '749302' } }))
        .status,
    ).toBe(403);
  });

  it('approves a browser kiosk by its code and lists it beside the local kiosk', async () => {
    const token = await signIn(hall.url);
    const pairing = (await (await fetch(`${hall.url}/api/kiosk/pairings`, { method: 'POST' })).json()) as {
      code: string;
    };
    const approved = await call(hall.url, 'POST', '/api/staff/pairings', {
      token,
      body: { role: 'kiosk', code: pairing.code },
    });
    expect(approved.status, JSON.stringify(approved.json)).toBeLessThan(300);
    const screens = await call(hall.url, 'GET', '/api/staff/screens', { token });
    expect(screens.json.kiosks).toEqual([
      {
        id: 'kiosk-local',
        kind: 'local',
        label: '',
        place: '',
        approvedBy: null,
        createdAt: null,
        lastSeenAt: null,
        status: null,
      },
      {
        id: expect.any(String),
        kind: 'paired',
        // not named yet: the console shows 未命名的一体机 1
        label: '',
        place: '',
        approvedBy: '王主任',
        createdAt: expect.any(Number),
        lastSeenAt: null,
        // no kiosk has said yet whether it can read aloud
        status: null,
      },
    ]);
  });
});

describe('lock-out after wrong PINs', () => {
  let hall: Hall & { dataDir: string };

  beforeAll(async () => {
    hall = await startTestHall({ argv: [] });
    await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
  });
  afterAll(async () => {
    await hall?.close();
  });

  it('locks the device out after 5 wrong PINs, even for the right PIN, and audits each attempt', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await call(hall.url, 'POST', '/api/staff/session', { body: { pin: '902817' } });
      expect(r.status, `attempt ${i}`).toBe(401);
      expect(r.json.error.code).toBe('wrong_pin');
    }
    const fifth = await call(hall.url, 'POST', '/api/staff/session', { body: { pin: '902817' } });
    expect(fifth.status).toBe(429);
    expect(fifth.json.error.message).toMatch(/30 s/);
    const right = await call(hall.url, 'POST', '/api/staff/session', { body: { pin: ADMIN_PIN } });
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('locked_out');

    // the lock-out is in the database (a restart does not lift it), and so are the attempts
    const db = new BetterSqlite3(join(hall.dataDir, 'hall.db'), { readonly: true });
    try {
      const lock = db.prepare('SELECT lockouts, locked_until FROM staff_lockouts').get() as {
        lockouts: number;
        locked_until: number;
      };
      expect(lock.lockouts).toBe(1);
      expect(lock.locked_until).toBeGreaterThan(Date.now() + 20_000);
      const rows = db
        .prepare("SELECT action, account_name FROM staff_audit WHERE action LIKE 'session.%' ORDER BY id")
        .all() as Array<{ action: string; account_name: string | null }>;
      expect(rows.map((r) => r.action)).toEqual([
        'session.signin',
        ...Array(4).fill('session.wrong_pin'),
        'session.locked_out',
        'session.locked_out',
      ]);
      expect(rows.slice(1).every((r) => r.account_name === null)).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('HALL_STAFF_PIN', () => {
  it('becomes the first admin PIN when no account exists', async () => {
    const hall = await startTestHall({ argv: [], deps: {} });
    await hall.close();
    const { hallOptionsFrom } = await import('../../../electron/host/config');
    const { startHall } = await import('../../../electron/host/hall');
    const withPin = await startHall(
      hallOptionsFrom(['--port', '0', '--data', hall.dataDir], { HALL_STAFF_PIN: '604211' }),
      { log: silentLog() },
    );
    try {
      expect((await call(withPin.url, 'GET', '/api/staff/setup')).json).toEqual({ needsSetup: false });
      expect(typeof (await signIn(withPin.url, '604211'))).toBe('string');
    } finally {
      await withPin.close();
    }
  });
});
