import { describe, expect, it } from 'vitest';
import {
  createPairingRequests,
  PAIRING_TTL_MS,
  type PairingError,
} from '../../../electron/host/devices/pairing-requests';
import { createLimitCounters } from '../../../electron/host/server/limit-counters';
import { silentLog } from '../../support/silent-log';

function setup(tuning = {}) {
  let now = 1_000_000;
  const limits = createLimitCounters({ log: silentLog(), clock: () => now });
  const pairings = createPairingRequests({ clock: () => now, limits, tuning });
  return { pairings, limits, advance: (ms: number) => (now += ms) };
}

describe('pairing requests', () => {
  it('lets one address hold a few open requests and start new ones slowly, never blocking another address', () => {
    const { pairings, advance } = setup();
    for (let i = 0; i < 3; i++) pairings.request('board', '10.0.0.5', '1');
    let refusal: PairingError | null = null;
    try {
      pairings.request('kiosk', '10.0.0.5');
    } catch (e) {
      refusal = e as PairingError;
    }
    expect(refusal).toMatchObject({ code: 'too_many_pairings' });
    expect(refusal!.retryAfterMs).toBe(PAIRING_TTL_MS);
    expect(pairings.request('kiosk', '10.0.0.6').kind).toBe('kiosk');
    // once its requests expire, the address may ask again
    advance(PAIRING_TTL_MS);
    expect(pairings.request('board', '10.0.0.5', '1').kind).toBe('board');
  });

  it('limits how fast one address starts requests even when it collects them at once', () => {
    const { pairings } = setup();
    const started = [];
    for (let i = 0; i < 10; i++) {
      try {
        const p = pairings.request('kiosk', '10.0.0.7');
        pairings.approve(p, { deviceId: `k${i}`, token: 't' });
        pairings.collect(p.pairingId);
        started.push(p);
      } catch (e) {
        expect((e as PairingError).retryAfterMs).toBeGreaterThan(0);
      }
    }
    expect(started).toHaveLength(5);
  });

  it('keeps codes unique across kiosks and boards, finds them by code and kind, and hands an approval out once', () => {
    const { pairings } = setup({ openPerAddress: 100, burstPerAddress: 100 });
    const all = Array.from({ length: 60 }, (_, i) => pairings.request(i % 2 ? 'kiosk' : 'board', '10.0.0.8', '1'));
    expect(new Set(all.map((p) => p.code)).size).toBe(60);
    const board = all[0]!;
    expect(pairings.byCode(board.code, 'kiosk')).toBeUndefined();
    expect(pairings.byCode(` ${board.code} `)).toBe(board);
    pairings.approve(board, { deviceId: 'board-1', token: 'secret' });
    expect(pairings.byCode(board.code)).toBeUndefined();
    expect(pairings.collect(board.pairingId)?.approved).toEqual({ deviceId: 'board-1', token: 'secret' });
    expect(pairings.collect(board.pairingId)).toBeUndefined();
  });

  it('holds at most maxPending for the hall, dropping the oldest first', () => {
    const { pairings, limits } = setup({ maxPending: 5, openPerAddress: 100, burstPerAddress: 100 });
    const first = Array.from({ length: 5 }, (_, i) => pairings.request('kiosk', `10.1.0.${i}`));
    const late = pairings.request('kiosk', '10.2.0.1');
    expect(pairings.collect(first[0]!.pairingId)).toBeUndefined();
    expect(pairings.collect(late.pairingId)).toBe(late);
    expect(limits.snapshot()['pairing.hall_full']!.total).toBe(1);
  });
});
