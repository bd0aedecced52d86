/**
 * The kiosk's calls to its host (same origin), through the common client: responses are
 * validated with the route map's schemas; failures are `ApiError` with the contract's error
 * code, or `offline`.
 */
import { KIOSK_ROUTES } from '../../shared/api/kiosk-routes';
import {
  kioskAuthValue,
  type KioskDevice,
  type KioskPostingsResponse,
  type KioskStatus,
  type KioskSummary,
  type PairingRequest,
  type PayPresets,
  type PairingStatus,
} from '../../shared/kiosk-contract';
import type { SignupInput, SignupReceipt } from '../../shared/schemas/signup';
import type { OccupationCode } from '../../shared/occupations';
import { createApiClient } from '../common/api-client';

export { ApiError } from '../common/api-error';

const api = createApiClient();

export interface BrowseFilters {
  q: string;
  occupation: OccupationCode | null;
  district: string | null;
  daily: boolean;
}

/** Cards per page of results; "再看 20 个" asks for the next page. */
export const RESULT_PAGE = 20;

export function searchPostings(f: BrowseFilters, offset: number, signal?: AbortSignal): Promise<KioskPostingsResponse> {
  const q = f.q.trim().slice(0, 50);
  return api.call(KIOSK_ROUTES.kioskListings, {
    query: {
      limit: RESULT_PAGE,
      offset,
      ...(q ? { q } : {}),
      ...(f.occupation ? { occupation: f.occupation } : {}),
      ...(f.district ? { district: f.district } : {}),
      ...(f.daily ? { daily: '1' as const } : {}),
    },
    ...(signal ? { signal } : {}),
  });
}

export const getSummary = (): Promise<KioskSummary> => api.call(KIOSK_ROUTES.kioskSummary, {});

export const checkDevice = (token: string): Promise<KioskDevice> =>
  api.call(KIOSK_ROUTES.kioskDevice, { headers: { authorization: kioskAuthValue(token) } });

export const requestPairing = (): Promise<PairingRequest> => api.call(KIOSK_ROUTES.kioskPairings, {});

export const pairingStatus = (pairingId: string): Promise<PairingStatus> =>
  api.call(KIOSK_ROUTES.kioskPairing, { params: { pairingId } });

export const postSignup = (token: string, input: SignupInput): Promise<SignupReceipt> =>
  api.call(KIOSK_ROUTES.kioskSignup, { body: input, headers: { authorization: kioskAuthValue(token) } });

export const getPayPresets = (occupations: readonly OccupationCode[]): Promise<PayPresets> =>
  api.call(KIOSK_ROUTES.kioskPayPresets, { query: occupations.length ? { occupations: occupations.join(',') } : {} });

export const postKioskStatus = (token: string, status: KioskStatus): Promise<unknown> =>
  api.call(KIOSK_ROUTES.kioskStatus, { body: status, headers: { authorization: kioskAuthValue(token) } });
