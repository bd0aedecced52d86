/**
 * A packet encoded ahead of time (RawPacket) through a real socket.io server with the host's
 * adapter and parser: a plain socket.io client gets exactly what a normal emit would have
 * sent, over websocket and over long-polling, in a room or to one socket.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { hallSocketParser, RawPacketAdapter } from '../../../electron/host/server/raw-packet-adapter';
import { encodeEventPacket } from '../../../electron/host/server/raw-packet';

const value = { planId: 'abc', text: '急招叉车司机 "引号" \\ 反斜杠 \u2028', n: [1, 2.5, null], nested: { ok: true } };

describe('pre-encoded socket.io packets', () => {
  let io: Server;
  let url: string;
  const clients: Socket[] = [];
  beforeAll(async () => {
    const http = createServer();
    io = new Server(http, { parser: hallSocketParser, adapter: RawPacketAdapter });
    io.of('/board').on('connection', (s) => void s.join('room'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await new Promise<void>((r) => void io.close(() => r()));
  });

  async function client(transports: string[]): Promise<Socket> {
    const c = connect(`${url}/board`, { transports, forceNew: true, reconnection: false });
    clients.push(c);
    await new Promise<void>((r) => void c.on('connect', () => r()));
    return c;
  }
  const next = (c: Socket) => new Promise((r) => c.once('plan', r));

  it('delivers the value a plain emit would, to a room and to one socket, over websocket and polling', async () => {
    const ws = await client(['websocket']);
    const polling = await client(['polling']);
    await new Promise((r) => setTimeout(r, 50));
    const raw = encodeEventPacket('/board', 'plan', JSON.stringify(value));
    const got = Promise.all([next(ws), next(polling)]);
    io.of('/board')
      .to('room')
      .emit('plan', raw as never);
    expect(await got).toEqual([value, value]);
    const one = next(ws);
    io.of('/board')
      .to(ws.id!)
      .emit('plan', raw as never);
    expect(await one).toEqual(value);
    // straight to one socket (the encoder's path) works too
    const direct = next(polling);
    io.of('/board')
      .sockets.get(polling.id!)!
      .emit('plan', raw as never);
    expect(await direct).toEqual(value);
  });

  it('refuses a packet sent as another event than it was encoded for', async () => {
    await client(['websocket']);
    expect(() =>
      io
        .of('/board')
        .to('room')
        .emit('status', encodeEventPacket('/board', 'plan', '{}') as never),
    ).toThrow(/sent as \/board "status"/);
  });
});
