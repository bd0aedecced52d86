/**
 * Urgent postings and the city platform: the hub's urgent postings reach the boards the same
 * way as local ones, and a staff posting is relayed to the hub through the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import type { BoardAlerts } from '../../../shared/schemas/urgent';
import { ADMIN_TOKEN, adminPost, startTestHub, waitFor } from '../sync/support/sync-harness';
import { ADMIN_PIN, call, inMinutes } from './staff-support';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

describe('urgent postings between the hub and a hall', () => {
  let hub: Hub;
  let hall: Hall;
  let board: Socket;
  let last: BoardAlerts | null = null;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-urgent-') });
    hall = await startTestHall({ dataDir: tmpDir('hall-urgent-'), hubUrl: hub.url });
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } })).json.token;
    board = io(`${hall.url}/board`, { auth: { screenId: '1' }, transports: ['websocket'] });
    board.on('alerts', (a: BoardAlerts) => (last = a));
    await waitFor('board connected', () => board.connected);
  });

  afterAll(async () => {
    board?.close();
    await hall?.close();
    await hub?.close();
  });

  it('puts an urgent posting from the hub on the boards, and takes it down when the hub ends it', async () => {
    const created = await adminPost(hub.url, '/api/v1/urgent', {
      id: 'city-1',
      title: '全市急招：环卫工 20 人',
      body: '到岗即结算',
      expiresAt: inMinutes(30),
    });
    expect(created.status).toBe(200);
    await waitFor('hub posting on the board', () => last?.urgent.some((u) => u.id === 'city-1'), 60_000);
    expect(last!.urgent.find((u) => u.id === 'city-1')).toMatchObject({
      title: '全市急招：环卫工 20 人',
      body: '到岗即结算',
    });
    const list = await call(hall.url, 'GET', '/api/urgent', { token });
    expect(list.json.urgent.find((u: { id: string }) => u.id === 'city-1')).toMatchObject({
      origin: 'hub',
      live: true,
    });

    // the hub ends it by moving its expiry to now
    await adminPost(hub.url, '/api/v1/urgent', {
      id: 'city-1',
      title: '全市急招：环卫工 20 人',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    await waitFor(
      'hub posting gone from the board',
      () => last !== null && !last.urgent.some((u) => u.id === 'city-1'),
      60_000,
    );
  });

  it('passes over a hub urgent posting that fails validation without stopping sync', async () => {
    await hub.appendRawChange({
      type: 'urgent',
      op: 'upsert',
      id: 'city-bad',
      data: { title: '<b>急招</b>', expiresAt: 'soon' },
    });
    await hub.appendRawChange({ type: 'urgent', op: 'upsert', id: 'city-bad-2', data: { expiresAt: inMinutes(30) } });
    await adminPost(hub.url, '/api/v1/urgent', { id: 'city-2', title: '急招装卸工', expiresAt: inMinutes(30) });
    await waitFor('later hub posting on the board', () => last?.urgent.some((u) => u.id === 'city-2'), 60_000);
    expect(last!.urgent.map((u) => u.id)).not.toContain('city-bad');
    expect(last!.urgent.map((u) => u.id)).not.toContain('city-bad-2');
    const list = await call(hall.url, 'GET', '/api/urgent', { token });
    expect(list.json.urgent.map((u: { id: string }) => u.id)).not.toContain('city-bad');
  });

  it('relays a staff urgent posting to the hub through the outbox', async () => {
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '本厅急招叉车司机', expiresAt: inMinutes(45), screens: ['1'] },
    });
    expect(posted.status).toBe(201);
    const submission = await waitFor(
      'submission at the hub',
      async () => {
        const res = await fetch(`${hub.url}/api/v1/submissions`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        const body = (await res.json()) as {
          submissions: Array<{ type: string; payload: { id: string; title: string; screens: string[] | null } }>;
        };
        return body.submissions.find((s) => s.type === 'urgent' && s.payload.id === posted.json.id);
      },
      15_000,
    );
    expect(submission.payload).toMatchObject({ title: '本厅急招叉车司机', screens: ['1'] });
    expect((await (await fetch(`${hall.url}/healthz`)).json()).outboxPending).toBe(0);
  });
});
