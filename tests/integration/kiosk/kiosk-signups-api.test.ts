import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { createHash } from 'node:crypto';
import { openDatabase, closeDatabase } from '../../../electron/host/db/open-database';
import { BOARD_NAMESPACE } from '../../../shared/contract';
import { postSignup, signup, startKioskHall, type TestHall } from './support/kiosk-harness';

/** Rows in the hall's own tables, read through a second connection to the file. */
function tableCounts(dataDir: string): { signups: number; outbox: number } {
  const db = openDatabase(`${dataDir}/hall.db`);
  try {
    return {
      signups: (db.prepare('SELECT COUNT(*) AS n FROM signups').get() as { n: number }).n,
      outbox: (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE type = 'registration'").get() as { n: number }).n,
    };
  } finally {
    closeDatabase(db);
  }
}

describe('POST /api/registrations on a standalone hall', () => {
  let t: TestHall;
  let token: string;
  const boardMessages: string[] = [];
  let board: Socket;

  beforeAll(async () => {
    t = await startKioskHall();
    token = t.hall.localKioskToken;
    board = io(`${t.hall.url}${BOARD_NAMESPACE}`, { auth: { screenId: '1' }, transports: ['websocket'] });
    board.onAny((event: string, ...args: unknown[]) => boardMessages.push(`${event} ${JSON.stringify(args)}`));
    await new Promise<void>((resolve) => board.once('connect', () => resolve()));
  });

  afterAll(async () => {
    board?.close();
    await t?.hall.close();
  });

  it('stores a sign-up, queues nothing for an upstream the hall does not have, and answers with its id and a short number', async () => {
    const before = tableCounts(t.dataDir);
    const body = signup();
    const res = await postSignup(t.hall.url, body, token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: body.id,
      number: expect.stringMatching(/^[A-Z]-\d{4}$/),
      // the confirmation's matches (tests/integration/matching checks what they hold)
      matches: { count: expect.any(Number), postings: expect.any(Array) },
    });
    expect(tableCounts(t.dataDir)).toEqual({ signups: before.signups + 1, outbox: 0 });
    const stored = t.hall.kiosk.signups.get(body.id as string);
    expect(stored).toMatchObject({
      phone: body.phone,
      name: body.name,
      kioskId: 'kiosk-local',
      number: res.body.number,
    });
  });

  it('refuses a forged request without a device token or with a made-up one, and stores nothing', async () => {
    const before = tableCounts(t.dataDir);
    const none = await postSignup(t.hall.url, signup(), null);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: 'kiosk_unauthorised', message: expect.any(String) } });
    const forged = await postSignup(t.hall.url, signup(), 'x'.repeat(43));
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'kiosk_forbidden' } });
    expect(tableCounts(t.dataDir)).toEqual(before);
  });

  it('answers a replay with the same id with the same number and stores it once', async () => {
    const before = tableCounts(t.dataDir);
    const body = signup();
    const first = await postSignup(t.hall.url, body, token);
    const again = await Promise.all([postSignup(t.hall.url, body, token), postSignup(t.hall.url, body, token)]);
    expect(first.status).toBe(201);
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
    }
    expect(tableCounts(t.dataDir)).toEqual({ signups: before.signups + 1, outbox: 0 });
  });

  it('refuses the same id with different details instead of overwriting the first sign-up', async () => {
    const body = signup();
    await postSignup(t.hall.url, body, token);
    const before = tableCounts(t.dataDir);
    const res = await postSignup(t.hall.url, { ...body, phone: '13700001111' }, token);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'signup_conflict' } });
    expect(t.hall.kiosk.signups.get(body.id as string)?.phone).toBe(body.phone);
    expect(tableCounts(t.dataDir)).toEqual(before);
  });

  it.each([
    ['an invalid phone', { phone: '12345' }, 'phone'],
    ['a landline instead of a mobile', { phone: '0793-8278735' }, 'phone'],
    ['a phone starting 12', { phone: '12912345678' }, 'phone'],
    ['a 10,000-character name', { name: '王'.repeat(10_000) }, 'name'],
    ['an emoji name', { name: '小明😀' }, 'name'],
    ['HTML and script in the name', { name: '<script>alert(1)</script>' }, 'name'],
    ['an unknown trade', { occupations: ['hacking'] }, 'occupations'],
    ['an unknown district', { districts: ['999999'] }, 'districts'],
    ['no consent version', { consentVersion: 'none' }, 'consentVersion'],
    ['an id that is not a UUIDv7', { id: 'abc' }, 'id'],
    ['pay without its unit', { expectedPay: 200, payUnit: null }, 'payUnit'],
    ['an extra field', { isAdmin: true }, 'isAdmin'],
  ])('rejects %s with a clear 400 and stores nothing', async (_what, patch, field) => {
    const before = tableCounts(t.dataDir);
    const res = await postSignup(t.hall.url, { ...signup(), ...patch }, token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_signup' } });
    expect(JSON.stringify(res.body)).toContain(field === 'isAdmin' ? 'isAdmin' : field);
    // the error names the field, never echoes what was sent
    expect(JSON.stringify(res.body)).not.toContain('<script>');
    expect(tableCounts(t.dataDir)).toEqual(before);
  });

  it('rejects a body that is not JSON with a 400 error body', async () => {
    const res = await postSignup(t.hall.url, '{"phone":', token);
    expect(res.status).toBe(400);
    expect(res.body).toHaveProperty('error.code');
  });

  it('never shows a sign-up on public routes, pages, board sockets or unmasked in the log', async () => {
    const phone = '13655557777';
    const name = '赵秘密';
    const body = signup({ phone, name });
    expect((await postSignup(t.hall.url, body, token)).status).toBe(201);
    // whatever the sign-up set off has happened: the search index is drained, the boards are
    // re-planned (the pulse page counts seekers), and a round trip on the board socket brings
    // everything sent before it
    await t.hall.searchIndexer.drained();
    t.hall.boards.dataChanged();
    expect(
      await board
        .timeout(10_000)
        .emitWithAck('heartbeat', { planId: 'probe', pageIndex: 0, urgentIds: [], paintedAt: Date.now() }),
    ).toBe(true);

    const publicPaths = [
      '/healthz',
      '/api/listings?limit=200',
      `/api/listings?q=${encodeURIComponent(name)}`,
      `/api/listings?q=${phone}`,
      '/api/kiosk/listings?limit=200',
      `/api/kiosk/listings?q=${encodeURIComponent(name)}`,
      '/api/kiosk/summary',
      '/board/1',
      '/kiosk',
      `/api/registrations/${body.id}`,
    ];
    for (const path of publicPaths) {
      const text = await (await fetch(`${t.hall.url}${path}`)).text();
      expect(text, path).not.toContain(phone);
      expect(text, path).not.toContain(name);
    }
    const messages = boardMessages.join('\n');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).not.toContain(phone);
    expect(messages).not.toContain(name);

    const logText = t.logText();
    expect(logText).toContain('kiosk sign-up stored');
    expect(logText).toContain('136****7777');
    expect(logText).not.toContain(phone);
    expect(logText).not.toContain(name);
  });

  it('pairs a browser kiosk only after staff approve its code, and hands its token out once', async () => {
    const request = (await (await fetch(`${t.hall.url}/api/kiosk/pairings`, { method: 'POST' })).json()) as {
      pairingId: string;
      code: string;
    };
    expect(request.code).toMatch(/^\d{6}$/);
    const pending = await (await fetch(`${t.hall.url}/api/kiosk/pairings/${request.pairingId}`)).json();
    expect(pending).toMatchObject({ status: 'pending', code: request.code });

    const { deviceId } = t.hall.kiosk.approvePairing(request.code, 'staff:test');
    const approved = (await (await fetch(`${t.hall.url}/api/kiosk/pairings/${request.pairingId}`)).json()) as {
      status: string;
      token: string;
      deviceId: string;
    };
    expect(approved).toMatchObject({ status: 'approved', deviceId });
    expect((await fetch(`${t.hall.url}/api/kiosk/pairings/${request.pairingId}`)).status).toBe(404);

    const res = await postSignup(t.hall.url, signup(), approved.token);
    expect(res.status).toBe(201);
    expect(t.hall.kiosk.signups.get(res.body.id as string)?.kioskId).toBe(deviceId);

    // only a hash of the device token is on disk
    const db = openDatabase(`${t.dataDir}/hall.db`);
    const row = db.prepare('SELECT token_hash FROM kiosk_devices WHERE id = ?').get(deviceId) as { token_hash: string };
    closeDatabase(db);
    expect(row.token_hash).toBe(createHash('sha256').update(approved.token).digest('hex'));

    expect(t.hall.kiosk.devices.revokeDevice(deviceId)).toBe(true);
    expect((await postSignup(t.hall.url, signup(), approved.token)).status).toBe(403);
  });

  it('refuses to approve a code no kiosk is showing', () => {
    expect(() => t.hall.kiosk.approvePairing('000000', 'staff:test')).toThrow(/no kiosk is waiting with code/);
  });

  it("filters kiosk search by 日结 and reports today's posting counts", async () => {
    const all = (await (await fetch(`${t.hall.url}/api/kiosk/listings?limit=200`)).json()) as {
      total: number;
      listings: Array<{ settlement: string }>;
    };
    const daily = (await (await fetch(`${t.hall.url}/api/kiosk/listings?limit=200&daily=1`)).json()) as {
      total: number;
      listings: Array<{ settlement: string }>;
    };
    expect(daily.total).toBeGreaterThan(0);
    expect(daily.total).toBeLessThan(all.total);
    expect(daily.listings.every((l) => l.settlement === 'daily')).toBe(true);
    const summary = (await (await fetch(`${t.hall.url}/api/kiosk/summary`)).json()) as Record<string, number>;
    expect(summary).toMatchObject({ activeListings: all.total, dailyListings: daily.total });
  });
});
