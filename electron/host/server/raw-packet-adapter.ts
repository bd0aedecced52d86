/**
 * socket.io taught to send a packet encoded ahead of time (`RawPacket`, e.g. a board plan the
 * plan worker serialised): `namespace.to(room).emit(event, rawPacket)` sends the packet's
 * bytes as the websocket frame to every page in the room, and long-polling pages get its text.
 * The packets on the wire are exactly what socket.io would write, so clients need nothing.
 */
import { Adapter } from 'socket.io-adapter';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import WebSocket from 'ws';
import { RawPacket } from './raw-packet';

interface Packet {
  type: PacketType;
  nsp?: string;
  id?: number;
  data?: unknown;
}

export class RawPacketError extends Error {
  override name = 'RawPacketError';
}

/** The RawPacket a `emit(event, raw)` call carries, checked against the packet it is sent as. */
function rawOf(p: Packet): RawPacket | null {
  if (p.type !== PacketType.EVENT || !Array.isArray(p.data) || p.data.length !== 2 || !(p.data[1] instanceof RawPacket))
    return null;
  const raw = p.data[1];
  if (p.id !== undefined || raw.event !== p.data[0] || raw.nsp !== (p.nsp ?? '/')) {
    throw new RawPacketError(
      `RawPacket for ${raw.nsp} "${raw.event}" sent as ${p.nsp ?? '/'} "${String(p.data[0])}"${p.id !== undefined ? ' with an ack' : ''}`,
    );
  }
  return raw;
}

/** The default encoder; a RawPacket emitted to one socket directly is sent as its text. */
export class RawPacketEncoder extends Encoder {
  override encode(obj: Packet): Array<string | Buffer> {
    const raw = rawOf(obj);
    if (raw) return [raw.text()];
    return super.encode(obj as Parameters<Encoder['encode']>[0]) as Array<string | Buffer>;
  }
}

/** Sender.frame is public in ws but missing from its types. */
const frame = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] } })
  .Sender.frame;

type BroadcastOptions = Parameters<Adapter['broadcast']>[1];
interface EngineWriter {
  notifyOutgoingListeners?: (packet: Packet) => void;
  client: { writeToEngine(packets: Array<string | Buffer>, opts: Record<string, unknown>): void };
}

/** The in-memory adapter, sending a RawPacket's frame as built. */
export class RawPacketAdapter extends Adapter {
  override broadcast(packet: Parameters<Adapter['broadcast']>[0], opts: BroadcastOptions): void {
    const p = packet as Packet;
    p.nsp = this.nsp.name;
    const raw = rawOf(p);
    if (!raw) return super.broadcast(packet, opts);
    const flags = opts.flags ?? {};
    const bytes = raw.bytes;
    const packetOpts: Record<string, unknown> = {
      preEncoded: true,
      volatile: flags.volatile,
      compress: flags.compress,
      wsPreEncodedFrame: frame(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        readOnly: true,
        mask: false,
        rsv1: false,
        opcode: 1,
        fin: true,
      }),
    };
    // A lazy text: only a long-polling page makes it (engine.io reads `data` for polling only).
    const encoded = [{ toString: () => raw.text() }] as unknown as string[];
    // `apply` (the room walk every broadcast uses) is private in the adapter's types only
    (this as unknown as { apply(o: BroadcastOptions, fn: (socket: unknown) => void): void }).apply(opts, (socket) => {
      const writer = socket as unknown as EngineWriter;
      writer.notifyOutgoingListeners?.(p);
      writer.client.writeToEngine(encoded, packetOpts);
    });
  }
}

/** The `parser` option for the host's socket.io server. */
export const hallSocketParser = { Encoder: RawPacketEncoder, Decoder };
