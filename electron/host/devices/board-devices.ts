/**
 * Which board pages may show a screen. A page on the hall PC itself (loopback: the Electron
 * windows, browser mode) needs nothing. A page from the hall network pairs once: it asks for a
 * code (`request`), staff approve the code in 屏幕管理, and the page collects a device token
 * bound to the screen it asked for. Unknown, revoked or mismatched tokens get nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PendingPairing } from './pairing-requests';
import { hashToken, type DeviceStoreDeps } from './device-store';

export interface BoardDevice {
  id: string;
  screenId: string;
  approvedBy: string;
  createdAt: number;
  lastSeenAt: number | null;
}

export interface BoardDevices {
  /** The paired device a token belongs to, or null (unknown, revoked, malformed). */
  authorise(token: unknown): BoardDevice | null;
  /** A board page on `address` asks to show `screenId`. */
  requestPairing(address: string, screenId: string): PendingPairing;
  /** Staff approve a board page's code: a device bound to the screen it asked for. */
  approve(pairing: PendingPairing, approvedBy: string): BoardDevice;
  revoke(deviceId: string): boolean;
  /** Paired board devices not revoked, oldest first. */
  list(): BoardDevice[];
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

interface Row {
  id: string;
  screen_id: string;
  token_hash: string;
  approved_by: string;
  created_at: number;
  last_seen_at: number | null;
}
const fromRow = (r: Row): BoardDevice => ({
  id: r.id,
  screenId: r.screen_id,
  approvedBy: r.approved_by,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
});

export function createBoardDevices(deps: DeviceStoreDeps): BoardDevices {
  const { db, pairings, clock, log } = deps;
  const byHash = db.prepare<{ hash: string }, Row>(
    'SELECT * FROM board_devices WHERE token_hash = @hash AND revoked_at IS NULL',
  );
  const insert = db.prepare<{ id: string; screen: string; hash: string; by: string; now: number }>(
    'INSERT INTO board_devices (id, screen_id, token_hash, approved_by, created_at) VALUES (@id, @screen, @hash, @by, @now)',
  );
  const touch = db.prepare<{ id: string; now: number }>('UPDATE board_devices SET last_seen_at = @now WHERE id = @id');
  const revoke = db.prepare<{ id: string; now: number }>(
    'UPDATE board_devices SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL',
  );
  const all = db.prepare<[], Row>('SELECT * FROM board_devices WHERE revoked_at IS NULL ORDER BY created_at');

  return {
    authorise(token) {
      if (typeof token !== 'string' || !TOKEN.test(token)) return null;
      const hash = hashToken(token);
      const row = byHash.get({ hash });
      // the lookup is by hash; compare again in constant time so timing tells nothing either way
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
      touch.run({ id: row.id, now: clock() });
      return fromRow(row);
    },
    requestPairing: (address, screenId) => pairings.request('board', address, screenId),
    approve(pairing, approvedBy) {
      const id = `board-${randomBytes(4).toString('hex')}`;
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      insert.run({ id, screen: pairing.screenId!, hash: hashToken(token), by: approvedBy.slice(0, 100), now });
      pairings.approve(pairing, { deviceId: id, token });
      log.info({ deviceId: id, screenId: pairing.screenId, approvedBy }, 'board device approved');
      return { id, screenId: pairing.screenId!, approvedBy, createdAt: now, lastSeenAt: null };
    },
    revoke(deviceId) {
      const changed = revoke.run({ id: deviceId, now: clock() }).changes > 0;
      if (changed) log.info({ deviceId }, 'board device revoked');
      return changed;
    },
    list: () => all.all().map(fromRow),
  };
}
