/**
 * Text is text: a posting from the city platform, an urgent posting, the notice line and a
 * screen's name, each carrying bidi overrides and zero-width characters, reach the board plans
 * and alerts without them — "急招" stays "急招" instead of being drawn as "招急".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import type { BoardAlerts } from '../../../shared/schemas/urgent';
import { INVISIBLE_CONTROLS } from '../../../shared/schemas/invisible-text';
import { adminPost, startTestHub, waitFor } from '../sync/support/sync-harness';
import { ADMIN_PIN, call, inMinutes } from '../staff/staff-support';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

const RLO = '\u202E';
const ZWSP = '\u200B';
const LRI = '\u2066';
const BOM = '\uFEFF';
const hasInvisible = (value: unknown) => new RegExp(INVISIBLE_CONTROLS.source).test(JSON.stringify(value));

describe('invisible characters at the schema edge', () => {
  let hub: Hub;
  let hall: Hall;
  let board: Socket;
  let alerts: BoardAlerts | null = null;

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-invisible-'), seed: 5 });
    hall = await startTestHall({ dataDir: tmpDir('hall-invisible-'), hubUrl: hub.url });
    board = io(`${hall.url}/board`, { auth: { screenId: '1' }, transports: ['websocket'] });
    board.on('alerts', (a: BoardAlerts) => (alerts = a));
  });
  afterAll(async () => {
    board?.close();
    await hall?.close();
    await hub?.close();
  });

  it('keeps them out of postings from the city platform, urgent postings, the notice and screen names', async () => {
    const template = (await hub.store.getPosting('demo-000001'))!;
    const res = await adminPost(hub.url, '/api/v1/listings', {
      ...template,
      id: 'bidi-1',
      title: `${RLO}急招${ZWSP}叉车司机`,
      employerName: `${LRI}顺达物流${BOM}`,
      revision: template.revision + 1,
    });
    expect(res.status).toBe(200);
    await waitFor('the posting on the board', () =>
      hall.boards.planFor('1')?.pages.some((p) => p.items.some((i) => i.id === 'bidi-1')),
    );
    const plan = hall.boards.planFor('1')!;
    const item = plan.pages.flatMap((p) => p.items).find((i) => i.id === 'bidi-1')!;
    expect(item.title).toBe('急招叉车司机');
    expect(item.employer).toBe('顺达物流');

    const setup = await call(hall.url, 'POST', '/api/staff/setup', { body: { name: `王${ZWSP}主任`, pin: ADMIN_PIN } });
    const token = setup.json.token as string;
    expect(setup.json.name).toBe('王主任');
    expect(
      (
        await call(hall.url, 'POST', '/api/urgent', {
          token,
          body: { title: `${RLO}急招搬运工`, body: `电话${ZWSP}13812348000`, expiresAt: inMinutes(30) },
        })
      ).status,
    ).toBe(201);
    expect(
      (await call(hall.url, 'PUT', '/api/staff/notice', { token, body: { text: `今日${LRI}17:30闭馆` } })).status,
    ).toBeLessThan(300);
    expect(
      (await call(hall.url, 'PATCH', '/api/staff/screens/1', { token, body: { name: `大厅${BOM}主屏` } })).status,
    ).toBe(200);
    await waitFor('the alerts with the notice', () => alerts?.notice !== null && (alerts?.urgent.length ?? 0) > 0);
    expect(alerts!.urgent[0]!.title).toBe('急招搬运工');
    expect(alerts!.notice!.title).toBe('今日17:30闭馆');
    expect(hasInvisible(alerts)).toBe(false);
    const after = hall.boards.planFor('1')!;
    expect(after.screenName).toBe('大厅主屏');
    expect(hasInvisible(after)).toBe(false);
  });
});
