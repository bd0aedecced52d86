import type { PrintSlip, PrintSlipResult } from '../../shared/shell-bridge';
import type { ShellBrowserWindowClass, ShellWindow } from './electron-surface';
import { createPrintThrottle, type PrintThrottle } from './print-throttle';
import type { ShellLog, ShellTimers } from './shell-types';
import { findPrinter, slipDataUrl, slipHtml, slipLengthMm, slipPrintOptions, type ReceiptPrinter } from './slip';

export interface SlipPrinterOptions {
  BrowserWindow: ShellBrowserWindowClass;
  /** From displays.json; null when this hall PC has no receipt printer. */
  printer: ReceiptPrinter | null;
  timers: ShellTimers;
  log: ShellLog;
  now: () => number;
  /** A print that has not reported back by then counts as failed. */
  timeoutMs?: number;
  throttle?: PrintThrottle;
}

export interface SlipPrinter {
  readonly available: boolean;
  print(slip: PrintSlip): Promise<PrintSlipResult>;
}

/**
 * Prints the kiosk's slip silently: a hidden window with scripts off renders it from a data:
 * URL, Chromium sends it to the configured printer without a dialog, the window goes away.
 * Never rejects: the kiosk gets `printed: false` and a reason, and keeps working.
 */
export function createSlipPrinter(options: SlipPrinterOptions): SlipPrinter {
  const { printer, log } = options;
  const throttle = options.throttle ?? createPrintThrottle({ now: options.now });
  const timeoutMs = options.timeoutMs ?? 30_000;

  const failed = (reason: Exclude<PrintSlipResult, { printed: true }>['reason']): PrintSlipResult => ({
    printed: false,
    available: printer !== null,
    reason,
  });

  const printOnce = async (configured: ReceiptPrinter, slip: PrintSlip): Promise<PrintSlipResult> => {
    const win: ShellWindow = new options.BrowserWindow({
      show: false,
      width: 400,
      height: 600,
      skipTaskbar: true,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webviewTag: false,
        devTools: false,
        spellcheck: false,
        images: false,
      },
    });
    const contents = win.webContents;
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    try {
      await win.loadURL(slipDataUrl(slipHtml(slip, options.now(), configured)));
      const found = findPrinter(await contents.getPrintersAsync(), configured.name);
      if (!found) {
        log.warn(`print: receipt printer "${configured.name}" is not installed or not connected`);
        return failed('printer-missing');
      }
      const outcome = await new Promise<{ success: boolean; why: string }>((resolve) => {
        const timer = options.timers.setTimeout(
          () => resolve({ success: false, why: `no answer in ${timeoutMs} ms` }),
          timeoutMs,
        );
        contents.print(
          slipPrintOptions({ ...configured, name: found.name }, slipLengthMm(slip)),
          (success, failureReason) => {
            options.timers.clearTimeout(timer);
            resolve({ success, why: failureReason });
          },
        );
      });
      if (!outcome.success) {
        log.warn(`print: slip ${slip.number} on "${found.name}" failed: ${outcome.why || 'no reason given'}`);
        return failed('failed');
      }
      log.info(`print: slip ${slip.number} printed on "${found.name}"`);
      return { printed: true };
    } finally {
      if (!win.isDestroyed()) win.close();
    }
  };

  return {
    available: printer !== null,
    async print(slip) {
      if (printer === null) return failed('no-printer');
      const admission = throttle.admit(slip.id);
      if (admission !== 'ok') {
        log.warn(`print: slip ${slip.number} not printed (${admission})`);
        return failed(admission);
      }
      let result: PrintSlipResult = failed('failed');
      try {
        result = await printOnce(printer, slip);
      } catch (error) {
        log.warn(`print: slip ${slip.number} failed: ${(error as Error).message}`);
      } finally {
        throttle.finish(slip.id, result.printed);
      }
      return result;
    },
  };
}
