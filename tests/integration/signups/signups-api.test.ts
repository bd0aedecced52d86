import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { openDatabase, closeDatabase } from '../../../electron/host/db/open-database';
import { createSignupIntake } from '../../../electron/host/signups/signup-intake';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import { call } from '../staff/staff-support';
import { hallWithAdmin, type TestHall } from '../postings/postings-support';

const DAY = 86_400_000;

interface Made {
  id: string;
  phone: string;
  name: string;
  daysAgo: number;
  delivered: boolean;
}

/** Sign-ups written as the kiosk writes them, through a second connection to the hall's file. */
function writeSignups(dataDir: string, now: number, rows: Omit<Made, 'id'>[]): Made[] {
  const db = openDatabase(join(dataDir, 'hall.db'));
  try {
    const store = createSignupIntake(db);
    const outbox = createOutboxStore(db);
    return rows.map((r) => {
      const at = now - r.daysAgo * DAY;
      const id = uuidv7();
      store.add(
        {
          id,
          phone: r.phone,
          name: r.name,
          occupations: ['moving'],
          districts: ['361102'],
          availability: ['today'],
          expectedPay: null,
          payUnit: null,
          listingId: null,
          consentVersion: 'kiosk-2025-1',
          consentAt: new Date(at).toISOString(),
        },
        'kiosk-local',
        at,
      );
      if (r.delivered) outbox.markDelivered(id, at + 1000);
      return { ...r, id };
    });
  } finally {
    closeDatabase(db);
  }
}

function outboxRow(dataDir: string, id: string) {
  const db = openDatabase(join(dataDir, 'hall.db'));
  try {
    return createOutboxStore(db).get(id);
  } finally {
    closeDatabase(db);
  }
}

