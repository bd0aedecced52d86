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

const api = createApiClient();

const STORAGE_PREFIX = 'hallboard.boardDeviceToken.';
const POLL_MS = 2000;

export function storedDeviceToken(screenId: string): string | null {
  try {
    return window.localStorage.getItem(STORAGE_PREFIX + screenId);
  } catch {
    return null;
  }
}

export function storeDeviceToken(screenId: string, token: string | null): void {
  try {
    if (token) window.localStorage.setItem(STORAGE_PREFIX + screenId, token);
    else window.localStorage.removeItem(STORAGE_PREFIX + screenId);
  } catch {
    // storage disabled: the page pairs again after a reload
  }
}

export type PairingView = { code: string | null; expiresAt: number | null };

/**
 * While `active`, asks for a code and polls it; calls `onToken` once staff approved. A refused
 * request (429: this address asked too often) waits as long as the host says.
 */
export function useBoardPairing(screenId: string, active: boolean, onToken: (token: string) => void): PairingView {
  const [view, setView] = useState<PairingView>({ code: null, expiresAt: null });
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(fn, ms);
    };
    async function ask(): Promise<void> {
      let request;
      try {
        request = await api.call(PUBLIC_ROUTES.boardPairings, { body: { screenId } });
      } catch (error) {
        // 429: this address asked too often (wait as long as the host says); otherwise the host is
        // unreachable or refused: try again a little later.
        if (error instanceof ApiError && error.status === 429)
          return later(() => void ask(), Math.max(1000, error.retryAfterMs ?? 5000));
        return later(() => void ask(), error instanceof ApiError && error.status !== 0 ? 10_000 : 5000);
      }
      if (stopped) return;
      setView({ code: request.code, expiresAt: request.expiresAt });
      const pairingId = request.pairingId;
      const poll = async (): Promise<void> => {
        try {
          const state = await api.call(PUBLIC_ROUTES.boardPairing, { params: { pairingId } });
          if (state.status === 'approved') {
            storeDeviceToken(screenId, state.token);
            if (!stopped) onToken(state.token);
            return;
          }
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return void ask();
          // host unreachable: keep the code on screen and try again
        }
        later(() => void poll(), POLL_MS);
      };
      later(() => void poll(), POLL_MS);
    }
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [screenId, active, onToken]);
  return view;
}
