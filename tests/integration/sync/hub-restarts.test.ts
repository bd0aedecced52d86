/**
 * The hub goes away and comes back, again and again, first while the hall is still catching
 * up (the hub holds a seeded-random page of the feed, so the restart is mid catch-up however
 * fast the machine is) and then under live traffic, with more changes written while it is
 * down. Afterwards the hall holds exactly the hub's postings and its cursor is the hub's last
 * seq.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createRandom } from '../../../scripts/demo/prng';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { HubFaults } from '../../../scripts/hub/hub-socket';
import { openHubStore } from '../../../scripts/hub/hub-store';
import type { Hall } from '../../../electron/host/hall';
import { adminDelete, adminPost, hallPostings, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

const SEED = 0x5eed;
const INITIAL = 6000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a hub that restarts during catch-up and live traffic', () => {
  const rng = createRandom(SEED);
  const hubDir = tmpDir('hub-restart-');
  const hallDir = tmpDir('hall-restart-');
  const extra = generatePostings(400, { seed: SEED, now: Date.now() }).map((l, i) => ({ ...l, id: `extra-${i}` }));
  let extraNext = 0;
  let hub: Hub | null = null;
  let hall: Hall | null = null;
  let port = 0;

  afterAll(async () => {
    await hall?.close();
    await hub?.close();
  });

  /** One random change through the admin API; the hub may be down, which is fine. */
  async function randomAdminChange(ids: string[]): Promise<void> {
    if (!hub) return;
    const url = hub.url;
    const roll = rng.next();
    try {
      if (roll < 0.2 && extraNext < extra.length) await adminPost(url, '/api/v1/listings', extra[extraNext++]);
      else if (roll < 0.4) await adminDelete(url, `/api/v1/listings/${rng.pick(ids)}`);
      else await adminPost(url, '/api/v1/listings', { id: rng.pick(ids), headcount: rng.int(1, 99) });
    } catch {
      // the hub is restarting
    }
  }

  /** Changes made upstream while no hall can hear them. */
  async function writeWhileDown(ids: string[]): Promise<void> {
    const store = openHubStore(join(hubDir, 'hub.db'));
    const now = Date.now();
    for (let i = 0; i < 40; i++) {
      const id = rng.pick(ids);
      if (rng.chance(0.3)) await store.deletePosting(id, now);
      else {
        const current = await store.getPosting(id);
        if (current) await store.upsertPostings([{ ...current, headcount: rng.int(1, 99) }], now);
      }
    }
    if (extraNext < extra.length) await store.upsertPostings([extra[extraNext++]!], now);
    await store.close();
  }

  /**
   * The next hub serves `pages` pages of its change feed, then holds the next request until
   * it is stopped: `held` resolves once a hall is waiting on that page.
   */
  let gate = { pages: Number.POSITIVE_INFINITY, served: 0, held: Promise.resolve(), release: () => undefined as void };
  function holdAfter(pages: number): void {
    let heldNow!: () => void;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    gate = { pages, served: 0, held: new Promise<void>((r) => (heldNow = r)), release };
    const g = gate;
    faults.beforeChangesPage = async () => {
      if (g.served++ < g.pages) return;
      heldNow();
      await released;
    };
  }
  const faults: HubFaults = {};

  /** Stops the hub (cutting any held request), writes upstream meanwhile, starts it again. */
  async function restartHub(ids: string[], holdPages = Number.POSITIVE_INFINITY): Promise<void> {
    await hub?.close();
    gate.release();
    holdAfter(holdPages);
    hub = null;
    await writeWhileDown(ids);
    await sleep(rng.int(20, 200));
    hub = await startTestHub({ port, dataDir: hubDir, faults });
  }

  it('ends with exactly the hub’s postings and its last seq', async () => {
    holdAfter(rng.int(1, 4));
    hub = await startTestHub({ port: 0, dataDir: hubDir, seed: INITIAL, faults });
    port = hub.port;
    const ids = [...(await hub.store.allPostings()).keys()];
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url, sync: { pageSize: 200 } });

    // During catch-up: the hub holds a page of the feed; once the hall has applied at least
    // one page and waits on the held one, the hub stops.
    const cursors: number[] = [];
    for (let round = 0; round < 3; round++) {
      await gate.held;
      const before = cursors.at(-1) ?? 0;
      const h = await waitFor('a page applied', async () => {
        const body = await health(hall!.url);
        return body.cursor > before ? body : null;
      });
      expect(h.cursor).toBeLessThan(await hub!.store.lastSeq());
      cursors.push(h.cursor);
      await restartHub(ids, round < 2 ? rng.int(1, 4) : Number.POSITIVE_INFINITY);
    }
    // three catch-ups, each interrupted part-way
    expect(cursors).toHaveLength(3);

    // During live traffic: a steady stream of admin changes while the hub restarts.
    let trafficOn = true;
    const traffic = (async () => {
      while (trafficOn) {
        await randomAdminChange(ids);
        await sleep(rng.int(2, 15));
      }
    })();
    for (let round = 0; round < 4; round++) {
      await sleep(rng.int(150, 500));
      await restartHub(ids);
    }
    await sleep(300);
    trafficOn = false;
    await traffic;

    const lastSeq = await hub!.store.lastSeq();
    await waitFor(
      'the hall to reach the hub’s last seq',
      async () => (await health(hall!.url)).cursor === lastSeq,
      120_000,
    );
    const h = await health(hall.url);
    expect(h.hub).toBe('connected');
    expect(h.cursor).toBe(lastSeq);

    const { postings, cursor } = hallPostings(hallDir);
    const upstream = await hub!.store.allPostings();
    expect(cursor).toBe(lastSeq);
    expect(postings.size).toBe(upstream.size);
    expect([...postings.keys()].sort()).toEqual([...upstream.keys()].sort());
    expect(postings).toEqual(upstream);
  });
});
