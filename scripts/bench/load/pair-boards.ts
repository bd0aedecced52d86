/**
 * Pairs simulated LAN board pages the way a real one pairs: the page asks for a code
 * (`POST /api/board/pairings`), staff approve the code (`POST /api/staff/pairings`), the page
 * collects its device token once. Returns how many were paired; a host without board pairing
 * (404) pairs none and the pages connect with their screen id alone.
 */
import type { BoardClientSpec } from './board-clients';
import { STAFF_PIN } from './load-hall';

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

export async function pairBoards(hallUrl: string, boardUrl: string, specs: BoardClientSpec[]): Promise<number> {
  let staff: Record<string, string> | null = null;
  let paired = 0;
  for (const spec of specs) {
    let request: Record<string, unknown> | null = null;
    for (let attempt = 0; attempt < 50 && !request; attempt++) {
      const res = await fetch(`${boardUrl}/api/board/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ screenId: spec.screenId }) });
      // one address may have only a few requests open at once: approve them as we go
      if (res.status === 404 && paired === 0) return 0;
      if (res.status === 429) await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 100));
      else if (res.ok) request = await json(res);
      else throw new Error(`pairBoards: pairing request answered ${res.status}: ${await res.text()}`);
    }
    if (!request) throw new Error('pairBoards: the host kept refusing pairing requests from this address');
    if (!staff) {
      const session = await json(await fetch(`${hallUrl}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin: STAFF_PIN }) }));
      staff = { authorization: `Bearer ${String(session.token)}`, 'content-type': 'application/json' };
    }
    const approve = await fetch(`${hallUrl}/api/staff/pairings`, { method: 'POST', headers: staff, body: JSON.stringify({ role: 'device', code: request.code }) });
    if (!approve.ok) throw new Error(`pairBoards: approval answered ${approve.status}: ${await approve.text()}`);
    const state = await json(await fetch(`${boardUrl}/api/board/pairings/${String(request.pairingId)}`));
    if (state.status !== 'approved' || typeof state.token !== 'string') throw new Error(`pairBoards: pairing not approved: ${JSON.stringify(state)}`);
    spec.deviceToken = state.token;
    paired++;
  }
  return paired;
}
