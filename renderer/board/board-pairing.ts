/**
 * A board page on the hall network pairs once, like a browser kiosk: the host refuses its
 * socket with `pairing_required`, so it asks for a code (`POST /api/board/pairings`), shows it
 * big, and polls until staff approve it in 屏幕管理; then it keeps the device token (per screen,
 * in localStorage) and connects with it. A page on the hall PC itself never gets here.
 */
import { useEffect, useState } from 'react';
import { PUBLIC_ROUTES } from '../../shared/api/public-routes';
import { createApiClient } from '../common/api-client';
import { ApiError } from '../common/api-error';
import { startPairing, storedToken, storeToken } from '../common/device-pairing';

const api = createApiClient();

const STORAGE_PREFIX = 'hallboard.boardDeviceToken.';
const POLL_MS = 2000;

export const storedDeviceToken = (screenId: string): string | null => storedToken(STORAGE_PREFIX + screenId);

export const storeDeviceToken = (screenId: string, token: string | null): void =>
  storeToken(STORAGE_PREFIX + screenId, token);

export type PairingView = { code: string | null; expiresAt: number | null };

/**
 * While `active`, asks for a code and polls it; calls `onToken` once staff approved. A refused
 * request (429: this address asked too often) waits as long as the host says.
 */
export function useBoardPairing(screenId: string, active: boolean, onToken: (token: string) => void): PairingView {
  const [view, setView] = useState<PairingView>({ code: null, expiresAt: null });
  useEffect(() => {
    if (!active) return undefined;
    return startPairing({
      request: () => api.call(PUBLIC_ROUTES.boardPairings, { body: { screenId } }),
      status: (pairingId) => api.call(PUBLIC_ROUTES.boardPairing, { params: { pairingId } }),
      pollMs: POLL_MS,
      // 429: this address asked too often (wait as long as the host says); otherwise the host is
      // unreachable or refused: try again a little later.
      retryMs: (error) =>
        error instanceof ApiError && error.status === 429
          ? Math.max(1000, error.retryAfterMs ?? 5000)
          : error instanceof ApiError && error.status !== 0
            ? 10_000
            : 5000,
      // the code expired before staff approved it: ask for a new one at once
      expiredMs: 0,
      onCode: ({ code, expiresAt }) => setView({ code, expiresAt }),
      onToken: (token) => {
        storeDeviceToken(screenId, token);
        onToken(token);
      },
    });
  }, [screenId, active, onToken]);
  return view;
}
