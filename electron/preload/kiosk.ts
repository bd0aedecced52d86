import { contextBridge, ipcRenderer } from 'electron';
import type { HallShellBridge, KioskBridge, PrintSlipInput, PrintSlipResult } from '../../shared/shell-bridge';
import { IPC_CHANNELS } from '../../shared/ipc-channels';
import { PRELOAD_ARGS, preloadArgument } from './lib/preload-args';

// The kiosk: one function, printSlip, and whether a printer is there at all. The page never
// sees ipcRenderer; main checks the sender and the slip again (electron/windows/ipc-validation.ts).
const printerAvailable = preloadArgument(process.argv, PRELOAD_ARGS.printer) === '1';

const kiosk: KioskBridge = Object.freeze({
  printerAvailable,
  async printSlip(slip: PrintSlipInput): Promise<PrintSlipResult> {
    if (!printerAvailable) return { printed: false, available: false, reason: 'no-printer' };
    try {
      return (await ipcRenderer.invoke(IPC_CHANNELS.printSlip, slip)) as PrintSlipResult;
    } catch {
      // Main went away mid-print (quit) or the slip could not be cloned: the kiosk carries on.
      return { printed: false, available: true, reason: 'failed' };
    }
  },
});

const bridge: HallShellBridge = Object.freeze({ kind: 'electron', role: 'kiosk', screenId: null, kiosk });

contextBridge.exposeInMainWorld('hallShell', bridge);
