/**
 * Everything the kiosk needs on the host, built once by the composition root (hall.ts):
 * the sign-up store, device identity and the route module to hand to createHttpServer.
 */
import type { WritableDatabase } from '../db/handles';
import type { RouteModule } from '../server/http-server';
import { createKioskDevices, type KioskDevices, type PairingRequests } from '../devices';
import { createSignupIntake, type SignupIntake } from '../signups/signup-intake';
import { createKioskSearch, type KioskSearch } from './kiosk-search';
import { kioskRoutes, type KioskRouteDeps } from './kiosk-routes';
import { createKioskStatusBoard, type KioskStatusBoard } from './kiosk-status';

export interface KioskService {
  readonly routes: RouteModule;
  readonly devices: KioskDevices;
  readonly signups: SignupIntake;
  /** Posting search (kiosk, and the public `/api/listings` with exact totals). */
  readonly search: KioskSearch;
  /** What each kiosk last reported (its voice), for staff. */
  readonly statuses: KioskStatusBoard;
  /** Token of this host's own Electron kiosk window (new every start); see devices/. */
  readonly localKioskToken: string;
  /** Staff approve the pairing code a browser kiosk shows. */
  approvePairing(code: string, approvedBy: string): { deviceId: string };
}

/** What the composition root gives: the database and pairings, and what the routes take as they are. */
export type KioskServiceDeps = Omit<KioskRouteDeps, 'devices' | 'signups' | 'search' | 'statuses'> & {
  db: WritableDatabase;
  /** Pending pairing requests, shared with board pages (bounded per address). */
  pairings: PairingRequests;
  /** Whether sign-ups go upstream through the outbox (false in a standalone hall). */
  queueUpstream: boolean;
};

export function createKioskService(deps: KioskServiceDeps): KioskService {
  const { db, pairings, queueUpstream, ...routeDeps } = deps;
  const devices = createKioskDevices({ db, pairings, clock: deps.clock, log: deps.log });
  const signups = createSignupIntake(db, { queueUpstream });
  const search = createKioskSearch(db);
  const statuses = createKioskStatusBoard();
  const routes = kioskRoutes({ ...routeDeps, devices, signups, search, statuses });
  return {
    routes,
    devices,
    signups,
    search,
    statuses,
    localKioskToken: devices.localToken,
    approvePairing: (code, approvedBy) => devices.approvePairing(code, approvedBy),
  };
}
