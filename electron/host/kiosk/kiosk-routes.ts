/**
 * The kiosk's HTTP routes: its page, kiosk search and counts (public, postings only),
 * device pairing, and `POST /api/registrations` (kiosk devices only).
 *
 * Privacy: no route here returns a sign-up's phone or name; the receipt is `{ id, number }`.
 * Log lines carry the id, number and kiosk, and the phone only masked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../server/http-error';
import { readPage, servePage, type RouteModule } from '../server/http-server';
import { apiRoute } from '../server/api-route';
import type { Logger } from '../util/logger';
import { KIOSK_ROUTES } from '../../../shared/api/hall-routes';
import { maskPhone } from '../../../shared/format';
import { PairingError, type AuthorisedDevice, type KioskDevices } from '../devices';
import { SignupConflictError, type SignupIntake } from '../signups/signup-intake';
import type { KioskMatches } from '../../../shared/matching-contract';
import { createKeyedLimiter } from '../server/rate-limit';
import type { LimitCounters } from '../server/limit-counters';
import type { KioskSearch } from './kiosk-search';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import { OCCUPATION_CODES, type OccupationCode } from '../../../shared/occupations';
import type { KioskStatusBoard } from './kiosk-status';
import { bearerHolder } from '../server/bearer';

export interface KioskRouteDeps {
  rendererDir: string;
  devices: KioskDevices;
  signups: SignupIntake;
  search: KioskSearch;
  clock: () => number;
  log: Logger;
  /** The hall's own words (hall.json): an unpaired kiosk sends visitors to its service window. */
  hall?: HallProfile;
  /** What each kiosk last said it can do (its voice), for the staff's screens page. */
  statuses: KioskStatusBoard;
  /** Called after a new sign-up committed (e.g. to wake the outbox pump). */
  onRegistered?: (id: string) => void;
  /** The sign-up's matches for its confirmation (the posting it was for left out). */
  matchesFor?: (id: string, listingId: string | null) => KioskMatches;
  limits?: LimitCounters;
  /** Sign-ups per kiosk: a burst, then one every 1/refill seconds (default 6, then one per 20 s). */
  signupBurst?: number;
  signupsPerS?: number;
}

/**
 * A person needs about a minute for a sign-up; a paired kiosk posting many a second is a script. Six
 * at once leave room for a queue of people and retries, then one every 20 s (three a minute).
 */
export const SIGNUP_BURST = 6;

const KNOWN_OCCUPATIONS: ReadonlySet<string> = new Set(OCCUPATION_CODES);
export const SIGNUPS_PER_S = 1 / 20;

const KIOSK_REFUSALS = {
  missing: [
    401,
    'kiosk_unauthorised',
    'this device is not an authorised kiosk: send its device token as a Bearer token',
  ],
  unknown: [403, 'kiosk_forbidden', 'the device token is unknown or was revoked; pair this kiosk again'],
} as const;

export function kioskRoutes(deps: KioskRouteDeps): RouteModule {
  const { devices, signups, search, clock, log } = deps;
  const perKiosk = createKeyedLimiter({
    capacity: deps.signupBurst ?? SIGNUP_BURST,
    refillPerS: deps.signupsPerS ?? SIGNUPS_PER_S,
    maxKeys: 1000,
  });

  function requireDevice(headers: Record<string, string | string[] | undefined>): AuthorisedDevice {
    return bearerHolder(headers.authorization, (token) => devices.authorise(token), KIOSK_REFUSALS);
  }

  /** The device behind a sign-up, checked (with its rate) before its body is read. */
  const signupDevices = new WeakMap<FastifyRequest, AuthorisedDevice>();
  async function authoriseSignup(request: FastifyRequest): Promise<void> {
    const device = requireDevice(request.headers);
    const now = clock();
    // The hall PC's own kiosk window is not limited: its token never leaves the hall PC's memory.
    if (device.kind === 'paired' && !perKiosk.take(device.deviceId, now)) {
      deps.limits?.hit('kiosk.signup_rate', { kioskId: device.deviceId });
      throw new HttpError(
        429,
        'too_many_signups',
        'registrations: this kiosk has sent several sign-ups just now; wait a minute (本机刚刚提交了多份登记，请稍等一分钟)',
        { retryAfterMs: perKiosk.retryAfterMs(device.deviceId, now) },
      );
    }
    signupDevices.set(request, device);
  }

  return (app: FastifyInstance) => {
    servePage(app, KIOSK_ROUTES.kioskPage, readPage(deps.rendererDir, 'kiosk'));

    const hall = {
      name: deps.hall?.name || null,
      serviceWindow: deps.hall?.serviceWindow || null,
      signupUrl: deps.hall?.signupUrl || null,
    };
    apiRoute(app, KIOSK_ROUTES.kioskSummary, {}, async () => ({ ...search.summary(clock()), hall }));

    apiRoute(app, KIOSK_ROUTES.kioskPayPresets, {}, async (request) => {
      const occupations = [...new Set((request.query.occupations ?? '').split(','))]
        .filter((c): c is OccupationCode => KNOWN_OCCUPATIONS.has(c))
        .slice(0, 20);
      return search.payPresets(occupations, clock());
    });

    apiRoute(
      app,
      KIOSK_ROUTES.kioskStatus,
      { onRequest: async (r) => void requireDevice(r.headers) },
      async (request) => {
        const device = requireDevice(request.headers);
        deps.statuses.report(device.deviceId, request.body, clock());
        return { ok: true as const };
      },
    );

    apiRoute(app, KIOSK_ROUTES.kioskListings, {}, async (request) => search.search(request.query, clock()));

    apiRoute(app, KIOSK_ROUTES.kioskDevice, {}, async (request) => requireDevice(request.headers));

    apiRoute(app, KIOSK_ROUTES.kioskPairings, {}, async (request, reply) => {
      try {
        return reply.status(201).send(devices.requestPairing(request.ip));
      } catch (error) {
        if (error instanceof PairingError)
          throw new HttpError(429, error.code, error.message, { retryAfterMs: error.retryAfterMs });
        throw error;
      }
    });

    apiRoute(app, KIOSK_ROUTES.kioskPairing, {}, async (request) => {
      const state = devices.pairingState(request.params.pairingId);
      if (!state)
        throw new HttpError(
          404,
          'pairing_expired',
          'this pairing request is unknown or has expired; ask for a new code',
        );
      return state;
    });

    apiRoute(app, KIOSK_ROUTES.kioskSignup, { onRequest: authoriseSignup }, async (request, reply) => {
      const device = signupDevices.get(request);
      if (!device) throw new HttpError(401, 'kiosk_unauthorised', 'registrations: the kiosk was not authorised');
      const input = request.body;
      let result;
      try {
        result = signups.add(input, device.deviceId, clock());
      } catch (error) {
        if (error instanceof SignupConflictError) throw new HttpError(409, 'signup_conflict', error.message);
        throw error;
      }
      if (result.created) {
        log.info(
          { id: result.id, number: result.number, kioskId: device.deviceId, phoneMasked: maskPhone(input.phone) },
          'kiosk sign-up stored',
        );
        deps.onRegistered?.(result.id);
      }
      const matches = deps.matchesFor?.(result.id, input.listingId);
      return reply
        .status(result.created ? 201 : 200)
        .send({ id: result.id, number: result.number, ...(matches ? { matches } : {}) });
    });
  };
}
