/**
 * Gap safety under contention (issue 18): three hub nodes on one real PostgreSQL, eight admin
 * writers spread over them committing 10,000 changes concurrently, while five real halls (hall
 * processes, as `npm run serve` runs them) on different nodes sync through pages and live events
 * the whole time — three join part-way and catch up by pages while the writers write — and raw
 * readers on every node check what the feed shows at each moment:
 * - every change-feed page is a contiguous run from the asked cursor (no seq N+1 while N is
 *   missing);
 * - every node's live events arrive as 1, 2, 3, … with no gap and no repeat, whichever node
 *   wrote them;
 * - at the end every hall holds exactly the hub's postings, none missing, none doubled, and its
 *   cursor is the last seq.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../scripts/demo/prng';
import { generatePostings } from '../../../../scripts/demo/generate-postings';
import type { Hub } from '../../../../scripts/hub/hub-server';
import { startHallProcess, type HallProcess } from '../../../support/hall-process';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import { hallPostings, health, waitFor } from '../../sync/support/sync-harness';
import { HALL_TOKEN } from '../../../support/in-process-hall';
import { tmpDir } from '../../../support/tmp-dir';
import { adminPostTo, changesPage, recordLive, startNodes, type LiveRecorder } from '../support/hub-nodes';

const TOTAL_CHANGES = 10_000;
const WRITERS = 8;
const HALLS = 5;

describe('three hub nodes, eight writers, five halls', () => {
  let nodes: Hub[] = [];
  const halls: Array<{ hall: HallProcess; dir: string }> = [];
  const recorders: LiveRecorder[] = [];

  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    nodes = await startNodes(3, url);
    await Promise.all([0, 1].map((i) => startHallOn(i)));
    for (const [i, node] of nodes.entries()) recorders.push(recordLive(node.url, `recorder-${i}`, 0));
    await waitFor('recorders connected', () => recorders.every((r) => r.socket.connected));
  });

  afterAll(async () => {
    for (const r of recorders) r.close();
    await Promise.all(halls.map((h) => h.hall.stop('SIGTERM')));
    await Promise.all(nodes.map((n) => n.close()));
    await dropTestDatabases();
  });

  async function startHallOn(i: number): Promise<void> {
    const dir = tmpDir(`hall-contention-${i}-`);
    const hall = await startHallProcess({
      dataDir: dir,
      args: ['--hub', nodes[i % nodes.length]!.url, '--hall-id', `hall-${i}`, '--hub-token', HALL_TOKEN],
    });
    halls.push({ dir, hall });
  }

  it('ends with every hall exactly equal to the hub, and no reader ever saw a gap', async () => {
    const rng = createRandom(0xc17e);
    const pool = generatePostings(3000, { seed: 0xc17e, now: Date.now() });
    const byId = new Map(pool.map((l) => [l.id, l]));
    let written = 0;
    // changes sent or on their way: writers reserve before they send, so together they stop at exactly TOTAL
    let reserved = 0;
    let nextNew = 0;
    const live: string[] = [];
    const pageViolations: string[] = [];
    let writing = true;

    async function writer(w: number): Promise<void> {
      const node = nodes[w % nodes.length]!;
      while (reserved < TOTAL_CHANGES) {
        const roll = rng.next();
        const room = TOTAL_CHANGES - reserved;
        let body: unknown;
        let changes: number;
        if (roll < 0.5 || live.length < 50) {
          // a batch of new postings (ids reused round the pool: a deleted id comes back)
          changes = Math.min(room, rng.int(1, 40));
          body = Array.from({ length: changes }, () => ({ ...pool[nextNew++ % pool.length]! }));
        } else if (roll < 0.85) {
          changes = Math.min(room, rng.int(1, 20));
          // whole postings: an id another writer deletes meanwhile simply comes back
          body = Array.from({ length: changes }, () => ({ ...byId.get(rng.pick(live))!, headcount: rng.int(1, 99) }));
        } else {
          const id = live.splice(rng.int(0, live.length - 1), 1)[0]!;
          reserved++;
          const res = await fetch(`${node.url}/api/v1/listings/${id}`, {
            method: 'DELETE',
            headers: { authorization: 'Bearer test-admin-token' },
          });
          if (res.status === 200) written++;
          else if (res.status === 404) reserved--;
          else throw new Error(`writer ${w}: DELETE answered ${res.status}`);
          continue;
        }
        reserved += changes;
        const res = await adminPostTo(node.url, '/api/v1/listings', body);
        if (res.status !== 200) throw new Error(`writer ${w}: POST answered ${res.status}: ${await res.text()}`);
        const { upserted } = (await res.json()) as { upserted: Array<{ id: string }> };
        written += upserted.length;
        for (const u of upserted) if (!live.includes(u.id)) live.push(u.id);
      }
    }

    /** A reader paging from its own cursor on one node, checking every page as it comes. */
    async function pageReader(node: Hub, name: string): Promise<number> {
      let cursor = 0;
      let pages = 0;
      while (writing || cursor < (await node.store.lastSeq())) {
        const page = await changesPage(node.url, cursor, 251);
        pages++;
        page.changes.forEach((c, i) => {
          if (c.seq !== cursor + i + 1) pageViolations.push(`${name}: page after ${cursor} had seq ${c.seq} at ${i}`);
        });
        if (page.changes.length > 0 && page.lastSeq < page.changes.at(-1)!.seq)
          pageViolations.push(`${name}: lastSeq ${page.lastSeq} below the page`);
        cursor = page.changes.at(-1)?.seq ?? cursor;
        if (!page.hasMore) await new Promise((r) => setTimeout(r, 20));
      }
      return pages;
    }

    const readers = nodes.map((n, i) => pageReader(n, `reader-${i}`));
    // halls 2, 3 and 4 join at about 20, 40 and 60 % of the writes and catch up by pages meanwhile
    const joiners = (async () => {
      for (const i of [2, 3, 4]) {
        await waitFor(`${i * 20} % written`, () => reserved >= (TOTAL_CHANGES * (i - 1)) / 5, 280_000);
        await startHallOn(i);
      }
    })();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await joiners;
    expect(halls).toHaveLength(HALLS);
    const pagesRead = await Promise.all(readers);

    const lastSeq = await nodes[0]!.store.lastSeq();
    expect(written).toBe(TOTAL_CHANGES);
    expect(lastSeq).toBe(TOTAL_CHANGES);
    expect(pageViolations).toEqual([]);
    expect(Math.min(...pagesRead)).toBeGreaterThan(10);

    // live: every node sent 1…last, in order, once each
    await waitFor(
      'every node to send every change live',
      () => recorders.every((r) => r.seqs.length >= lastSeq),
      60_000,
    );
    for (const r of recorders) {
      const wrong = r.seqs.findIndex((s, i) => s !== i + 1);
      expect(wrong, `live events out of order at index ${wrong}`).toBe(-1);
      expect(r.seqs.length).toBe(lastSeq);
    }

    const upstream = await nodes[1]!.store.allPostings();
    for (const { hall, dir } of halls) {
      await waitFor(
        `hall at ${hall.url} to reach ${lastSeq}`,
        async () => (await health(hall.url)).cursor === lastSeq,
        60_000,
      );
      const { postings, cursor } = hallPostings(dir);
      expect(cursor).toBe(lastSeq);
      expect(postings.size).toBe(upstream.size);
      expect(postings).toEqual(upstream);
    }
  }, 300_000);
});
