/**
 * Delivery proof at the socket level: a board page that confirms is "showing since"; one that
 * never confirms is sent the posting again and flagged; a configured screen with no page open
 * shows as offline. The hall runs on a clock the test moves: a page is late only when the test
 * says time has passed, never because the machine was slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';
import type { BoardAlerts } from '../../../shared/schemas/urgent';
import type { DeliveryCell } from '../../../shared/staff-contract';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';
import { ADMIN_PIN, call, inMinutes } from './staff-support';
import { tmpDir } from '../../support/tmp-dir';

function boardSocket(url: string, screenId: string, received: BoardAlerts[]): Socket {
  const socket = io(`${url}/board`, { auth: { screenId }, transports: ['websocket'] });
  socket.on('alerts', (a: BoardAlerts) => received.push(a));
  return socket;
}

/** Waits on state, with room for a loaded machine (expect.poll's default is 1 s). */
const POLL = { timeout: 60_000, interval: 50 };

describe('delivery proof per board page', () => {
  let hall: Hall;
  let token: string;
  const sockets: Socket[] = [];
  let now = Date.now();
  const advance = (ms: number) => (now += ms);

  beforeAll(async () => {
    const dataDir = tmpDir();
    writeFileSync(
      join(dataDir, 'screens.json'),
      JSON.stringify({ screens: ['a', 'b', 'c'].map((id) => ({ ...DEFAULT_SCREEN, id, name: `屏 ${id}` })) }),
    );
    hall = await startTestHall({ dataDir, deps: { clock: () => now } });
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } })).json.token;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hall?.close();
  });

  it('confirms a page that reports it painted, re-sends to and flags one that does not, and lists an unopened screen as offline', async () => {
    const good: BoardAlerts[] = [];
    const silent: BoardAlerts[] = [];
    const a = boardSocket(hall.url, 'a', good);
    const b = boardSocket(hall.url, 'b', silent);
    sockets.push(a, b);
    await Promise.all([a, b].map((s) => new Promise((ok) => s.on('connect', () => ok(null)))));

    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招装卸工', expiresAt: inMinutes(20) },
    });
    const id = posted.json.id as string;
    await expect.poll(() => good.some((x) => x.urgent.some((u) => u.id === id)), POLL).toBe(true);
    await expect.poll(() => silent.some((x) => x.urgent.some((u) => u.id === id)), POLL).toBe(true);
    const paintedAt = now;
    expect(
      await a.timeout(10_000).emitWithAck('heartbeat', { planId: 'p', pageIndex: 0, urgentIds: [id], paintedAt }),
    ).toBe(true);

    // the confirmation window (2 s) passes for the page that never confirmed
    advance(2_500);
    await expect
      .poll(
        async () =>
          ((await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as DeliveryCell[]).find(
            (c) => c.screenId === 'b',
          )?.flagged,
        POLL,
      )
      .toBe(true);
    const delivery = (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as DeliveryCell[];
    expect(delivery.find((c) => c.screenId === 'a')).toMatchObject({
      online: true,
      showingSince: paintedAt,
      flagged: false,
      retries: 0,
    });
    expect(delivery.find((c) => c.screenId === 'b')).toMatchObject({ online: true, showingSince: null, flagged: true });
    expect(delivery.find((c) => c.screenId === 'b')?.retries).toBeGreaterThanOrEqual(1);
    expect(delivery.find((c) => c.screenId === 'c')).toMatchObject({ online: false, pageId: null, showingSince: null });
    // the silent page was sent it again
    expect(silent.filter((x) => x.urgent.some((u) => u.id === id)).length).toBeGreaterThanOrEqual(2);

    // once it confirms, the flag goes
    expect(
      await b.timeout(10_000).emitWithAck('heartbeat', { planId: 'p', pageIndex: 0, urgentIds: [id], paintedAt: now }),
    ).toBe(true);
    const confirmed = (
      (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as DeliveryCell[]
    ).find((c) => c.screenId === 'b');
    expect(confirmed).toMatchObject({ showingSince: now, flagged: false });
  });

  it('sends only the postings aimed at a screen', async () => {
    const onA: BoardAlerts[] = [];
    const onC: BoardAlerts[] = [];
    const a = boardSocket(hall.url, 'a', onA);
    sockets.push(a, boardSocket(hall.url, 'c', onC));
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '只在 C 屏', expiresAt: inMinutes(20), screens: ['c'] },
    });
    const id = posted.json.id as string;
    await expect.poll(() => onC.at(-1)?.urgent.some((u) => u.id === id), POLL).toBe(true);
    // a round trip on a's socket after c has it: whatever the push sent a has arrived
    expect(
      await a.timeout(10_000).emitWithAck('heartbeat', { planId: 'p', pageIndex: 0, urgentIds: [], paintedAt: now }),
    ).toBe(true);
    expect(onA.some((x) => x.urgent.some((u) => u.id === id))).toBe(false);
    const delivery = (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as Array<{
      screenId: string;
    }>;
    expect(new Set(delivery.map((c) => c.screenId))).toEqual(new Set(['c']));
  });
});
