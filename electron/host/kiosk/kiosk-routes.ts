/**
 * The kiosk's HTTP routes: its page, kiosk search and counts (public, postings only),
 * device pairing, and `POST /api/registrations` (kiosk devices only).
 *
 * Privacy: no route here returns a sign-up's phone or name; the receipt is `{ id, number }`.
 * Log lines carry the id, number and kiosk, and the phone only masked.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../server/http-error';
import { readPage, servePage, type RouteModule } from '../server/http-server';
import type { Logger } from '../util/logger';
import { describeIssues } from '../../../shared/schemas/listing';
import { RegistrationInputSchema } from '../../../shared/schemas/registration';
import { KIOSK_ROUTES, KioskListingQuerySchema } from '../../../shared/kiosk-contract';
import { maskPhone } from '../../../shared/format';
import { PairingError, type AuthorisedDevice, type KioskDevices } from '../devices';
import { RegistrationConflictError, type RegistrationStore } from './registration-store';
import { createKeyedLimiter } from '../server/rate-limit';
import type { LimitCounters } from '../server/limit-counters';
import type { KioskSearch } from './kiosk-search';

export interface KioskRouteDeps {
  rendererDir: string;
  devices: KioskDevices;
  registrations: RegistrationStore;
  search: KioskSearch;
  clock: () => number;
  log: Logger;
  /** Called after a new sign-up committed (e.g. to wake the outbox pump). */
  onRegistered?: () => void;
  limits?: LimitCounters;
  /** Sign-ups per kiosk: a burst, then one every 1/refill seconds (default 6, then one per 20 s). */
  signupBurst?: number;
  signupsPerS?: number;
}

function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
}

/**
 * A person needs about a minute for a sign-up; a paired kiosk posting many a second is a script. Six
 * at once leave room for a queue of people and retries, then one every 20 s (three a minute).
 */
export const SIGNUP_BURST = 6;
export const SIGNUPS_PER_S = 1 / 20;

export function kioskRoutes(deps: KioskRouteDeps): RouteModule {
  const { devices, registrations, search, clock, log } = deps;
  const perKiosk = createKeyedLimiter({ capacity: deps.signupBurst ?? SIGNUP_BURST, refillPerS: deps.signupsPerS ?? SIGNUPS_PER_S, maxKeys: 1000 });

  function requireDevice(headers: Record<string, string | string[] | undefined>): AuthorisedDevice {
    const token = bearer(headers.authorization);
    if (!token) throw new HttpError(401, 'kiosk_unauthorised', 'this device is not an authorised kiosk: send its device token as a Bearer token');
    const device = devices.authorise(token);
    if (!device) throw new HttpError(403, 'kiosk_forbidden', 'the device token is unknown or was revoked; pair this kiosk again');
    return device;
  }

  return (app: FastifyInstance) => {
    servePage(app, KIOSK_ROUTES.page, readPage(deps.rendererDir, 'kiosk'));

    app.get(KIOSK_ROUTES.summary, async () => search.summary(clock()));

    app.get(KIOSK_ROUTES.listings, async (request) => {
      const parsed = KioskListingQuerySchema.safeParse(request.query);
      if (!parsed.success) throw new HttpError(400, 'invalid_query', describeIssues(parsed.error));
      return search.search(parsed.data, clock());
    });

    app.get(KIOSK_ROUTES.device, async (request) => requireDevice(request.headers));

    app.post(KIOSK_ROUTES.pairings, async (request, reply) => {
      try {
        return reply.status(201).send(devices.requestPairing(request.ip));
      } catch (error) {
        if (error instanceof PairingError) throw new HttpError(429, error.code, error.message, { retryAfterMs: error.retryAfterMs });
        throw error;
      }
    });

    app.get<{ Params: { pairingId: string } }>(KIOSK_ROUTES.pairing, async (request) => {
      const state = devices.pairingState(request.params.pairingId);
      if (!state) throw new HttpError(404, 'pairing_expired', 'this pairing request is unknown or has expired; ask for a new code');
      return state;
    });

    app.post(KIOSK_ROUTES.registrations, async (request, reply) => {
      const device = requireDevice(request.headers);
      const now = clock();
      // The hall PC's own kiosk window is not limited: its token never leaves the hall PC's memory.
      if (device.kind === 'paired' && !perKiosk.take(device.deviceId, now)) {
        deps.limits?.hit('kiosk.signup_rate', { kioskId: device.deviceId });
        throw new HttpError(429, 'too_many_signups', 'registrations: this kiosk has sent several sign-ups just now; wait a minute (本机刚刚提交了多份登记，请稍等一分钟)', { retryAfterMs: perKiosk.retryAfterMs(device.deviceId, now) });
      }
      const parsed = RegistrationInputSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid_registration', describeIssues(parsed.error));
      let result;
      try {
        result = registrations.add(parsed.data, device.deviceId, clock());
      } catch (error) {
        if (error instanceof RegistrationConflictError) throw new HttpError(409, 'registration_conflict', error.message);
        throw error;
      }
      if (result.created) {
        log.info({ id: result.id, number: result.number, kioskId: device.deviceId, phoneMasked: maskPhone(parsed.data.phone) }, 'kiosk sign-up stored');
        deps.onRegistered?.();
      }
      return reply.status(result.created ? 201 : 200).send({ id: result.id, number: result.number });
    });
  };
}
