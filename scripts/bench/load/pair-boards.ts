/**
 * Pairs simulated LAN board pages the way a real one pairs: the page asks for a code
 * (`POST /api/board/pairings`), staff approve the code (`POST /api/staff/pairings`), the page
 * collects its device token once. Returns how many were paired; a host without board pairing
 * (404) pairs none and the pages connect with their screen id alone.
 *
 * Pairing requests are limited per address (a few open, one every few seconds), as they should
 * be; 200 devices do not pair from one address in a hall. So each request comes from its own
 * loopback address (127.0.0.2, .3, …: Linux routes all of 127/8 to the loopback interface),
 * while the pages then connect, with their tokens, from the LAN address.
 */
import type { BoardClientSpec } from './board-clients';
import { STAFF_PIN } from './load-hall';
import { httpRequest } from '../../../tests/support/http-request';

const call = (url: string, method: string, body: unknown, headers: Record<string, string>, localAddress?: string) =>
  httpRequest(url, { method, body, headers, ...(localAddress ? { localAddress } : {}) });

export async function pairBoards(hallUrl: string, specs: BoardClientSpec[]): Promise<number> {
  const loopback = `http://127.0.0.1:${new URL(hallUrl).port}`;
  const session = await call(`${hallUrl}/api/staff/session`, 'POST', { pin: STAFF_PIN }, {});
  const staff = { authorization: `Bearer ${String(session.json.token)}` };
  let paired = 0;
  for (const [i, spec] of specs.entries()) {
    const from = `127.0.${Math.floor(i / 250)}.${2 + (i % 250)}`;
    const asked = await call(`${loopback}/api/board/pairings`, 'POST', { screenId: spec.screenId }, {}, from);
    if (asked.status === 404 && paired === 0) return 0;
    if (asked.status !== 201)
      throw new Error(`pairBoards: pairing request answered ${asked.status}: ${JSON.stringify(asked.json)}`);
    const approved = await call(
      `${hallUrl}/api/staff/pairings`,
      'POST',
      { role: 'device', code: asked.json.code },
      staff,
    );
    if (approved.status !== 201)
      throw new Error(`pairBoards: approval answered ${approved.status}: ${JSON.stringify(approved.json)}`);
    const state = await call(
      `${loopback}/api/board/pairings/${String(asked.json.pairingId)}`,
      'GET',
      undefined,
      {},
      from,
    );
    if (state.json.status !== 'approved' || typeof state.json.token !== 'string')
      throw new Error(`pairBoards: pairing not approved: ${JSON.stringify(state.json)}`);
    spec.deviceToken = state.json.token;
    paired++;
  }
  return paired;
}
