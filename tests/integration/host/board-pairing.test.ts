/**
 * Board pages on the hall network are known devices. The hall PC is 127.0.0.1 here; pages
 * connecting from 127.0.0.2–127.0.0.9 play LAN devices (Linux routes all of 127/8 to the
 * loopback interface, so this needs no network set-up). A LAN page without a device token
 * gets no plan, no alerts and cannot report delivery; pairing goes code → staff approval →
 * token; a token shows only its own screen; revoking closes its pages; pairing requests are
 * limited per address without locking out another address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';
import { ADMIN_PIN, call, inMinutes, signIn } from '../staff/staff-support';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { httpRequest } from '../../support/http-request';

const HALL_PC = '127.0.0.1';
const lan = (n: number) => `127.0.0.${n}`;

/** An HTTP call from a chosen source address (what a device on the hall network would send). */
const from = (address: string, base: string, method: string, path: string, body?: unknown) =>
  httpRequest(new URL(path, base).href, { method, body, localAddress: address });

describe('board pages from the hall network', () => {
  let hall: Hall & { dataDir: string };
  let token: string;
  const sockets: Socket[] = [];

  function board(address: string, auth: Record<string, unknown>): Socket {
    const s = connect(`${hall.url}/board`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      localAddress: address,
    } as Parameters<typeof connect>[1]);
    sockets.push(s);
    return s;
  }
  const refused = (s: Socket) =>
    new Promise<{ message: string; data?: { code: string } }>((resolve) => s.once('connect_error', resolve as never));
  const next = <T>(s: Socket, event: string, ms = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
      s.once(event, (v: T) => {
        clearTimeout(timer);
        resolve(v);
      });
    });

  async function pair(address: string, screenId: string): Promise<string> {
    const asked = await from(address, hall.url, 'POST', '/api/board/pairings', { screenId });
    expect(asked.status).toBe(201);
    expect((await from(address, hall.url, 'GET', `/api/board/pairings/${asked.json.pairingId}`)).json).toMatchObject({
      status: 'pending',
      code: asked.json.code,
      screenId,
    });
    const approved = await call(hall.url, 'POST', '/api/staff/pairings', {
      token,
      body: { role: 'device', code: asked.json.code },
    });
    expect(approved).toMatchObject({ status: 201, json: { role: 'board-device', screenId } });
    const collected = await from(address, hall.url, 'GET', `/api/board/pairings/${asked.json.pairingId}`);
    expect(collected.json).toMatchObject({ status: 'approved', screenId, deviceId: approved.json.deviceId });
    // the token is handed out once
    expect((await from(address, hall.url, 'GET', `/api/board/pairings/${asked.json.pairingId}`)).status).toBe(404);
    return collected.json.token as string;
  }

  beforeAll(async () => {
    hall = await startTestHall({
      argv: ['--host', '0.0.0.0'],
      deps: { isHallPc: (a) => a === HALL_PC || a === `::ffff:${HALL_PC}` },
    });
    writeScreens(hall);
    await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
    token = await signIn(hall.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hall?.close();
  });

  it('gives an unpaired LAN page nothing: refused with pairing_required, no plan, no alerts', async () => {
    const s = board(lan(2), { screenId: '1' });
    const got: string[] = [];
    s.onAny((event) => got.push(event));
    const error = await refused(s);
    expect(error.data?.code).toBe('pairing_required');
    expect(got).toEqual([]);
    expect(hall.boards.presences()).toEqual([]);
    // a made-up token is no better
    expect((await refused(board(lan(2), { screenId: '1', deviceToken: 'x'.repeat(43) }))).data?.code).toBe(
      'pairing_required',
    );
  });

  it('pairs a LAN page by code and staff approval, and then plans for it', async () => {
    const deviceToken = await pair(lan(3), '1');
    const s = board(lan(3), { screenId: '1', deviceToken });
    const plan = await next<BoardPlan>(s, 'plan');
    expect(plan.screenId).toBe('1');
    const screens = await call(hall.url, 'GET', '/api/staff/screens', { token });
    expect(screens.json.boardDevices).toEqual([expect.objectContaining({ screenId: '1', approvedBy: '王主任' })]);
  });

  it('lets a paired page show and report only its own screen', async () => {
    const deviceToken = await pair(lan(4), '1');
    expect((await refused(board(lan(4), { screenId: 'door', deviceToken }))).data?.code).toBe('device_other_screen');
  });

  it('changes no delivery state for a heartbeat naming an urgent posting the page was never sent', async () => {
    // an urgent posting for screen "door" only; a paired page of screen 1 claims to show it
    const urgent = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招搬运工', expiresAt: inMinutes(30), screens: ['door'] },
    });
    expect(urgent.status).toBe(201);
    const deviceToken = await pair(lan(5), '1');
    const s = board(lan(5), { screenId: '1', deviceToken });
    await next(s, 'plan');
    expect(
      await s.emitWithAck('heartbeat', {
        planId: 'forged',
        pageIndex: 0,
        urgentIds: [urgent.json.id],
        paintedAt: Date.now(),
      }),
    ).toBe(true);
    // an unpaired LAN socket cannot even get that far
    const forger = board(lan(6), { screenId: 'door' });
    expect((await refused(forger)).data?.code).toBe('pairing_required');
    // the heartbeat's ack above comes after the host has handled it: nothing left to wait for
    const list = await call(hall.url, 'GET', '/api/urgent', { token });
    const record = list.json.urgent.find((u: { id: string }) => u.id === urgent.json.id);
    expect(record.delivery).toEqual([expect.objectContaining({ screenId: 'door', online: false, showingSince: null })]);
    await call(hall.url, 'DELETE', `/api/urgent/${urgent.json.id}`, { token });
  });

  it('closes a revoked device’s pages and refuses it from then on', async () => {
    const deviceToken = await pair(lan(7), '1');
    const s = board(lan(7), { screenId: '1', deviceToken });
    await next(s, 'plan');
    const deviceId = (await call(hall.url, 'GET', '/api/staff/screens', { token })).json.boardDevices.at(-1)
      .id as string;
    const closed = next(s, 'disconnect');
    expect((await call(hall.url, 'DELETE', `/api/staff/devices/${deviceId}`, { token })).status).toBe(200);
    await closed;
    expect((await refused(board(lan(7), { screenId: '1', deviceToken }))).data?.code).toBe('pairing_required');
  });

  it('caps the pages one device may hold open', async () => {
    const deviceToken = await pair(lan(8), 'door');
    for (let i = 0; i < 4; i++) await next(board(lan(8), { screenId: 'door', deviceToken }), 'plan');
    expect((await refused(board(lan(8), { screenId: 'door', deviceToken }))).data?.code).toBe('too_many_sockets');
  });

  it('limits pairing requests per address, without locking out another address or the kiosks', async () => {
    const answers = [];
    for (let i = 0; i < 20; i++)
      answers.push(await from(lan(9), hall.url, 'POST', '/api/board/pairings', { screenId: '1' }));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refusedOnes = answers.filter((a) => a.status === 429);
    expect(refusedOnes).toHaveLength(17);
    expect(Number(refusedOnes[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(refusedOnes[0]!.json.error.code).toBe('too_many_pairings');
    // another address, a board page and a kiosk, are not held up
    expect((await from(HALL_PC, hall.url, 'POST', '/api/board/pairings', { screenId: 'door' })).status).toBe(201);
    expect((await from(lan(2), hall.url, 'POST', '/api/kiosk/pairings')).status).toBe(201);
    const health = await (await fetch(`${hall.url}/healthz`)).json();
    expect(health.limits['pairing.per_address'].total).toBe(17);
  });
});

function writeScreens(hall: Hall): void {
  // a second screen, configured at run time the way staff add one
  const screens = hall.screens();
  screens.push({ ...screens[0]!, id: 'door', name: '门口小屏', width: 960, height: 480, layout: 'table' });
}
