/**
 * A press held for `ms` (staff's way to the pairing code; visitors tap and never hold). Moving
 * off the element or lifting the finger early cancels it.
 */
import { useEffect, useRef, type PointerEventHandler } from 'react';

export const LONG_PRESS_MS = 2000;

export function useLongPress(onLongPress: () => void, ms = LONG_PRESS_MS) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);
  const onPointerDown: PointerEventHandler = () => {
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      onLongPress();
    }, ms);
  };
  return { onPointerDown, onPointerUp: cancel, onPointerLeave: cancel, onPointerCancel: cancel };
}
