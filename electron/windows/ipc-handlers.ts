import type { PrintSlipResult } from '../../shared/shell-bridge';
import type { WindowRole } from './display-assignment';
import type { ShellIpcEvent, ShellIpcMain } from './electron-surface';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc-channels';
import { validateIpc, type IpcSender } from './ipc-validation';
import { redactUrl } from './redact-url';
import type { ShellLog } from './shell-types';
import type { SlipPrinter } from './slip-printer';

export interface IpcHandlerDeps {
  ipcMain: ShellIpcMain;
  hallUrl: string;
  /** The role of the shell window with this webContents id, or null. */
  roleOf(webContentsId: number): WindowRole | null;
  printer: SlipPrinter;
  log: ShellLog;
}

export function senderOf(event: ShellIpcEvent, roleOf: (id: number) => WindowRole | null): IpcSender {
  const frame = event.senderFrame;
  return {
    role: roleOf(event.sender.id),
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** Registers main's side of every channel in ipc-channels.ts; each message is validated first. */
export function registerIpcHandlers(deps: IpcHandlerDeps): { dispose(): void } {
  const { ipcMain, log } = deps;

  const refuse = (channel: IpcChannel, event: ShellIpcEvent, detail: string): void => {
    const from = event.senderFrame?.url ? redactUrl(event.senderFrame.url) : 'a gone frame';
    log.warn(`ipc: refused ${channel} from webContents ${event.sender.id} (${from}): ${detail}`);
  };

  ipcMain.handle(IPC_CHANNELS.printSlip, async (event, ...args): Promise<PrintSlipResult> => {
    const verdict = validateIpc(IPC_CHANNELS.printSlip, args, senderOf(event, deps.roleOf), deps.hallUrl);
    if (!verdict.ok) {
      refuse(IPC_CHANNELS.printSlip, event, verdict.detail);
      return { printed: false, available: deps.printer.available, reason: 'refused' };
    }
    return deps.printer.print(verdict.payload);
  });

  return {
    dispose() {
      for (const channel of Object.values(IPC_CHANNELS)) ipcMain.removeHandler(channel);
    },
  };
}
