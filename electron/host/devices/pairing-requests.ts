/**
 * Devices asking to be paired (a browser kiosk, a board page on the hall network): each gets a
 * secret pairing id and a 6-digit code to show; staff approve the code in the console, and the
 * device collects its token once with the pairing id.
 *
 * Anyone on the hall network can ask, so asking is bounded per address, never by one global
 * count that a single client could fill: an address may have a few requests open and start a
 * new one every few seconds (then PairingError `too_many_pairings` with a retry time); the
 * whole hall holds at most `maxPending` (the oldest goes first, so a flood from many addresses
 * cannot lock out a real device either). Codes are unique across kiosks and boards, so the
 * console can approve any of them by code alone. Pending requests live in memory: a host
 * restart simply asks the device to show a new code.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createKeyedLimiter } from '../server/rate-limit';
import type { LimitCounters } from '../server/limit-counters';

export const PAIRING_TTL_MS = 10 * 60_000;

export type DeviceKind = 'kiosk' | 'board';

export class PairingError extends Error {
  override name = 'PairingError';
  constructor(
    readonly code: 'unknown_code' | 'too_many_pairings',
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

export interface PendingPairing {
  pairingId: string;
  kind: DeviceKind;
  code: string;
  expiresAt: number;
  address: string;
  /** The screen a board page asks to show. */
  screenId: string | null;
  approved: { deviceId: string; token: string } | null;
}

export interface PairingTuning {
  /** Requests one address may have open at once. */
  openPerAddress: number;
  /** New requests per address: a burst, then one every 1/refill seconds. */
  burstPerAddress: number;
  perAddressPerS: number;
  maxPending: number;
}

export const DEFAULT_PAIRING_TUNING: PairingTuning = {
  openPerAddress: 3,
  burstPerAddress: 5,
  perAddressPerS: 0.2,
  maxPending: 500,
};

export interface PairingRequests {
  request(kind: DeviceKind, address: string, screenId?: string | null): PendingPairing;
  /** Undefined when unknown or expired. An approved request is handed out (and forgotten) once. */
  collect(pairingId: string): PendingPairing | undefined;
  /** The pending request showing `code` (of `kind`, or any kind), not yet approved. */
  byCode(code: string, kind?: DeviceKind): PendingPairing | undefined;
  approve(pairing: PendingPairing, approved: { deviceId: string; token: string }): void;
}

export function createPairingRequests(deps: {
  clock: () => number;
  limits: LimitCounters;
  tuning?: Partial<PairingTuning>;
}): PairingRequests {
  const { clock, limits } = deps;
  const tuning = { ...DEFAULT_PAIRING_TUNING, ...deps.tuning };
  const pending = new Map<string, PendingPairing>();
  const perAddress = createKeyedLimiter({
    capacity: tuning.burstPerAddress,
    refillPerS: tuning.perAddressPerS,
    maxKeys: 5000,
  });

  function dropExpired(now: number): void {
    for (const [id, p] of pending) if (p.expiresAt <= now) pending.delete(id);
  }

  function refuse(address: string, retryAfterMs: number, why: string): never {
    limits.hit('pairing.per_address', { address });
    throw new PairingError(
      'too_many_pairings',
      `requestPairing: ${why}; try again in ${Math.ceil(retryAfterMs / 1000)} s`,
      retryAfterMs,
    );
  }

  return {
    request(kind, address, screenId = null) {
      const now = clock();
      dropExpired(now);
      const open = [...pending.values()].filter((p) => p.address === address && !p.approved);
      if (open.length >= tuning.openPerAddress) {
        const soonest = Math.min(...open.map((p) => p.expiresAt));
        refuse(address, soonest - now, `this device already has ${open.length} pairing codes waiting for approval`);
      }
      if (!perAddress.take(address, now))
        refuse(address, perAddress.retryAfterMs(address, now), 'too many pairing requests from this device');
      if (pending.size >= tuning.maxPending) {
        limits.hit('pairing.hall_full');
        pending.delete(pending.keys().next().value!);
      }
      const used = new Set([...pending.values()].map((p) => p.code));
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (used.has(code));
      const pairing: PendingPairing = {
        pairingId: randomBytes(24).toString('base64url'),
        kind,
        code,
        expiresAt: now + PAIRING_TTL_MS,
        address,
        screenId,
        approved: null,
      };
      pending.set(pairing.pairingId, pairing);
      return pairing;
    },
    collect(pairingId) {
      dropExpired(clock());
      const p = pending.get(pairingId);
      if (p?.approved) pending.delete(pairingId);
      return p;
    },
    byCode(code, kind) {
      dropExpired(clock());
      const wanted = code.trim();
      return [...pending.values()].find(
        (p) => p.code === wanted && !p.approved && (kind === undefined || p.kind === kind),
      );
    },
    approve(pairing, approved) {
      pairing.approved = approved;
    },
  };
}
