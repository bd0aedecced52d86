/**
 * Delivery proof at the socket level: a board page that confirms is "showing since"; one that
 * never confirms is sent the posting again and flagged; a configured screen with no page open
 * shows as offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';
import type { BoardAlerts } from '../../../shared/schemas/urgent';
import type { Hall } from '../../../electron/host/hall';
import { freshDataDir } from '../../support/hall-process';
import { startTestHall } from '../../support/in-process-hall';
import { ADMIN_PIN, call, inMinutes } from './staff-support';

function boardSocket(url: string, screenId: string, received: BoardAlerts[]): Socket {
  const socket = io(`${url}/board`, { auth: { screenId }, transports: ['websocket'] });
  socket.on('alerts', (a: BoardAlerts) => received.push(a));
  return socket;
}

describe('delivery proof per board page', () => {
  let hall: Hall;
  let token: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens: ['a', 'b', 'c'].map((id) => ({ ...DEFAULT_SCREEN, id, name: `屏 ${id}` })) }));
    hall = await startTestHall({ dataDir });
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

    const posted = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: '急招装卸工', expiresAt: inMinutes(20) } });
    const id = posted.json.id as string;
    await expect.poll(() => good.some((x) => x.urgent.some((u) => u.id === id))).toBe(true);
    const paintedAt = Date.now();
    a.emit('heartbeat', { planId: 'p', pageIndex: 0, urgentIds: [id], paintedAt }, () => undefined);

    await expect
      .poll(async () => (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery.find((c: any) => c.screenId === 'b')?.flagged, { timeout: 6000 })
      .toBe(true);
    const delivery = (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as any[];
    expect(delivery.find((c) => c.screenId === 'a')).toMatchObject({ online: true, showingSince: paintedAt, flagged: false, retries: 0 });
    expect(delivery.find((c) => c.screenId === 'b')).toMatchObject({ online: true, showingSince: null, flagged: true });
    expect(delivery.find((c) => c.screenId === 'b').retries).toBeGreaterThanOrEqual(1);
    expect(delivery.find((c) => c.screenId === 'c')).toMatchObject({ online: false, pageId: null, showingSince: null });
    // the silent page was sent it again
    expect(silent.filter((x) => x.urgent.some((u) => u.id === id)).length).toBeGreaterThanOrEqual(2);

    // once it confirms, the flag goes
    b.emit('heartbeat', { planId: 'p', pageIndex: 0, urgentIds: [id], paintedAt: Date.now() }, () => undefined);
    await expect
      .poll(async () => (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery.find((c: any) => c.screenId === 'b')?.showingSince !== null)
      .toBe(true);
  });

  it('sends only the postings aimed at a screen', async () => {
    const onA: BoardAlerts[] = [];
    const onC: BoardAlerts[] = [];
    sockets.push(boardSocket(hall.url, 'a', onA), boardSocket(hall.url, 'c', onC));
    const posted = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: '只在 C 屏', expiresAt: inMinutes(20), screens: ['c'] } });
    const id = posted.json.id as string;
    await expect.poll(() => onC.at(-1)?.urgent.some((u) => u.id === id)).toBe(true);
    expect(onA.at(-1)?.urgent.some((u) => u.id === id)).toBe(false);
    const delivery = (await call(hall.url, 'GET', `/api/urgent/${id}`, { token })).json.delivery as Array<{ screenId: string }>;
    expect(new Set(delivery.map((c) => c.screenId))).toEqual(new Set(['c']));
  });
});
