/**
 * A hall against a real hub: the first sync of 10,000 postings, then live upserts and
 * deletes reaching the hall's store and a board's plan as pushed over the board socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { adminDelete, adminPost, hallPostings, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

const COUNT = 10_000;

describe('a hall synced from a hub', () => {
  let hub: Hub;
  let hall: Hall;
  let hallDir: string;
  let board: Socket;
  let latestPlan: BoardPlan | null = null;

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-live-'), seed: COUNT });
    hallDir = tmpDir('hall-live-');
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url, sync: { pageSize: 1000 } });
    board = io(`${hall.url}/board`, { auth: { screenId: '1' }, transports: ['websocket'] });
    board.on('plan', (plan: BoardPlan) => {
      latestPlan = plan;
    });
  });

  afterAll(async () => {
    board?.disconnect();
    await hall?.close();
    await hub?.close();
  });

  const planIds = () => new Set((latestPlan?.pages ?? []).flatMap((p) => p.items.map((i) => i.id)));
  const planTitles = () => (latestPlan?.pages ?? []).flatMap((p) => p.items).map((i) => [i.id, i.title] as const);

  it('copies all 10,000 postings and ends with the cursor at the hub’s last seq', async () => {
    await waitFor('the first sync', async () => (await health(hall.url)).cursor === (await hub.store.lastSeq()));
    const h = await health(hall.url);
    expect(h.hub).toBe('connected');
    expect(h.cursor).toBe(COUNT);
    expect(h.sync?.lagChanges).toBe(0);
    const { postings } = hallPostings(hallDir);
    expect(postings.size).toBe(COUNT);
    expect(postings.get('demo-004321')).toEqual(await hub.store.getPosting('demo-004321'));
    await waitFor('a plan with the synced postings', () => planIds().size > 0);
  });

  it('applies a live edit to the store and the board plan', async () => {
    const target = [...planIds()][3]!;
    const res = await adminPost(hub.url, '/api/v1/listings', { id: target, title: '夜班保安队长' });
    expect(res.status).toBe(200);
    const { upserted } = (await res.json()) as { upserted: Array<{ seq: number; revision: number }> };

    // the planner cuts titles to fit their box ('夜班保…'), so compare the uncut part
    const shows = (title: string) => title.length > 1 && '夜班保安队长'.startsWith(title.replace(/…$/, ''));
    await waitFor('the edit on the board', () => planTitles().some(([id, title]) => id === target && shows(title)));
    const { postings, cursor } = hallPostings(hallDir);
    expect(postings.get(target)?.title).toBe('夜班保安队长');
    expect(postings.get(target)?.revision).toBe(upserted[0]!.revision);
    expect(cursor).toBe(upserted[0]!.seq);
  });

  it('takes a posting deleted upstream off the store and the board', async () => {
    const target = [...planIds()][5]!;
    const res = await adminDelete(hub.url, `/api/v1/listings/${target}`);
    expect(res.status).toBe(200);

    await waitFor('the posting to leave the board', () => !planIds().has(target));
    expect(hallPostings(hallDir).postings.has(target)).toBe(false);
    expect(hall.boards.planFor('1')?.pages.some((p) => p.items.some((i) => i.id === target))).toBe(false);
  });

  it('applies a burst of live changes in order, ending equal to the hub', async () => {
    const ids = [...(await hub.store.allPostings()).keys()].slice(100, 160);
    // concurrent, as an admin tool would send them; the hub orders them by seq
    await Promise.all(
      ids.map((id, i) =>
        i % 3 === 0
          ? adminDelete(hub.url, `/api/v1/listings/${id}`)
          : adminPost(hub.url, '/api/v1/listings', { id, headcount: 1 + i }),
      ),
    );
    await waitFor('the burst to arrive', async () => (await health(hall.url)).cursor === (await hub.store.lastSeq()));
    const { postings } = hallPostings(hallDir);
    expect(postings).toEqual(await hub.store.allPostings());
  });
});