describe('sign-ups in the console', () => {
  let hall: TestHall;
  let token: string;
  let made: Made[];

  beforeAll(async () => {
    ({ hall, token } = await hallWithAdmin());
    const now = Date.now();
    made = writeSignups(hall.dataDir, now, [
      { phone: '13812348000', name: '张三', daysAgo: 1, delivered: true },
      { phone: '13912345678', name: '欧阳娜娜', daysAgo: 89, delivered: false },
      { phone: '13700001111', name: '', daysAgo: 91, delivered: true },
      { phone: '13600002222', name: '李四', daysAgo: 120, delivered: false },
      { phone: '13500003333', name: '王五', daysAgo: 200, delivered: true },
    ]);
  });
  afterAll(async () => {
    await hall?.close();
  });

  it('lists phones and names masked by default', async () => {
    const r = await call(hall.url, 'GET', '/api/staff/signups', { token });
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(5);
    const byId = new Map(r.json.signups.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(made[0]!.id)).toMatchObject({ phone: '138****8000', name: '张*', delivered: true });
    expect(byId.get(made[1]!.id)).toMatchObject({ phone: '139****5678', name: '欧***', delivered: false });
    expect(JSON.stringify(r.json)).not.toMatch(/13812348000|张三|欧阳娜娜/);
  });

  it('exports a masked CSV by default, and a revealed one only with a reason, both audited', async () => {
    const masked = await fetch(`${hall.url}/api/staff/signups/export.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await masked.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(masked.headers.get('content-type')).toMatch(/text\/csv/);
    // a BOM first, so Excel opens the UTF-8 file with the right characters
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).startsWith('编号,电话,姓名')).toBe(true);
    expect(text).toContain('138****8000');
    expect(text).not.toMatch(/13812348000|张三/);

    const noReason = await call(hall.url, 'GET', '/api/staff/signups/export.csv?reveal=1', { token });
    expect(noReason.status).toBe(400);
    const revealed = await fetch(
      `${hall.url}/api/staff/signups/export.csv?reveal=1&reason=${encodeURIComponent('回访求职者')}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const full = await revealed.text();
    expect(full).toContain('13812348000');
    expect(full).toContain('张三');
    const audit = (await call(hall.url, 'GET', '/api/staff/audit?limit=20', { token })).json.entries;
    expect(audit.find((e: { action: string }) => e.action === 'signup.export_revealed')).toMatchObject({
      accountName: '王主任',
      detail: { rows: 5, reason: '回访求职者' },
    });
    expect(audit.some((e: { action: string }) => e.action === 'signup.export')).toBe(true);
  });

  it('reveals one sign-up only with a reason, and writes who, which and why to the audit log', async () => {
    const id = made[0]!.id;
    const refused = await call(hall.url, 'POST', `/api/staff/signups/${id}/reveal`, { token, body: {} });
    expect(refused.status).toBe(400);
    const before = (await call(hall.url, 'GET', '/api/staff/audit?action=signup.reveal', { token })).json.entries
      .length;
    expect(before).toBe(0);
    const r = await call(hall.url, 'POST', `/api/staff/signups/${id}/reveal`, { token, body: { reason: '电话回访' } });
    expect(r.json).toEqual({ id, phone: '13812348000', name: '张三' });
    const entries = (await call(hall.url, 'GET', '/api/staff/audit?action=signup.reveal', { token })).json.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ accountName: '王主任', target: id, detail: { reason: '电话回访' } });
    // the list stays masked afterwards
    const list = await call(hall.url, 'GET', '/api/staff/signups', { token });
    expect(JSON.stringify(list.json)).not.toContain('13812348000');
  });

  it('marks a sign-up contacted and back', async () => {
    const id = made[0]!.id;
    const on = await call(hall.url, 'PUT', `/api/staff/signups/${id}/contacted`, { token, body: { contacted: true } });
    expect(on.json).toMatchObject({ contactedBy: '王主任' });
    expect(on.json.contactedAt).toEqual(expect.any(Number));
    const off = await call(hall.url, 'PUT', `/api/staff/signups/${id}/contacted`, {
      token,
      body: { contacted: false },
    });
    expect(off.json).toMatchObject({ contactedAt: null, contactedBy: null });
  });

  it('purges the sign-ups past retention with their outbox items, delivered or not, and counts the undelivered ones it drops', async () => {
    const r = await call(hall.url, 'POST', '/api/staff/signups/purge', { token });
    expect(r.status).toBe(200);
    // 90 days by default: the 91, 120 and 200 day old ones go; 1 and 89 stay
    expect(r.json).toMatchObject({ removed: 3, outboxRemoved: 2, outboxWaiting: 0, outboxDropped: 1 });
    const left = (await call(hall.url, 'GET', '/api/staff/signups', { token })).json.signups
      .map((s: { id: string }) => s.id)
      .sort();
    expect(left).toEqual([made[0]!.id, made[1]!.id].sort());
    expect(outboxRow(hall.dataDir, made[2]!.id)).toBeUndefined();
    expect(outboxRow(hall.dataDir, made[4]!.id)).toBeUndefined();
    // the 120-day one never reached the platform: past retention its copy goes too (counted above)
    expect(outboxRow(hall.dataDir, made[3]!.id)).toBeUndefined();
    // the kept ones keep their outbox items
    expect(outboxRow(hall.dataDir, made[0]!.id)).toBeDefined();

    const second = await call(hall.url, 'POST', '/api/staff/signups/purge', { token });
    expect(second.json).toMatchObject({ removed: 0, outboxRemoved: 0, outboxWaiting: 0, outboxDropped: 0 });
    expect(outboxRow(hall.dataDir, made[1]!.id)).toBeDefined();

    // a shorter retention, set by an admin, takes the 89-day one (never delivered) on the next purge
    expect((await call(hall.url, 'PUT', '/api/staff/signups/retention', { token, body: { days: 30 } })).status).toBe(
      200,
    );
    const third = await call(hall.url, 'POST', '/api/staff/signups/purge', { token });
    expect(third.json).toMatchObject({ removed: 1, outboxRemoved: 0, outboxWaiting: 0, outboxDropped: 1 });
    expect(outboxRow(hall.dataDir, made[1]!.id)).toBeUndefined();
    const actions = (await call(hall.url, 'GET', '/api/staff/audit?action=signup.purge', { token })).json.entries;
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatchObject({ detail: { outboxDropped: 1 } });
  });
});
