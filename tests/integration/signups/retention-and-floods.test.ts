/**
 * Personal data follows retention everywhere, and floods are bounded:
 * - a standalone hall queues nothing for an upstream it does not have, and a purged sign-up
 *   leaves its phone and name in no table of the database file (every table read, and the
 *   file's bytes searched);
 * - a hub-connected hall's sign-up that never reached the platform is dropped with its
 *   outbox item once past retention, and the drop is audited;
 * - the console finds a sign-up by number, last 4 digits or whole phone only, and audits
 *   searches by phone;
 * - a paired kiosk posting in a loop gets 429 with a retry time after a burst.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hall } from '../../../electron/host/hall';
import { postSignup, signup, startKioskHall, type TestHall } from '../kiosk/support/kiosk-harness';
import { ADMIN_PIN, call } from '../staff/staff-support';

const DAY = 86_400_000;
const PHONE = '13987654321';
const NAME = '欧阳秘密';

/** Every row of every table in the file, as text, and the file's own bytes (WAL included). */
function everything(dataDir: string): { rows: string; bytes: Buffer } {
  const file = join(dataDir, 'hall.db');
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['signups', 'outbox', 'staff_audit', 'signup_purges']));
    const rows = tables
      .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).all()))
      .join('\n');
    const bytes = Buffer.concat([
      readFileSync(file),
      ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : []),
    ]);
    return { rows, bytes };
  } finally {
    db.close();
  }
}

describe('retention and floods', () => {
  let t: TestHall | null = null;
  afterEach(async () => {
    await t?.hall.close();
    t = null;
  });

  async function hallAt(
    now: { ms: number },
    args: string[] = [],
  ): Promise<{ hall: Hall; token: () => Promise<string>; dataDir: string }> {
    t = await startKioskHall({ args, deps: { clock: () => now.ms } });
    const hall = t.hall;
    await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
    const token = async () =>
      (await call(hall.url, 'POST', '/api/staff/session', { body: { pin: ADMIN_PIN } })).json.token as string;
    return { hall, token, dataDir: t.dataDir };
  }

  it('leaves no phone or name in any table, nor in the file, once a standalone hall purges a sign-up', async () => {
    const now = { ms: Date.now() };
    const { hall, token, dataDir } = await hallAt(now);
    expect((await postSignup(hall.url, signup({ phone: PHONE, name: NAME }), hall.localKioskToken)).status).toBe(201);
    // standalone: nothing is queued for an upstream the hall does not have
    expect((await (await fetch(`${hall.url}/healthz`)).json()).outboxPending).toBe(0);
    const before = everything(dataDir);
    expect(before.rows).toContain(PHONE);
    expect(before.bytes.includes(Buffer.from(PHONE))).toBe(true);

    now.ms += 91 * DAY;
    const purged = await call(hall.url, 'POST', '/api/staff/signups/purge', { token: await token() });
    expect(purged.json).toMatchObject({ removed: 1, outboxDropped: 0 });
    const after = everything(dataDir);
    for (const secret of [PHONE, NAME]) {
      expect(after.rows).not.toContain(secret);
      expect(after.bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('drops, and audits, a hub-connected hall’s sign-up that never reached the platform once it is past retention', async () => {
    const now = { ms: Date.now() };
    // a hub that is never there
    const { hall, token, dataDir } = await hallAt(now, [
      '--hub',
      'http://127.0.0.1:9',
      '--hall-id',
      'h',
      '--hub-token',
      't',
    ]);
    expect((await postSignup(hall.url, signup({ phone: PHONE, name: NAME }), hall.localKioskToken)).status).toBe(201);
    expect((await (await fetch(`${hall.url}/healthz`)).json()).outboxPending).toBe(1);

    now.ms += 91 * DAY;
    const staff = await token();
    const purged = await call(hall.url, 'POST', '/api/staff/signups/purge', { token: staff });
    expect(purged.json).toMatchObject({ removed: 1, outboxDropped: 1 });
    expect((await (await fetch(`${hall.url}/healthz`)).json()).outboxPending).toBe(0);
    const audit = (await call(hall.url, 'GET', '/api/staff/audit?action=signup.purge', { token: staff })).json.entries;
    expect(audit[0]).toMatchObject({ accountName: '王主任', detail: { removed: 1, outboxDropped: 1 } });
    const after = everything(dataDir);
    expect(after.rows).not.toContain(PHONE);
    expect(after.bytes.includes(Buffer.from(PHONE))).toBe(false);
  });

  it('finds a sign-up by number, last 4 digits or whole phone only, and audits searches by phone', async () => {
    const now = { ms: Date.now() };
    const { hall, token } = await hallAt(now);
    const made = await postSignup(hall.url, signup({ phone: PHONE, name: NAME }), hall.localKioskToken);
    await postSignup(hall.url, signup({ phone: '13800001234' }), hall.localKioskToken);
    const staff = await token();
    const search = (q: string) =>
      call(hall.url, 'GET', `/api/staff/signups?q=${encodeURIComponent(q)}`, { token: staff });
    const ids = async (q: string) => (await search(q)).json.signups.map((s: { number: string }) => s.number);
    expect(await ids(String(made.body.number))).toEqual([made.body.number]);
    expect(await ids(String(made.body.number).toLowerCase())).toEqual([made.body.number]);
    expect(await ids('4321')).toEqual([made.body.number]);
    expect(await ids(PHONE)).toEqual([made.body.number]);
    expect(await ids('139 8765 4321')).toEqual([made.body.number]);
    // no name, no part of a number: a masked phone cannot be recovered a digit at a time
    for (const q of [NAME, '欧阳', '139', '13987', '1398765432', '87654']) {
      const r = await search(q);
      expect(r.status, q).toBe(400);
      expect(r.json.error.code).toBe('invalid_query');
    }
    const audit = (await call(hall.url, 'GET', '/api/staff/audit?action=signup.search', { token: staff })).json.entries;
    expect(audit.map((e: { detail: unknown }) => e.detail)).toEqual([
      { by: 'phone', q: '139****4321', results: 1 },
      { by: 'phone', q: '139****4321', results: 1 },
      { by: 'last4', q: '****4321', results: 1 },
    ]);
    expect(JSON.stringify(audit)).not.toContain(PHONE);
  });

  it('answers a paired kiosk posting in a loop with 429 and a retry time after a burst, and says so in /healthz', async () => {
    const now = { ms: Date.now() };
    const { hall, token } = await hallAt(now);
    const asked = (await (await fetch(`${hall.url}/api/kiosk/pairings`, { method: 'POST' })).json()) as {
      pairingId: string;
      code: string;
    };
    expect(
      (
        await call(hall.url, 'POST', '/api/staff/pairings', {
          token: await token(),
          body: { role: 'device', code: asked.code },
        })
      ).status,
    ).toBe(201);
    const device = (await (await fetch(`${hall.url}/api/kiosk/pairings/${asked.pairingId}`)).json()) as {
      token: string;
    };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${hall.url}/api/registrations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(signup()),
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 6)).toEqual(Array(6).fill(201));
    expect(statuses.slice(6)).toEqual(Array(14).fill(429));
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // a person later is welcome again
    now.ms += 60_000;
    expect(
      (
        await fetch(`${hall.url}/api/registrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(signup()),
        })
      ).status,
    ).toBe(201);
    const health = await (await fetch(`${hall.url}/healthz`)).json();
    expect(health.limits['kiosk.signup_rate'].total).toBe(14);
  });
});
