import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { createKioskDevices, createPairingRequests } from '../../../electron/host/devices';
import { createLimitCounters } from '../../../electron/host/server/limit-counters';
import { silentLog } from '../../support/silent-log';
import { allRows, columns, databaseAt, insertRows, v4Signup } from './old-rows';
import { createSignupStore } from '../../../electron/host/signups/signup-store';
import { SignupQuerySchema } from '../../../shared/staff-data-contract';

const NOW = Date.UTC(2026, 11, 2, 8);

describe('0015-kiosk-names', () => {
  it('gives every paired kiosk an empty name and place, and keeps the rows (revoked ones too)', () => {
    const db = databaseAt(14);
    const [a, b] = insertRows(db, 'kiosk_devices', [
      {
        id: 'kiosk-0a1b2c3d',
        token_hash: 'h1',
        approved_by: '王主任',
        created_at: NOW - 86_400_000,
        last_seen_at: NOW - 60_000,
        revoked_at: null,
      },
      {
        id: 'kiosk-4e5f6a7b',
        token_hash: 'h2',
        approved_by: '李工',
        created_at: NOW - 3_600_000,
        last_seen_at: null,
        revoked_at: NOW - 60_000,
      },
    ]);
    migrateTo(db, 15);
    expect(schemaVersion(db)).toBe(15);
    expect(columns(db, 'kiosk_devices')).toEqual(expect.arrayContaining(['label', 'place']));
    expect(allRows(db, 'kiosk_devices')).toEqual([
      { ...a, label: '', place: '' },
      { ...b, label: '', place: '' },
    ]);

    // today's store names the paired one; the revoked one cannot be renamed back into the list
    const log = silentLog();
    const clock = () => NOW;
    const pairings = createPairingRequests({ clock, limits: createLimitCounters({ log, clock }) });
    const devices = createKioskDevices({ db, pairings, clock, log });
    expect(devices.rename('kiosk-0a1b2c3d', '入口左侧一体机', '一楼大厅入口')).toBe(true);
    expect(devices.rename('kiosk-4e5f6a7b', '旧机器', '')).toBe(false);
    expect(devices.paired()).toEqual([
      expect.objectContaining({ id: 'kiosk-0a1b2c3d', label: '入口左侧一体机', place: '一楼大厅入口' }),
    ]);
    // the database refuses a name longer than the console allows
    expect(() =>
      db.prepare("UPDATE kiosk_devices SET label = ? WHERE id = 'kiosk-0a1b2c3d'").run('长'.repeat(31)),
    ).toThrow(/CHECK/);
  });
});

describe('0016-signups-phone', () => {
  it('indexes sign-ups by phone, keeps the rows, and the store flags the same phone signing up again', () => {
    const db = databaseAt(15);
    const [older] = insertRows(db, 'signups', [
      v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01', number: 'A-0001', created_at: NOW }),
      v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02', number: 'A-0002', created_at: NOW + 1000 }),
      v4Signup({
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a03',
        number: 'A-0003',
        phone: '13900001111',
        created_at: NOW + 2000,
      }),
    ]);
    migrateTo(db, 16);
    expect(schemaVersion(db)).toBe(16);
    expect(allRows(db, 'signups')[0]).toMatchObject(older!);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT number FROM signups WHERE phone = '13812348000' ORDER BY created_at DESC")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('signups_phone');

    const list = createSignupStore(db).list(SignupQuerySchema.parse({}));
    const byNumber = new Map(list.signups.map((s) => [s.number, s]));
    expect(byNumber.get('A-0002')).toMatchObject({ samePhone: ['A-0001'], superseded: false });
    expect(byNumber.get('A-0001')).toMatchObject({ samePhone: ['A-0002'], superseded: true });
    expect(byNumber.get('A-0003')).toMatchObject({ samePhone: [], superseded: false });
  });
});
