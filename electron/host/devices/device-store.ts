/** What the paired-device stores (board pages, kiosks) share: their deps and how tokens are kept. */
import { createHash } from 'node:crypto';
import type { WritableDatabase } from '../db/handles';
import type { Logger } from '../util/logger';
import type { PairingRequests } from './pairing-requests';

export interface DeviceStoreDeps {
  db: WritableDatabase;
  pairings: PairingRequests;
  clock: () => number;
  log: Logger;
}

/** A device token is stored only as its SHA-256 (hex). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
