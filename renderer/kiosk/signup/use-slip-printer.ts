import { useCallback, useEffect, useRef, useState } from 'react';
import type { HallShellBridge, PrintSlipInput, PrintSlipResult } from '../../../shared/shell-bridge';

declare global {
  interface Window {
    /** Present only in the Electron shell's windows (electron/preload/); feature-detected. */
    hallShell?: HallShellBridge;
  }
}

export type SlipState =
  { kind: 'unavailable' } | { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed'; reason: string };

/**
 * Prints the confirmation slip once when the kiosk runs in the Electron shell with a receipt
 * printer configured; in a browser, or without a printer, the kiosk works exactly the same.
 * The slip carries the number and the posting only — never the phone or the name.
 */
export function useSlipPrinter(slip: PrintSlipInput): { state: SlipState; reprint: () => void } {
  const bridge = typeof window === 'undefined' ? undefined : window.hallShell?.kiosk;
  const [state, setState] = useState<SlipState>(
    bridge?.printerAvailable ? { kind: 'printing' } : { kind: 'unavailable' },
  );
  const slipRef = useRef(slip);

  const print = useCallback(() => {
    if (!bridge?.printerAvailable) return;
    setState({ kind: 'printing' });
    void bridge.printSlip(slipRef.current).then((result: PrintSlipResult) => {
      setState(result.printed ? { kind: 'printed' } : { kind: 'failed', reason: result.reason });
    });
  }, [bridge]);

  useEffect(() => {
    print();
  }, [print]);

  return { state, reprint: print };
}
