/**
 * Pairing a page with the hall host, the same for a board page and a browser kiosk: ask for a
 * code, show it, and poll until staff approve it (then the page has its device token) or the
 * host no longer knows it (then ask for a new one). The token is kept in localStorage.
 */
import { ApiError } from './api-error';

export function storedToken(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeToken(key: string, token: string | null): void {
  try {
    if (token) window.localStorage.setItem(key, token);
    else window.localStorage.removeItem(key);
  } catch {
    // storage disabled: the page pairs again after a reload
  }
}

export interface PairingCode {
  pairingId: string;
  code: string;
  expiresAt: number;
}

export interface PairingSteps {
  /** Asks the host for a code. */
  request: () => Promise<PairingCode>;
  /** Where the code stands. */
  status: (pairingId: string) => Promise<{ status: 'pending' } | { status: 'approved'; token: string }>;
  pollMs: number;
  /** How long to wait before asking again when `request` failed. */
  retryMs: (error: unknown) => number;
  /** How long to wait before asking for a new code when the host no longer knows this one. */
  expiredMs: number;
  /** A code to show. */
  onCode: (code: PairingCode) => void;
  /** The host no longer knows the code shown (it expired): a new one follows. */
  onExpired?: () => void;
  /** Staff approved the code: the page's device token. */
  onToken: (token: string) => void;
}

/** Starts pairing; the function it returns (an effect's cleanup) stops it: nothing is called after. */
export function startPairing(steps: PairingSteps): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (fn: () => Promise<void>, ms: number) => {
    if (!stopped) timer = setTimeout(() => void fn(), ms);
  };

  async function ask(): Promise<void> {
    let code: PairingCode;
    try {
      code = await steps.request();
    } catch (error) {
      return later(ask, steps.retryMs(error));
    }
    if (stopped) return;
    steps.onCode(code);
    const poll = async (): Promise<void> => {
      try {
        const state = await steps.status(code.pairingId);
        if (stopped) return;
        if (state.status === 'approved') return steps.onToken(state.token);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          steps.onExpired?.();
          return later(ask, steps.expiredMs);
        }
        // host unreachable: keep the code on screen and try again
      }
      later(poll, steps.pollMs);
    };
    later(poll, steps.pollMs);
  }

  void ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
