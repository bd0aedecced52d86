import type { z } from 'zod';
import { PrintSlipSchema } from '../../shared/shell-bridge';
import type { WindowRole } from './display-assignment';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc-channels';
import { isNavigationAllowed } from './window-security';

// Pure: may this IPC message be acted on? Every message is checked twice over — who sent it
// (one of the shell's own windows, of the role the channel belongs to, showing a hall page of
// that role in its main frame) and what it carries (the channel's zod schema). A page that
// navigated somewhere else, an iframe, a <webview>, the hidden print window: all refused.

interface Route<S extends z.ZodType> {
  role: WindowRole;
  /** The single argument the channel takes. */
  schema: S;
}

export const IPC_ROUTES = {
  [IPC_CHANNELS.printSlip]: { role: 'kiosk', schema: PrintSlipSchema },
} as const satisfies Record<IpcChannel, Route<z.ZodType>>;

export type IpcPayload<C extends IpcChannel> = z.output<(typeof IPC_ROUTES)[C]['schema']>;

/** What main knows of the sender of a message (IpcMainInvokeEvent). */
export interface IpcSender {
  /** The role of the shell window whose webContents sent it; null when it is not one of ours. */
  role: WindowRole | null;
  /** URL of the frame that sent it (event.senderFrame.url); null when the frame is gone. */
  frameUrl: string | null;
  /** Sent from the top frame (event.senderFrame.parent === null). */
  isMainFrame: boolean;
}

export type IpcRefusal =
  'unknown-channel' | 'unknown-sender' | 'wrong-role' | 'subframe' | 'wrong-page' | 'bad-arguments';

export type IpcVerdict<C extends IpcChannel> =
  { ok: true; payload: IpcPayload<C> } | { ok: false; reason: IpcRefusal; detail: string };

function isChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(IPC_ROUTES, channel);
}

/** Checks sender and arguments of one message; `detail` is safe to log (it never echoes the payload). */
export function validateIpc<C extends IpcChannel>(
  channel: C | string,
  args: readonly unknown[],
  sender: IpcSender,
  hallUrl: string,
): IpcVerdict<C> {
  if (!isChannel(channel))
    return { ok: false, reason: 'unknown-channel', detail: `no channel ${JSON.stringify(channel.slice(0, 60))}` };
  const route = IPC_ROUTES[channel];
  if (sender.role === null) return { ok: false, reason: 'unknown-sender', detail: 'not one of the shell’s windows' };
  if (sender.role !== route.role)
    return { ok: false, reason: 'wrong-role', detail: `${channel} is for the ${route.role}, not a ${sender.role}` };
  if (!sender.isMainFrame) return { ok: false, reason: 'subframe', detail: 'sent from a sub-frame' };
  if (sender.frameUrl === null || !isNavigationAllowed(sender.frameUrl, hallUrl, route.role)) {
    return { ok: false, reason: 'wrong-page', detail: `the ${route.role} window is not on a hall ${route.role} page` };
  }
  if (args.length !== 1)
    return { ok: false, reason: 'bad-arguments', detail: `${channel} takes one argument, got ${args.length}` };
  const parsed = route.schema.safeParse(args[0]);
  if (!parsed.success) {
    // Field paths only: the values might be exactly what must not reach a log.
    const fields = [
      ...new Set(
        parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => `unexpected ${key.slice(0, 40)}`)
            : [issue.path.join('.') || '(root)'],
        ),
      ),
    ].join(', ');
    return { ok: false, reason: 'bad-arguments', detail: `${channel}: invalid ${fields}` };
  }
  return { ok: true, payload: parsed.data as IpcPayload<C> };
}
