/**
 * A board page on the hall network pairs once, like a browser kiosk: the host refuses its
 * socket with `pairing_required`, so it asks for a code (`POST /api/board/pairings`), shows it
 * big, and polls until staff approve it in 屏幕管理; then it keeps the device token (per screen,
 * in localStorage) and connects with it. A page on the hall PC itself never gets here.
 */
import { useEffect, useState } from 'react';
import { BoardPairingRequestSchema, BoardPairingStatusSchema, ROUTES } from '../../shared/contract';

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

async function json(res: Response): Promise<unknown> {
  return res.json().catch(() => null);
}

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
      try {
        const res = await fetch(ROUTES.boardPairings, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ screenId }), cache: 'no-store' });
        if (res.status === 429) return later(() => void ask(), Math.max(1, Number(res.headers.get('retry-after') ?? 5)) * 1000);
        const parsed = BoardPairingRequestSchema.safeParse(await json(res));
        if (!res.ok || !parsed.success) return later(() => void ask(), 10_000);
        if (stopped) return;
        setView({ code: parsed.data.code, expiresAt: parsed.data.expiresAt });
        const poll = async (): Promise<void> => {
          try {
            const r = await fetch(ROUTES.boardPairing.replace(':pairingId', encodeURIComponent(parsed.data.pairingId)), { cache: 'no-store' });
            if (r.status === 404) return void ask();
            const state = BoardPairingStatusSchema.safeParse(await json(r));
            if (state.success && state.data.status === 'approved') {
              storeDeviceToken(screenId, state.data.token);
              if (!stopped) onToken(state.data.token);
              return;
            }
          } catch {
            // host unreachable: keep the code on screen and try again
          }
          later(() => void poll(), POLL_MS);
        };
        later(() => void poll(), POLL_MS);
      } catch {
        later(() => void ask(), 5000);
      }
    }
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [screenId, active, onToken]);
  return view;
}
