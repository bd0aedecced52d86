/**
 * The kiosk's calls to its host (same origin). Responses are validated with the shared
 * schemas; failures become `KioskApiError` with the contract's error code, or `offline`.
 */
import {
  KIOSK_ROUTES,
  KioskDeviceSchema,
  KioskListingsResponseSchema,
  KioskSummarySchema,
  PairingRequestSchema,
  PairingStatusSchema,
  kioskAuthValue,
  type KioskDevice,
  type KioskListingsResponse,
  type KioskSummary,
  type PairingRequest,
  type PairingStatus,
} from '../../shared/kiosk-contract';
import { RegistrationReceiptSchema, type RegistrationInput, type RegistrationReceipt } from '../../shared/schemas/registration';
import type { OccupationCode } from '../../shared/occupations';

export class KioskApiError extends Error {
  override name = 'KioskApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, parse: (v: unknown) => T, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, cache: 'no-store' });
  } catch (error) {
    throw new KioskApiError(0, 'offline', `${path}: ${(error as Error).message}`);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new KioskApiError(res.status, err?.code ?? 'http_error', err?.message ?? `${path}: HTTP ${res.status}`);
  }
  return parse(body);
}

export interface BrowseFilters {
  q: string;
  occupation: OccupationCode | null;
  district: string | null;
  daily: boolean;
}

export const RESULT_LIMIT = 40;

export function searchListings(f: BrowseFilters, signal?: AbortSignal): Promise<KioskListingsResponse> {
  const params = new URLSearchParams({ limit: String(RESULT_LIMIT) });
  const q = f.q.trim().slice(0, 50);
  if (q) params.set('q', q);
  if (f.occupation) params.set('occupation', f.occupation);
  if (f.district) params.set('district', f.district);
  if (f.daily) params.set('daily', '1');
  return call(`${KIOSK_ROUTES.listings}?${params}`, (v) => KioskListingsResponseSchema.parse(v), signal ? { signal } : {});
}

export const getSummary = (): Promise<KioskSummary> => call(KIOSK_ROUTES.summary, (v) => KioskSummarySchema.parse(v));

export const checkDevice = (token: string): Promise<KioskDevice> =>
  call(KIOSK_ROUTES.device, (v) => KioskDeviceSchema.parse(v), { headers: { authorization: kioskAuthValue(token) } });

export const requestPairing = (): Promise<PairingRequest> =>
  call(KIOSK_ROUTES.pairings, (v) => PairingRequestSchema.parse(v), { method: 'POST' });

export const pairingStatus = (pairingId: string): Promise<PairingStatus> =>
  call(KIOSK_ROUTES.pairing.replace(':pairingId', encodeURIComponent(pairingId)), (v) => PairingStatusSchema.parse(v));

export const postRegistration = (token: string, input: RegistrationInput): Promise<RegistrationReceipt> =>
  call(KIOSK_ROUTES.registrations, (v) => RegistrationReceiptSchema.parse(v), {
    method: 'POST',
    headers: { authorization: kioskAuthValue(token), 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
