/**
 * Everything the kiosk needs on the host, built once by the composition root (hall.ts):
 * the sign-up store, device identity and the route module to hand to createHttpServer.
 */
import type { WritableDatabase } from '../db/handles';
import type { RouteModule } from '../server/http-server';
import type { Logger } from '../util/logger';
import type { LimitCounters } from '../server/limit-counters';
import { createKioskDevices, type KioskDevices, type PairingRequests } from '../devices';
import { createSignupIntake, type SignupIntake } from '../signups/signup-intake';
import type { KioskMatches } from '../../../shared/matching-contract';
import { createKioskSearch, type KioskSearch } from './kiosk-search';
import { kioskRoutes } from './kiosk-routes';
import { createKioskStatusBoard, type KioskStatusBoard } from './kiosk-status';
import type { HallProfile } from '../../../shared/schemas/hall-profile';

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

export function createKioskService(deps: {
  db: WritableDatabase;
  rendererDir: string;
  clock: () => number;
  log: Logger;
  hall?: HallProfile;
  /** Pending pairing requests, shared with board pages (bounded per address). */
  pairings: PairingRequests;
  /** Whether sign-ups go upstream through the outbox (false in a standalone hall). */
  queueUpstream: boolean;
  /** A new sign-up committed (its id). */
  onRegistered?: (id: string) => void;
  matchesFor?: (id: string, listingId: string | null) => KioskMatches;
  limits?: LimitCounters;
  /** Sign-ups per kiosk: burst and rate (tests change them). */
  signupBurst?: number;
  signupsPerS?: number;
}): KioskService {
  const devices = createKioskDevices({ db: deps.db, pairings: deps.pairings, clock: deps.clock, log: deps.log });
  const signups = createSignupIntake(deps.db, { queueUpstream: deps.queueUpstream });
  const search = createKioskSearch(deps.db);
  const statuses = createKioskStatusBoard();
  const routes = kioskRoutes({
    statuses,
    ...(deps.hall ? { hall: deps.hall } : {}),
    rendererDir: deps.rendererDir,
    devices,
    signups,
    search,
    clock: deps.clock,
    log: deps.log,
    ...(deps.onRegistered ? { onRegistered: deps.onRegistered } : {}),
    ...(deps.matchesFor ? { matchesFor: deps.matchesFor } : {}),
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...(deps.signupBurst !== undefined ? { signupBurst: deps.signupBurst } : {}),
    ...(deps.signupsPerS !== undefined ? { signupsPerS: deps.signupsPerS } : {}),
  });
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
