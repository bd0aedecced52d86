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
 *   Pending requests are shared with board pages and bounded per address (pairing-requests.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { PairingError, type PendingPairing } from './pairing-requests';
import { hashToken, type DeviceStoreDeps } from './device-store';

export { PairingError };

export const LOCAL_KIOSK_ID = 'kiosk-local';

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
  /** What staff call it ("入口左侧一体机"); empty until they name it. */
  label: string;
  /** Where it stands ("二楼服务区"); empty until they say. */
  place: string;
  approvedBy: string;
  createdAt: number;
  lastSeenAt: number | null;
}

export type PairingState =
  { status: 'pending'; code: string; expiresAt: number } | { status: 'approved'; deviceId: string; token: string };

export interface KioskDevices {
  /** The token of this host's own (Electron) kiosk window; new on every start. */
  readonly localToken: string;
  /** The device a bearer token belongs to, or null (unknown, revoked, malformed). */
  authorise(token: string | undefined): AuthorisedDevice | null;
  /** A kiosk on `address` asks to be paired (PairingError when that address asks too often). */
  requestPairing(address: string): Pairing;
  /** Undefined when the pairing id is unknown or expired. An approved token is handed out once. */
  pairingState(pairingId: string): PairingState | undefined;
  /** Staff approve the code a kiosk shows; returns the new device id. */
  approvePairing(code: string, approvedBy: string): { deviceId: string };
  /** Staff approve a kiosk's pending request found by its code (any device kind). */
  approve(pairing: PendingPairing, approvedBy: string): { deviceId: string };
  revokeDevice(deviceId: string): boolean;
  /** Staff name a paired kiosk and say where it stands; false when no such kiosk is paired. */
  rename(deviceId: string, label: string, place: string): boolean;
  /** Paired kiosks not revoked, oldest first. */
  paired(): PairedDevice[];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createKioskDevices(deps: DeviceStoreDeps): KioskDevices {
  const { db, pairings, clock, log } = deps;
  const localToken = randomBytes(32).toString('base64url');
  const byHash = db.prepare<{ hash: string }, { id: string }>(
    'SELECT id FROM kiosk_devices WHERE token_hash = @hash AND revoked_at IS NULL',
  );
  const insert = db.prepare<{ id: string; hash: string; by: string; now: number }>(
    'INSERT INTO kiosk_devices (id, token_hash, approved_by, created_at) VALUES (@id, @hash, @by, @now)',
  );
  const touch = db.prepare<{ id: string; now: number }>('UPDATE kiosk_devices SET last_seen_at = @now WHERE id = @id');
  const revoke = db.prepare<{ id: string; now: number }>(
    'UPDATE kiosk_devices SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL',
  );
  const selectPaired = db.prepare<[], PairedDevice>(
    'SELECT id, label, place, approved_by AS approvedBy, created_at AS createdAt, last_seen_at AS lastSeenAt FROM kiosk_devices WHERE revoked_at IS NULL ORDER BY created_at',
  );
  const renameStmt = db.prepare<{ id: string; label: string; place: string }>(
    'UPDATE kiosk_devices SET label = @label, place = @place WHERE id = @id AND revoked_at IS NULL',
  );

  function approve(entry: PendingPairing, approvedBy: string): { deviceId: string } {
    const deviceId = `kiosk-${randomBytes(4).toString('hex')}`;
    const token = randomBytes(32).toString('base64url');
    insert.run({ id: deviceId, hash: hashToken(token), by: approvedBy.slice(0, 100), now: clock() });
    pairings.approve(entry, { deviceId, token });
    log.info({ deviceId, approvedBy }, 'kiosk device approved');
    return { deviceId };
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
    requestPairing(address) {
      const p = pairings.request('kiosk', address);
      log.info({ code: p.code }, 'a kiosk asks to be paired; staff approve its code');
      return { pairingId: p.pairingId, code: p.code, expiresAt: p.expiresAt };
    },
    pairingState(pairingId) {
      const p = pairings.collect(pairingId);
      if (!p || p.kind !== 'kiosk') return undefined;
      if (p.approved) return { status: 'approved', ...p.approved };
      return { status: 'pending', code: p.code, expiresAt: p.expiresAt };
    },
    approvePairing(code, approvedBy) {
      const entry = pairings.byCode(code, 'kiosk');
      if (!entry) throw new PairingError('unknown_code', `approvePairing: no kiosk is waiting with code ${code}`);
      return approve(entry, approvedBy);
    },
    approve: (entry, approvedBy) => approve(entry, approvedBy),
    revokeDevice(deviceId) {
      const changed = revoke.run({ id: deviceId, now: clock() }).changes > 0;
      if (changed) log.info({ deviceId }, 'kiosk device revoked');
      return changed;
    },
    rename: (deviceId, label, place) => renameStmt.run({ id: deviceId, label, place }).changes > 0,
    paired: () => selectPaired.all(),
  };
}
