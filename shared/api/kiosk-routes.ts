/** The kiosk's routes (part of the route map, hall-routes.ts). */
import {
  KioskDeviceSchema,
  KioskPostingQuerySchema,
  KioskPostingsResponseSchema,
  KioskStatusSchema,
  KioskSummarySchema,
  PairingRequestSchema,
  PayPresetQuerySchema,
  PayPresetsSchema,
  PairingStatusSchema,
} from '../kiosk-contract';
import { SignupInputSchema, SignupReceiptSchema } from '../schemas/signup';
import { OkSchema, pairingIdParam } from './route-parts';
import { defineRoute } from './define-route';

/** The kiosk: its page, kiosk search and counts (postings only), device pairing, sign-ups. */
export const KIOSK_ROUTES = {
  kioskPage: defineRoute({ method: 'GET', path: '/kiosk', auth: 'public', label: 'kiosk page', response: 'page' }),
  kioskSummary: defineRoute({
    method: 'GET',
    path: '/api/kiosk/summary',
    auth: 'public',
    label: 'kiosk summary',
    response: KioskSummarySchema,
  }),
  kioskListings: defineRoute({
    method: 'GET',
    path: '/api/kiosk/listings',
    auth: 'public',
    label: 'kiosk listings',
    query: KioskPostingQuerySchema,
    response: KioskPostingsResponseSchema,
  }),
  kioskPayPresets: defineRoute({
    method: 'GET',
    path: '/api/kiosk/pay-presets',
    auth: 'public',
    label: 'kiosk pay presets',
    query: PayPresetQuerySchema,
    response: PayPresetsSchema,
  }),
  kioskStatus: defineRoute({
    method: 'POST',
    path: '/api/kiosk/device/status',
    auth: 'kiosk',
    label: 'kiosk status',
    body: KioskStatusSchema,
    bodyError: 'invalid_kiosk_status',
    response: OkSchema,
  }),
  kioskDevice: defineRoute({
    method: 'GET',
    path: '/api/kiosk/device',
    auth: 'kiosk',
    label: 'kiosk device',
    response: KioskDeviceSchema,
  }),
  kioskPairings: defineRoute({
    method: 'POST',
    path: '/api/kiosk/pairings',
    auth: 'public',
    label: 'kiosk pairing',
    response: PairingRequestSchema,
  }),
  kioskPairing: defineRoute({
    method: 'GET',
    path: '/api/kiosk/pairings/:pairingId',
    auth: 'public',
    label: 'kiosk pairing',
    params: pairingIdParam,
    response: PairingStatusSchema,
  }),
  kioskSignup: defineRoute({
    method: 'POST',
    path: '/api/registrations',
    auth: 'kiosk',
    label: 'registrations',
    body: SignupInputSchema,
    bodyError: 'invalid_signup',
    response: SignupReceiptSchema,
  }),
} as const;
