import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import {
  createKioskDevices,
  createPairingRequests,
  LOCAL_KIOSK_ID,
  PairingError,
} from '../../../electron/host/devices';
import { createLimitCounters } from '../../../electron/host/server/limit-counters';
import { silentLog } from '../../support/silent-log';

function devices(now = { t: 1_000_000 }) {
  const db = openDatabase(':memory:');
  const log = silentLog();
  const pairings = createPairingRequests({
    clock: () => now.t,
    limits: createLimitCounters({ log, clock: () => now.t }),
  });
  const d = createKioskDevices({ db, pairings, clock: () => now.t, log });
  // each pairing from its own address, as kiosks on the hall network are
  let n = 0;
  return { db, now, d: { ...d, requestPairing: (address = `10.0.0.${++n}`) => d.requestPairing(address) } };
}

describe('kiosk devices', () => {
  it("authorises the local kiosk with this start's token only", () => {
    const { d } = devices();
    const other = devices().d;
    expect(d.authorise(d.localToken)).toEqual({ deviceId: LOCAL_KIOSK_ID, kind: 'local' });
    expect(d.authorise(other.localToken)).toBeNull();
    expect(d.authorise(undefined)).toBeNull();
    expect(d.authorise('')).toBeNull();
  });

  it('pairs a kiosk once staff approve its code, and forgets the token after handing it out', () => {
    const { d } = devices();
    const p = d.requestPairing();
    expect(d.pairingState(p.pairingId)).toEqual({ status: 'pending', code: p.code, expiresAt: p.expiresAt });
    const { deviceId } = d.approvePairing(p.code, 'staff:1');
    const state = d.pairingState(p.pairingId);
    expect(state).toMatchObject({ status: 'approved', deviceId });
    expect(d.pairingState(p.pairingId)).toBeUndefined();
    const token = state?.status === 'approved' ? state.token : '';
    expect(d.authorise(token)).toEqual({ deviceId, kind: 'paired' });
    expect(d.revokeDevice(deviceId)).toBe(true);
    expect(d.authorise(token)).toBeNull();
  });

  it('lists paired kiosks, oldest first, with who approved them and when they were last seen, until revoked', () => {
    const { d, now } = devices();
    const first = d.approvePairing(d.requestPairing().code, '王主任').deviceId;
    now.t += 1000;
    const second = d.requestPairing();
    const secondId = d.approvePairing(second.code, '李四').deviceId;
    const state = d.pairingState(second.pairingId);
    now.t += 1000;
    d.authorise(state?.status === 'approved' ? state.token : '');
    expect(d.paired()).toEqual([
      { id: first, label: '', place: '', approvedBy: '王主任', createdAt: 1_000_000, lastSeenAt: null },
      { id: secondId, label: '', place: '', approvedBy: '李四', createdAt: 1_001_000, lastSeenAt: expect.any(Number) },
    ]);
    d.revokeDevice(first);
    expect(d.paired().map((k) => k.id)).toEqual([secondId]);
  });

  it('lets pairing codes expire after ten minutes', () => {
    const { d, now } = devices();
    const p = d.requestPairing();
    now.t += 10 * 60_000 + 1;
    expect(d.pairingState(p.pairingId)).toBeUndefined();
    expect(() => d.approvePairing(p.code, 'staff:1')).toThrow(PairingError);
  });

  it('limits the kiosks waiting for approval per address, not for the whole hall', () => {
    const { d } = devices();
    for (let i = 0; i < 3; i++) d.requestPairing('10.9.9.9');
    expect(() => d.requestPairing('10.9.9.9')).toThrow(/pairing codes waiting/);
    for (let i = 0; i < 30; i++) expect(d.requestPairing().code).toMatch(/^\d{6}$/);
  });
});
