/**
 * A socket.io-client parser for load generators: every packet is decoded as usual except a
 * board `plan`, of which only the head (planId) and the tail (totalItems, dataUpdatedAt,
 * generatedAt) are read, and a `plan-patch`, decoded whole (it is small) with its length noted. A wall parses its one plan on its own CPU; two hundred simulated walls
 * parsing a 5 MB plan each on the host's two cores would measure the load generator, not the
 * host. The wire protocol is untouched: the host cannot tell these clients from real boards.
 */
import { Decoder as DefaultDecoder, Encoder, PacketType } from 'socket.io-parser';

/** What a load client keeps of a plan. */
export interface LightPlan {
  light: true;
  planId: string;
  totalItems: number;
  dataUpdatedAt: number | null;
  generatedAt: number;
  /** Length of the packet's text (≈ bytes on the wire for ASCII, ~1.5× fewer than UTF-8 for Chinese). */
  chars: number;
}

const PLAN_PREFIX = '2/board,["plan",';
const PATCH_PREFIX = '2/board,["plan-patch",';

/** What a load client reads of a `plan-patch` (the fields it needs to follow its plan). */
export interface LightPatch {
  planId: string;
  basePlanId: string;
  set: { totalItems?: number; dataUpdatedAt?: number | null; generatedAt?: number };
  pageCount: number;
  /** Length of the packet's text. */
  chars: number;
}
const HEAD = /"planId":"([0-9a-f]+)"/;
const TAIL = /"totalItems":(\d+),"dataUpdatedAt":(null|\d+),"warnings":\[[^\]]*\],"generatedAt":(\d+)\}\]$/;

export function readLightPlan(packet: string): LightPlan | null {
  const head = HEAD.exec(packet.slice(PLAN_PREFIX.length, PLAN_PREFIX.length + 80));
  const tail = TAIL.exec(packet.slice(-600));
  if (!head || !tail) return null;
  return {
    light: true,
    planId: head[1]!,
    totalItems: Number(tail[1]),
    dataUpdatedAt: tail[2] === 'null' ? null : Number(tail[2]),
    generatedAt: Number(tail[3]),
    chars: packet.length,
  };
}

/** Same events as socket.io-parser's Decoder (`decoded`), with plans read lightly. */
export class LightDecoder extends DefaultDecoder {
  override add(obj: unknown): void {
    if (typeof obj === 'string' && obj.startsWith(PATCH_PREFIX)) {
      const patch = JSON.parse(obj.slice(PATCH_PREFIX.length, -1)) as Omit<LightPatch, 'chars'>;
      (this as unknown as { emitReserved(event: string, packet: unknown): void }).emitReserved('decoded', {
        type: PacketType.EVENT,
        nsp: '/board',
        data: ['plan-patch', { ...patch, chars: obj.length } satisfies LightPatch],
      });
      return;
    }
    if (typeof obj === 'string' && obj.startsWith(PLAN_PREFIX)) {
      const plan = readLightPlan(obj);
      if (plan) {
        (this as unknown as { emitReserved(event: string, packet: unknown): void }).emitReserved('decoded', {
          type: PacketType.EVENT,
          nsp: '/board',
          data: ['plan', plan],
        });
        return;
      }
    }
    super.add(obj);
  }
}

export const lightParser = { Encoder, Decoder: LightDecoder, protocol: 5, PacketType } as unknown as {
  Encoder: typeof Encoder;
  Decoder: typeof DefaultDecoder;
};
