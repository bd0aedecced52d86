// Pure: how often the kiosk may print. A person who presses "print" five times, or a child
// who finds the button, must not empty the roll: one slip at a time, a few a minute, and at
// most two copies (the slip and one reprint) of any one sign-up.

export interface PrintThrottleOptions {
  maxPerMinute: number;
  copiesPerSignup: number;
  now: () => number;
}

export const DEFAULT_PRINT_THROTTLE: Omit<PrintThrottleOptions, 'now'> = { maxPerMinute: 6, copiesPerSignup: 2 };

export type PrintAdmission = 'ok' | 'busy' | 'too-many' | 'copies-used';

export interface PrintThrottle {
  /** May a slip for this sign-up start printing now? 'ok' marks a print as in flight. */
  admit(signupId: string): PrintAdmission;
  /** The print in flight ended; a printed copy counts against the sign-up. */
  finish(signupId: string, printed: boolean): void;
}

/** Sign-ups remembered for their copy count; a kiosk takes far fewer in a day. */
const REMEMBERED_SIGNUPS = 2_000;

export function createPrintThrottle(options: Partial<PrintThrottleOptions> = {}): PrintThrottle {
  const opts: PrintThrottleOptions = { ...DEFAULT_PRINT_THROTTLE, now: Date.now, ...options };
  let inFlight: string | null = null;
  let started: number[] = [];
  const copies = new Map<string, number>();

  return {
    admit(signupId) {
      if (inFlight !== null) return 'busy';
      if ((copies.get(signupId) ?? 0) >= opts.copiesPerSignup) return 'copies-used';
      const at = opts.now();
      started = started.filter((t) => at - t < 60_000);
      if (started.length >= opts.maxPerMinute) return 'too-many';
      started.push(at);
      inFlight = signupId;
      return 'ok';
    },
    finish(signupId, printed) {
      if (inFlight === signupId) inFlight = null;
      if (!printed) return;
      const count = (copies.get(signupId) ?? 0) + 1;
      // Re-inserted so the Map's order is least recently printed first.
      copies.delete(signupId);
      copies.set(signupId, count);
      // Map keeps insertion order: drop the oldest sign-ups first.
      if (copies.size > REMEMBERED_SIGNUPS) copies.delete(copies.keys().next().value!);
    },
  };
}
