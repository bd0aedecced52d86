/**
 * Sign-in cannot be raced: an address has one attempt in flight (the rest are refused at once,
 * before any PIN is checked), each attempt is counted before its PIN is checked, and attempts
 * refused while locked out are summed into one audit row per period.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';
import { ADMIN_PIN, call } from './staff-support';

const WRONG = '902817';

describe('racing sign-ins from one device', () => {
  let hall: Hall & { dataDir: string };
  beforeAll(async () => {
    hall = await startTestHall();
    await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
  });
  afterAll(() => hall?.close());

  const signIn = (pin: string) => call(hall.url, 'POST', '/api/staff/session', { body: { pin } });
  const auditRows = () => {
    const db = new BetterSqlite3(join(hall.dataDir, 'hall.db'), { readonly: true });
    try {
      return db
        .prepare("SELECT action, detail FROM staff_audit WHERE action LIKE 'session.%' ORDER BY id")
        .all() as Array<{ action: string; detail: string }>;
    } finally {
      db.close();
    }
  };

  it('checks one PIN at a time per device, so a burst of wrong PINs still locks it out', async () => {
    // waves of 50 wrong PINs at once: all but one per wave are refused unchecked
    const statuses: number[] = [];
    for (let wave = 0; wave < 6; wave++)
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, () => signIn(WRONG)))).map((r) => r.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429).length).toBe(296);
    const locked = await signIn(ADMIN_PIN);
    expect(locked).toMatchObject({ status: 429, json: { error: { code: 'locked_out' } } });
  });

  it('gives no token to 100 parallel attempts with the right PIN among them, and sums them into one audit row', async () => {
    const before = auditRows().length;
    const summaryAttempts = () =>
      JSON.parse(
        auditRows()
          .filter((r) => r.action === 'session.locked_out')
          .at(-1)!.detail,
      ).attempts as number;
    const attemptsBefore = summaryAttempts();
    const attempts = Array.from({ length: 100 }, (_, i) => (i === 57 ? ADMIN_PIN : WRONG));
    const answers = await Promise.all(attempts.map((pin) => signIn(pin)));
    expect(answers.filter((a) => a.status === 201)).toEqual([]);
    expect(answers.every((a) => a.status === 429 && a.json.error.code === 'locked_out')).toBe(true);
    // no new row: the refusals went into this period's summary row, opened by the refusal above
    expect(auditRows().slice(before)).toHaveLength(0);
    expect(summaryAttempts()).toBe(attemptsBefore + 100);
    // the lock-out holds
    expect((await signIn(ADMIN_PIN)).status).toBe(429);
    expect(summaryAttempts()).toBe(attemptsBefore + 101);
    const health = await (await fetch(`${hall.url}/healthz`)).json();
    expect(health.limits['signin.locked_out'].total).toBe(attemptsBefore + 101);
    expect(health.limits['signin.busy'].total).toBeGreaterThan(0);
  });

  it('keeps the audit at one row per kind and period however many attempts come', async () => {
    const rows = auditRows();
    expect(rows.map((r) => r.action).sort()).toEqual([
      'session.busy',
      'session.locked_out',
      'session.locked_out',
      'session.signin',
      ...Array(4).fill('session.wrong_pin'),
    ]);
    // 402 attempts in all (300 + 1 + 100 + 1), 5 of them checked: the rest are summed
    const summed = rows
      .filter((r) => r.action !== 'session.signin' && r.action !== 'session.wrong_pin')
      .map((r) => JSON.parse(r.detail).attempts ?? 1);
    expect(summed.reduce((a, b) => a + b, 0)).toBe(402 - 4);
  });
});
