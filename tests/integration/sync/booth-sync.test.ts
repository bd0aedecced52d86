/**
 * A booth set on the city platform (the reference hub) reaches the hall's store and its boards'
 * plans, a change of booth follows it, a cleared booth leaves, and a bad one is refused upstream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { adminPost, hallPostings, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

describe('booths from the hub', () => {
  let hub: Hub;
  let hall: Hall;
  let hallDir: string;

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-booth-'), seed: 30 });
    hallDir = tmpDir('hall-booth-');
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url });
    await waitFor('the first sync', async () => (await health(hall.url)).cursor === (await hub.store.lastSeq()));
  });

  afterAll(async () => {
    await hall?.close();
    await hub?.close();
  });

  const planBooth = (id: string) =>
    hall.boards
      .planFor('1')
      ?.pages.flatMap((p) => p.items)
      .find((i) => i.id === id)?.booth;

  it('carries a booth set upstream into the hall’s store and the board plan, and follows a move and a clear', async () => {
    const ids = [...hallPostings(hallDir).postings.keys()];
    const target = ids.find((id) => hall.boards.planFor('1')?.pages.some((p) => p.items.some((i) => i.id === id)))!;
    expect(target).toBeDefined();

    const set = await adminPost(hub.url, '/api/v1/listings', { id: target, booth: ' ｃ７ ' });
    expect(set.status).toBe(200);
    expect((await hub.store.getPosting(target))?.booth).toBe('C7');
    await waitFor('the booth in the hall', () => hallPostings(hallDir).postings.get(target)?.booth === 'C7');
    await waitFor('the booth on the board plan', () => planBooth(target) === 'C7');

    await adminPost(hub.url, '/api/v1/listings', { id: target, booth: 'D-12' });
    await waitFor('the new booth in the hall', () => hallPostings(hallDir).postings.get(target)?.booth === 'D-12');

    await adminPost(hub.url, '/api/v1/listings', { id: target, booth: null });
    await waitFor('the booth cleared', () => {
      const p = hallPostings(hallDir).postings.get(target);
      return p !== undefined && p.revision > 2 && !('booth' in p);
    });
    await waitFor('the booth off the board plan', () => planBooth(target) === undefined);
  });

  it('refuses a bad booth upstream and keeps the posting as it was', async () => {
    const target = [...hallPostings(hallDir).postings.keys()][0]!;
    const before = await hub.store.getPosting(target);
    const res = await adminPost(hub.url, '/api/v1/listings', { id: target, booth: 'A12<b>' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/booth/);
    expect(await hub.store.getPosting(target)).toEqual(before);
  });
});
