/**
 * Which kiosks may post sign-ups.
 *
 * - The Electron kiosk window: the host mints a fresh random token on every start
 *   (`localToken`), kept only in memory, and the shell opens `/kiosk#device=<token>`.
 *   A hash fragment never reaches the server's logs or a Referer header.
 * - A browser kiosk on the hall network: it asks for a pairing (`requestPairing`), shows the
 *   6-digit code big on screen, staff approve that code (`approvePairing(code, approvedBy)`),
 *   and the kiosk collects a long-lived device token once with its secret pairing id. Only a
 *   SHA-256 of each device token is stored, so a copied database cannot post sign-ups.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { WritableDatabase } from '../db/handles';
import type { Logger } from '../util/logger';

export const LOCAL_KIOSK_ID = 'kiosk-local';
const PAIRING_TTL_MS = 10 * 60_000;
const MAX_PENDING_PAIRINGS = 20;

export class PairingError extends Error {
  override name = 'PairingError';
  constructor(
    readonly code: 'unknown_code' | 'too_many_pairings',
    message: string,
  ) {
    super(message);
  }
}

export interface AuthorisedDevice {
  deviceId: string;
  kind: 'local' | 'paired';
}

export interface Pairing {
  pairingId: string;
  code: string;
  expiresAt: number;
}

/** A paired (browser) kiosk that has not been revoked, as staff see it. */
export interface PairedDevice {
  id: string;
  approvedBy: string;
  createdAt: number;
  lastSeenAt: number | null;
}

export type PairingState =
  | { status: 'pending'; code: string; expiresAt: number }
  | { status: 'approved'; deviceId: string; token: string };

export interface KioskDevices {
  /** The token of this host's own (Electron) kiosk window; new on every start. */
  readonly localToken: string;
  /** The device a bearer token belongs to, or null (unknown, revoked, malformed). */
  authorise(token: string | undefined): AuthorisedDevice | null;
  requestPairing(): Pairing;
  /** Undefined when the pairing id is unknown or expired. An approved token is handed out once. */
  pairingState(pairingId: string): PairingState | undefined;
  /** Staff approve the code a kiosk shows; returns the new device id. */
  approvePairing(code: string, approvedBy: string): { deviceId: string };
  revokeDevice(deviceId: string): boolean;
  /** Paired kiosks not revoked, oldest first. */
  paired(): PairedDevice[];
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createKioskDevices(deps: { db: WritableDatabase; clock: () => number; log: Logger }): KioskDevices {
  const { db, clock, log } = deps;
  const localToken = randomBytes(32).toString('base64url');
  const byHash = db.prepare<{ hash: string }, { id: string }>('SELECT id FROM kiosk_devices WHERE token_hash = @hash AND revoked_at IS NULL');
  const insert = db.prepare<{ id: string; hash: string; by: string; now: number }>(
    'INSERT INTO kiosk_devices (id, token_hash, approved_by, created_at) VALUES (@id, @hash, @by, @now)',
  );
  const touch = db.prepare<{ id: string; now: number }>('UPDATE kiosk_devices SET last_seen_at = @now WHERE id = @id');
  const revoke = db.prepare<{ id: string; now: number }>('UPDATE kiosk_devices SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL');
  const selectPaired = db.prepare<[], PairedDevice>(
    'SELECT id, approved_by AS approvedBy, created_at AS createdAt, last_seen_at AS lastSeenAt FROM kiosk_devices WHERE revoked_at IS NULL ORDER BY created_at',
  );

  // Pending pairings live in memory: a host restart simply asks the kiosk to show a new code.
  const pending = new Map<string, { code: string; expiresAt: number; approved?: { deviceId: string; token: string } }>();

  function dropExpired(now: number): void {
    for (const [id, p] of pending) if (p.expiresAt <= now) pending.delete(id);
  }

  return {
    localToken,
    authorise(token) {
      if (!token || token.length > 200) return null;
      if (sameSecret(token, localToken)) return { deviceId: LOCAL_KIOSK_ID, kind: 'local' };
      const row = byHash.get({ hash: hashToken(token) });
      if (!row) return null;
      touch.run({ id: row.id, now: clock() });
      return { deviceId: row.id, kind: 'paired' };
    },
    requestPairing() {
      const now = clock();
      dropExpired(now);
      if (pending.size >= MAX_PENDING_PAIRINGS) {
        throw new PairingError('too_many_pairings', 'requestPairing: too many kiosks are waiting for approval; try again in a few minutes');
      }
      const used = new Set([...pending.values()].map((p) => p.code));
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (used.has(code));
      const pairingId = randomBytes(24).toString('base64url');
      const expiresAt = now + PAIRING_TTL_MS;
      pending.set(pairingId, { code, expiresAt });
      log.info({ code }, 'a kiosk asks to be paired; staff approve its code');
      return { pairingId, code, expiresAt };
    },
    pairingState(pairingId) {
      dropExpired(clock());
      const p = pending.get(pairingId);
      if (!p) return undefined;
      if (p.approved) {
        pending.delete(pairingId);
        return { status: 'approved', ...p.approved };
      }
      return { status: 'pending', code: p.code, expiresAt: p.expiresAt };
    },
    approvePairing(code, approvedBy) {
      const now = clock();
      dropExpired(now);
      const entry = [...pending.values()].find((p) => p.code === code.trim() && !p.approved);
      if (!entry) throw new PairingError('unknown_code', `approvePairing: no kiosk is waiting with code ${code}`);
      const deviceId = `kiosk-${randomBytes(4).toString('hex')}`;
      const token = randomBytes(32).toString('base64url');
      insert.run({ id: deviceId, hash: hashToken(token), by: approvedBy.slice(0, 100), now });
      entry.approved = { deviceId, token };
      log.info({ deviceId, approvedBy }, 'kiosk device approved');
      return { deviceId };
    },
    revokeDevice(deviceId) {
      const changed = revoke.run({ id: deviceId, now: clock() }).changes > 0;
      if (changed) log.info({ deviceId }, 'kiosk device revoked');
      return changed;
    },
    paired: () => selectPaired.all(),
  };
}
