/**
 * A socket.io event packet encoded ahead of time: the exact bytes of its websocket text frame
 * (`42<nsp>,["<event>",<json>]`). The plan worker makes them (see raw-packet-adapter.ts for how
 * they are sent): a board plan of 20,000 postings is 5 MB of JSON, and stringifying and then
 * UTF-8-encoding it took the host's thread 100–400 ms for every send, plus a 10 MB string on
 * its heap for every plan kept. Dependency-free, so the worker can build it.
 */

/** An engine.io message (`4`) carrying a socket.io EVENT (`2`). */
const EVENT_MESSAGE = '42';

export class RawPacket {
  private textCache: string | null = null;
  constructor(
    readonly nsp: string,
    readonly event: string,
    /** UTF-8 of `42<nsp>,["<event>",<json>]`. */
    readonly bytes: Uint8Array,
  ) {}

  /** The socket.io packet text (without engine.io's `4`), for long-polling pages; made on first use. */
  text(): string {
    this.textCache ??= new TextDecoder().decode(this.bytes.subarray(1));
    return this.textCache;
  }
}

/** Encodes one event with one argument given as JSON text, exactly as socket.io would. */
export function encodeEventPacket(nsp: string, event: string, json: string): RawPacket {
  const prefix = `${EVENT_MESSAGE}${nsp && nsp !== '/' ? `${nsp},` : ''}[${JSON.stringify(event)},`;
  return new RawPacket(nsp, event, new TextEncoder().encode(prefix + json + ']'));
}
