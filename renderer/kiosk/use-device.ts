/**
 * Is this kiosk allowed to post sign-ups, and with which token?
 *
 * - Electron kiosk window: the shell opens `/kiosk#device=<token>` with the host's per-start
 *   token. We read it once and remove it from the address bar; it is kept in memory only.
 * - Browser kiosk: a token from an approved pairing, kept in localStorage. Without one (or
 *   when the host says it was revoked) we ask for a pairing code and poll until staff
 *   approve it. While the host is unreachable a stored token is assumed still good.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, checkDevice, pairingStatus, requestPairing } from './kiosk-api';

const STORAGE_KEY = 'hallboard.kioskDeviceToken';

export type DeviceState =
  | { status: 'checking' }
  | { status: 'authorised'; token: string }
  | { status: 'pairing'; code: string | null; expired: boolean };

function takeHashToken(): string | null {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = hash.get('device');
  if (!token) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return token;
}

function storedToken(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(STORAGE_KEY, token);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the kiosk will simply pair again after a reload
  }
}

const hashToken = takeHashToken();

export function useDevice(pairPollMs: number): { device: DeviceState; revoked: () => void } {
  const [device, setDevice] = useState<DeviceState>({ status: 'checking' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(fn, ms);
    };

    async function pair(): Promise<void> {
      let request;
      try {
        request = await requestPairing();
      } catch {
        later(() => void pair(), pairPollMs * 3);
        return;
      }
      if (stopped) return;
      setDevice({ status: 'pairing', code: request.code, expired: false });
      const poll = async (): Promise<void> => {
        try {
          const state = await pairingStatus(request.pairingId);
          if (stopped) return;
          if (state.status === 'approved') {
            storeToken(state.token);
            setDevice({ status: 'authorised', token: state.token });
            return;
          }
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) {
            setDevice({ status: 'pairing', code: null, expired: true });
            later(() => void pair(), 500);
            return;
          }
        }
        later(() => void poll(), pairPollMs);
      };
      later(() => void poll(), pairPollMs);
    }

    async function check(): Promise<void> {
      const token = hashToken ?? storedToken();
      if (!token) return pair();
      try {
        await checkDevice(token);
        if (!stopped) setDevice({ status: 'authorised', token });
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          if (token !== hashToken) storeToken(null);
          return pair();
        }
        // host unreachable: trust the token for now; a post will tell if it is bad
        setDevice({ status: 'authorised', token });
      }
    }

    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pairPollMs, generation]);

  const revoked = useCallback(() => {
    storeToken(null);
    setGeneration((g) => g + 1);
  }, []);

  return { device, revoked };
}
