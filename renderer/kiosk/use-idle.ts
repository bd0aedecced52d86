/**
 * Kiosk idle rule (DOMAIN.md): after `idleMs` without a touch, warn with a countdown and a
 * "continue" button; when the countdown runs out, `onTimeout` wipes everything.
 */
import { useEffect, useRef, useState } from 'react';

export interface IdleState {
  /** Seconds left in the warning, or null when no warning shows. */
  secondsLeft: number | null;
  keepGoing(): void;
}

export function useIdle(active: boolean, idleMs: number, countdownMs: number, onTimeout: () => void): IdleState {
  const [warnUntil, setWarnUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastTouch = useRef(Date.now());
  const timeoutRef = useRef(onTimeout);
  timeoutRef.current = onTimeout;

  useEffect(() => {
    if (!active) {
      setWarnUntil(null);
      return undefined;
    }
    lastTouch.current = Date.now();
    const touched = () => {
      lastTouch.current = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) document.addEventListener(e, touched, { capture: true, passive: true });
    const tick = setInterval(() => {
      const t = Date.now();
      setNow(t);
      setWarnUntil((until) => {
        if (until !== null) {
          if (t >= until) {
            timeoutRef.current();
            return null;
          }
          return until;
        }
        return t - lastTouch.current >= idleMs ? t + countdownMs : null;
      });
    }, 250);
    return () => {
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
      clearInterval(tick);
    };
  }, [active, idleMs, countdownMs]);

  return {
    secondsLeft: warnUntil === null ? null : Math.max(0, Math.ceil((warnUntil - now) / 1000)),
    keepGoing() {
      lastTouch.current = Date.now();
      setWarnUntil(null);
    },
  };
}
