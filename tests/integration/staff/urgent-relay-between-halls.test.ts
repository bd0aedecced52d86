/**
 * DESIGN.md: staff postings go up through the outbox "so other halls get them". One hub, two
 * halls: a posting pushed by hall A's staff reaches hall B's boards, a retraction in A takes it
 * down in B, and A's own screen targeting is not overwritten by the relayed copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import type { BoardAlerts } from '../../../shared/schemas/urgent';
import { health, startTestHub, waitFor } from '../sync/support/sync-harness';
import { ADMIN_PIN, call, inMinutes } from './staff-support';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

describe('urgent postings relayed between halls by the hub', () => {
  let hub: Hub;
  let hallA: Hall;
  let hallB: Hall;
  const sockets: Socket[] = [];
  const lastOn = new Map<string, BoardAlerts>();
  let tokenA: string;

  function watchBoard(name: string, hall: Hall): Socket {
    const s = io(`${hall.url}/board`, { auth: { screenId: '1' }, transports: ['websocket'] });
    s.on('alerts', (a: BoardAlerts) => lastOn.set(name, a));
    sockets.push(s);
    return s;
  }

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-relay-') });
    [hallA, hallB] = await Promise.all([
      startTestHall({ dataDir: tmpDir('hall-a-'), hubUrl: hub.url, hallId: 'hall-a' }),
      startTestHall({ dataDir: tmpDir('hall-b-'), hubUrl: hub.url, hallId: 'hall-b' }),
    ]);
    tokenA = (await call(hallA.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } })).json
      .token;
    const a = watchBoard('a', hallA);
    const b = watchBoard('b', hallB);
    await waitFor('boards connected', () => a.connected && b.connected);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([hallA?.close(), hallB?.close()]);
    await hub?.close();
  });

  it("shows hall A's urgent posting on hall B's boards and takes it down when A retracts it", async () => {
    const posted = await call(hallA.url, 'POST', '/api/urgent', {
      token: tokenA,
      body: { title: '全市急招搬运工', expiresAt: inMinutes(30), screens: ['1'] },
    });
    expect(posted.status).toBe(201);
    const id = posted.json.id as string;

    await waitFor('posting on hall B', () => lastOn.get('b')?.urgent.some((u) => u.id === id), 60_000);
    expect(lastOn.get('b')!.urgent.find((u) => u.id === id)).toMatchObject({ title: '全市急招搬运工' });

    // A's own record keeps its origin and its screen targeting after the relayed copy comes back:
    // wait until hall A has applied the hub's change log up to the relayed posting.
    const relayedSeq = await hub.store.lastSeq();
    expect(relayedSeq).toBeGreaterThan(0);
    await waitFor(
      'hall A to apply the relayed copy',
      async () => (await health(hallA.url)).cursor >= relayedSeq,
      60_000,
    );
    const listA = await call(hallA.url, 'GET', '/api/urgent', { token: tokenA });
    expect(listA.json.urgent.find((u: { id: string }) => u.id === id)).toMatchObject({
      origin: 'local',
      screens: ['1'],
      live: true,
    });

    expect((await call(hallA.url, 'DELETE', `/api/urgent/${id}`, { token: tokenA })).status).toBeLessThan(300);
    await waitFor('posting gone from hall B', () => !lastOn.get('b')?.urgent.some((u) => u.id === id), 60_000);
    await waitFor('posting gone from hall A', () => !lastOn.get('a')?.urgent.some((u) => u.id === id), 60_000);
  });
});
