/**
 * The console's client of the host: the common client (renderer/common/api-client.ts) with the
 * session's Bearer token on every call. Routes come from the map: `staffApi.call(STAFF_ROUTES.me, {})`.
 */
import { createApiClient } from '../common/api-client';

const TOKEN_KEY = 'hall-staff-token';

/** Kept for this tab only: closing the tab signs out (a shared hall PC). */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export const staffApi = createApiClient({
  authorization: () => {
    const token = tokenStore.get();
    return token ? `Bearer ${token}` : null;
  },
});

export { ApiError } from '../common/api-error';
export {
  STAFF_ROUTES,
  STAFF_DATA_ROUTES,
  PUBLIC_ROUTES,
  PLAY_ROUTES,
  MATCHING_ROUTES,
} from '../../shared/api/hall-routes';
