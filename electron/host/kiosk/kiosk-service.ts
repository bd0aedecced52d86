/**
 * Everything the kiosk needs on the host, built once by the composition root (hall.ts):
 * the sign-up store, device identity and the route module to hand to createHttpServer.
 */
import type { WritableDatabase } from '../db/handles';
import type { RouteModule } from '../server/http-server';
import type { Logger } from '../util/logger';
import { createKioskDevices, type KioskDevices } from '../devices';
import { createRegistrationStore, type RegistrationStore } from './registration-store';
import { createKioskSearch } from './kiosk-search';
import { kioskRoutes } from './kiosk-routes';

export interface KioskService {
  readonly routes: RouteModule;
  readonly devices: KioskDevices;
  readonly registrations: RegistrationStore;
  /** Token of this host's own Electron kiosk window (new every start); see devices/. */
  readonly localKioskToken: string;
  /** Staff approve the pairing code a browser kiosk shows. */
  approvePairing(code: string, approvedBy: string): { deviceId: string };
}

/** DOMAIN.md: sign-ups are deleted after a retention period (staff settings come later). */
export const DEFAULT_RETENTION_DAYS = 180;
const PURGE_EVERY_MS = 6 * 3600_000;

export function createKioskService(deps: {
  db: WritableDatabase;
  rendererDir: string;
  clock: () => number;
  log: Logger;
  onRegistered?: () => void;
  retentionDays?: number;
}): KioskService {
  const devices = createKioskDevices({ db: deps.db, clock: deps.clock, log: deps.log });
  const registrations = createRegistrationStore(deps.db);
  const routes = kioskRoutes({
    rendererDir: deps.rendererDir,
    devices,
    registrations,
    search: createKioskSearch(deps.db),
    clock: deps.clock,
    log: deps.log,
    ...(deps.onRegistered ? { onRegistered: deps.onRegistered } : {}),
  });
  const retentionMs = (deps.retentionDays ?? DEFAULT_RETENTION_DAYS) * 24 * 3600_000;
  const purge = () => {
    if (!deps.db.open) return;
    const removed = registrations.purgeOlderThan(deps.clock() - retentionMs);
    if (removed > 0) deps.log.info({ removed, retentionDays: retentionMs / 86_400_000 }, 'kiosk sign-ups past retention deleted');
  };
  purge();
  // unref'd: the purge never keeps a closing host alive, and checks the database is open
  setInterval(purge, PURGE_EVERY_MS).unref();

  return {
    routes,
    devices,
    registrations,
    localKioskToken: devices.localToken,
    approvePairing: (code, approvedBy) => devices.approvePairing(code, approvedBy),
  };
}
