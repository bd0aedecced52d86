/**
 * A cap on the socket.io connections one address on the hall network may hold at once (the
 * hall PC itself is not capped): past it a new connection is refused in the handshake, before
 * any namespace sees it. Bounds what a stranger can make the host hold open.
 */
import type { IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import type { LimitCounters } from './limit-counters';
import { isLoopback } from './addresses';

export const DEFAULT_CONNECTIONS_PER_ADDRESS = 256;

export function capConnections(
  io: Server,
  deps: { limits: LimitCounters; perAddress?: number; isHallPc?: (address: string) => boolean },
): void {
  const perAddress = deps.perAddress ?? DEFAULT_CONNECTIONS_PER_ADDRESS;
  const isHallPc = deps.isHallPc ?? isLoopback;
  const open = new Map<string, number>();
  const addressOf = (req: IncomingMessage) => req.socket.remoteAddress ?? '';
  io.engine.opts.allowRequest = (req, callback) => {
    const address = addressOf(req);
    if (isHallPc(address) || (open.get(address) ?? 0) < perAddress) return callback(null, true);
    deps.limits.hit('sockets.per_address', { address });
    callback('too many connections from this address', false);
  };
  io.engine.on('connection', (socket: { request: IncomingMessage; once(event: 'close', fn: () => void): void }) => {
    const address = addressOf(socket.request);
    if (isHallPc(address)) return;
    open.set(address, (open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const n = (open.get(address) ?? 1) - 1;
      if (n <= 0) open.delete(address);
      else open.set(address, n);
    });
  });
}
