import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { migrateTo, LATEST_VERSION } from '../../../electron/host/db/migrations/index';
import { hashPin, verifyPin } from '../../../electron/host/staff/pin-hash';
import { createStaffAuth, SESSION_TTL_MS, StaffAuthError } from '../../../electron/host/staff/staff-auth';
import { PinSchema } from '../../../shared/staff-contract';

function freshDb(): WritableDatabase {
  const db = new BetterSqlite3(':memory:') as WritableDatabase;
  migrateTo(db, LATEST_VERSION);
  return db;
}

async function failure(promise: Promise<unknown>): Promise<StaffAuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StaffAuthError) return error;
    throw error;
  }
  throw new Error('expected a StaffAuthError');
}

describe('PIN hashes', () => {
  it('stores scrypt with its own salt and parameters, never the PIN', async () => {
    const a = await hashPin('271828');
    const b = await hashPin('271828');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toContain('271828');
    expect(a).not.toBe(b);
    expect(await verifyPin('271828', a)).toBe(true);
    expect(await verifyPin('271829', a)).toBe(false);
  });

  it('refuses trivial PINs', () => {
    for (const pin of ['000000', '123456', '987654', '12345', 'abcdef', '1234567890123'])
      expect(PinSchema.safeParse(pin).success, pin).toBe(false);
    for (const pin of ['271828', '604211', '13579246']) expect(PinSchema.safeParse(pin).success, pin).toBe(true);
  });
});

describe('staff auth', () => {
  it('locks a device out for a period that doubles with each lock-out, and lets other devices in', async () => {
    let now = 1_000_000;
    const auth = createStaffAuth(freshDb(), () => now);
    await auth.setupFirstAdmin('王主任', '271828');
    const periods: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await failure(auth.signIn('999111', '10.0.0.9'))).code).toBe('wrong_pin');
      const locked = await failure(auth.signIn('999111', '10.0.0.9'));
      expect(locked.code).toBe('locked_out');
      periods.push(locked.retryAfterMs);
      expect((await failure(auth.signIn('271828', '10.0.0.9'))).code).toBe('locked_out');
      // another device is not affected
      expect((await auth.signIn('271828', '10.0.0.7')).name).toBe('王主任');
      now += locked.retryAfterMs + 1;
    }
    expect(periods).toEqual([30_000, 60_000, 120_000]);
    // after the lock-out the right PIN works, and resets the count
    expect((await auth.signIn('271828', '10.0.0.9')).role).toBe('admin');
  });

  it('ends sessions at their expiry and on sign-out', async () => {
    let now = 5_000_000;
    const auth = createStaffAuth(freshDb(), () => now);
    await auth.setupFirstAdmin('王主任', '271828');
    const a = await auth.signIn('271828', 'x');
    const b = await auth.signIn('271828', 'x');
    expect(auth.authenticate(a.token)?.name).toBe('王主任');
    auth.signOut(a.token);
    expect(auth.authenticate(a.token)).toBeNull();
    expect(auth.authenticate(b.token)).not.toBeNull();
    now += SESSION_TTL_MS + 1;
    expect(auth.authenticate(b.token)).toBeNull();
    expect(auth.authenticate('not-a-token')).toBeNull();
  });

  it('refuses a second account with a PIN already in use, and a second first admin', async () => {
    const auth = createStaffAuth(freshDb(), () => 1);
    await auth.setupFirstAdmin('王主任', '271828');
    expect((await failure(auth.createAccount('李四', '271828', 'staff'))).code).toBe('pin_taken');
    expect((await failure(auth.setupFirstAdmin('别人', '604211'))).code).toBe('setup_done');
  });
});

describe('PIN checks under load', () => {
  it('run one at a time and refuse at once past the queue bound, never piling up', async () => {
    const { MAX_QUEUED, PinHashBusyError, pinChecksWaiting } = await import('../../../electron/host/staff/pin-hash');
    const stored = await hashPin('271828');
    const checks = Array.from({ length: MAX_QUEUED + 8 }, () =>
      verifyPin('271828', stored).then(
        () => 'ok',
        (e: unknown) => (e instanceof PinHashBusyError ? 'busy' : 'error'),
      ),
    );
    // one runs, MAX_QUEUED wait, the rest are refused without waiting
    expect(pinChecksWaiting()).toBe(MAX_QUEUED);
    const results = await Promise.all(checks);
    expect(results.filter((r) => r === 'ok')).toHaveLength(MAX_QUEUED + 1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(7);
    expect(pinChecksWaiting()).toBe(0);
  });

  it('counts an attempt before its PIN is checked and lets one attempt per device run at a time', async () => {
    const auth = createStaffAuth(freshDb(), () => 1_000_000);
    await auth.setupFirstAdmin('王主任', '271828');
    const racing = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => auth.signIn(i === 7 ? '271828' : '999111', '10.0.0.9')),
    );
    const codes = racing.map((r) => (r.status === 'rejected' ? (r.reason as StaffAuthError).code : 'ok'));
    expect(codes.filter((c) => c === 'busy')).toHaveLength(19);
    expect(codes[0]).toBe('wrong_pin');
  });
});
