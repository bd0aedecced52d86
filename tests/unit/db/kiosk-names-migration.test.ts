import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { createKioskDevices, createPairingRequests } from '../../../electron/host/devices';
import { createLimitCounters } from '../../../electron/host/server/limit-counters';
import { silentLog } from '../../support/silent-log';
import { allRows, columns, databaseAt, insertRow } from './old-rows';

const NOW = Date.UTC(2026, 11, 2, 8);

describe('0015-kiosk-names', () => {
  it('gives every paired kiosk an empty name and place, and keeps the rows (revoked ones too)', () => {
    const db = databaseAt(14);
    const a = insertRow(db, 'kiosk_devices', {
      id: 'kiosk-0a1b2c3d',
      token_hash: 'h1',
      approved_by: '王主任',
      created_at: NOW - 86_400_000,
      last_seen_at: NOW - 60_000,
      revoked_at: null,
    });
    const b = insertRow(db, 'kiosk_devices', {
      id: 'kiosk-4e5f6a7b',
      token_hash: 'h2',
      approved_by: '李工',
      created_at: NOW - 3_600_000,
      last_seen_at: null,
      revoked_at: NOW - 60_000,
    });
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
