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
import { startPairing, storedToken, storeToken } from '../common/device-pairing';
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

const hashToken = takeHashToken();

export function useDevice(pairPollMs: number): { device: DeviceState; revoked: () => void } {
  const [device, setDevice] = useState<DeviceState>({ status: 'checking' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    let stopPairing: (() => void) | undefined;
    const pair = () => {
      stopPairing = startPairing({
        request: requestPairing,
        status: pairingStatus,
        pollMs: pairPollMs,
        retryMs: () => pairPollMs * 3,
        expiredMs: 500,
        onCode: ({ code }) => setDevice({ status: 'pairing', code, expired: false }),
        onExpired: () => setDevice({ status: 'pairing', code: null, expired: true }),
        onToken: (token) => {
          storeToken(STORAGE_KEY, token);
          setDevice({ status: 'authorised', token });
        },
      });
    };

    async function check(): Promise<void> {
      const token = hashToken ?? storedToken(STORAGE_KEY);
      if (!token) return pair();
      try {
        await checkDevice(token);
        if (!stopped) setDevice({ status: 'authorised', token });
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          if (token !== hashToken) storeToken(STORAGE_KEY, null);
          return pair();
        }
        // host unreachable: trust the token for now; a post will tell if it is bad
        setDevice({ status: 'authorised', token });
      }
    }

    void check();
    return () => {
      stopped = true;
      stopPairing?.();
    };
  }, [pairPollMs, generation]);

  const revoked = useCallback(() => {
    storeToken(STORAGE_KEY, null);
    setGeneration((g) => g + 1);
  }, []);

  return { device, revoked };
}
