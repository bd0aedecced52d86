/**
 * Halls fail over between hub nodes (issue 18). Three node processes (`npm run hub --
 * --database …`, as an operator runs them) on one real PostgreSQL, four real halls given all
 * three URLs in different orders.
 *
 * 1. SIGKILL: node 1 dies while its halls are in the middle of a 20,000-posting catch-up, live
 *    admin changes keep coming through the other nodes, and 500 sign-ups are being submitted
 *    across the kill. Its halls move to their next node, catch up from their cursors and end
 *    equal to the hub; every sign-up is stored once, and the hub's own receipt count shows
 *    that the only items that arrived twice are ones in flight to node 1 when it died (an ack
 *    that died with the node — the hall cannot know, so it sends again and the hub keeps one).
 * 2. SIGTERM: node 2 shuts down gracefully while sign-ups flow; its halls move to node 3, and
 *    not a single ack is lost — every item of that phase arrived exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { generatePostings } from '../../../../scripts/demo/generate-postings';
import { openPostgresHubStore, type PostgresHubStore } from '../../../../scripts/hub/postgres-store';
import type { Hall } from '../../../../electron/host/hall';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import { ADMIN_TOKEN, hallPostings, health, waitFor } from '../../sync/support/sync-harness';
import { startTestHall } from '../../../support/in-process-hall';
import { tmpDir } from '../../../support/tmp-dir';
import { signup } from '../../kiosk/support/kiosk-harness';
import { adminPostTo, startNodeProcess, type NodeProcess } from '../support/hub-nodes';

const POSTINGS = 20_000;
/** The outbox pump's window: at most this many items per hall await an ack at any moment. */
const OUTBOX_WINDOW = 16;

interface HubHealth {
  status: string;
  node: string;
  connectedHalls: string[];
}

async function nodeHealth(node: NodeProcess): Promise<HubHealth> {
  return (await (await fetch(`${node.url}/healthz`)).json()) as HubHealth;
}

describe('halls failing over between three hub nodes', () => {
  let url = '';
  let store: PostgresHubStore;
  const nodes: NodeProcess[] = [];
  const halls: Array<{ hall: Hall; dir: string; id: string }> = [];
  const template = generatePostings(1, { seed: 7, now: Date.now() })[0]!;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    // patient for a connection: on a loaded machine opening one (scram auth) can take over 10 s
    store = await openPostgresHubStore(url, { poolSize: 3, connectionWaitMs: 120_000 });
    const postings = generatePostings(POSTINGS, { seed: 0xfa11, now: Date.now() });
    for (let i = 0; i < postings.length; i += 5000) await store.upsertPostings(postings.slice(i, i + 5000), Date.now());
    for (let i = 1; i <= 3; i++) nodes.push(await startNodeProcess(url, { nodeId: `node-${i}` }));
  });

  afterAll(async () => {
    await Promise.all(halls.map((h) => h.hall.close()));
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await store?.close();
    await dropTestDatabases();
  });

  /** Every hall has delivered all it had to send. */
  async function everyOutboxEmpty(): Promise<void> {
    await waitFor(
      'every outbox empty',
      async () => (await Promise.all(halls.map((h) => health(h.hall.url)))).every((h) => h.outboxPending === 0),
      120_000,
      100,
    );
  }

  /** Every posting and the cursor of each hall equal the hub's, once the hall has caught up. */
  async function expectHallsEqualHub(): Promise<void> {
    const lastSeq = await store.lastSeq();
    const upstream = await store.allPostings();
    for (const { hall, dir, id } of halls) {
      await waitFor(
        `${id} to reach seq ${lastSeq}`,
        async () => (await health(hall.url)).cursor === lastSeq,
        120_000,
        100,
      );
      const { postings, cursor } = hallPostings(dir);
      expect(cursor).toBe(lastSeq);
      expect(postings.size).toBe(upstream.size);
      expect(postings).toEqual(upstream);
    }
  }

  /** Admin changes through whichever nodes are up, until stopped. */
  function liveTraffic(alive: () => NodeProcess[]): { stop: () => Promise<number> } {
    let on = true;
    let sent = 0;
    const done = (async () => {
      while (on) {
        const candidates = alive();
        const node = candidates[sent % candidates.length]!;
        const res = await adminPostTo(node.url, '/api/v1/listings', {
          ...template,
          id: `live-${sent % 300}`,
          headcount: (sent % 50) + 1,
        }).catch(() => null);
        if (res?.ok) sent++;
        await new Promise((r) => setTimeout(r, 20));
      }
      return sent;
    })();
    return {
      stop: async () => {
        on = false;
        return done;
      },
    };
  }

  /** `count` sign-ups into the outboxes of `into`, a few at a time, as kiosks would make them. */
  async function submitSignups(
    into: Hall[],
    count: number,
    tag: string,
    onHalfway?: () => Promise<void>,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = uuidv7();
      const body = signup({ id, phone: `139${tag}${String(i).padStart(5, '0')}`.slice(0, 11) });
      into[i % into.length]!.hubLink!.enqueue({
        id,
        type: 'registration',
        payload: { ...body, number: `A-${i}`, kioskId: 'local', createdAt: new Date().toISOString() },
      });
      ids.push(id);
      if (i === Math.floor(count / 2)) await onHalfway?.();
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 15));
    }
    return ids;
  }

  async function arrivals(ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await store.pool.query<{ id: string; received_count: number }>(
      'SELECT id, received_count FROM submissions WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.received_count]));
  }

  it('moves the halls of a SIGKILLed node, loses no change and stores every sign-up once', async () => {
    const [n1, n2, n3] = nodes as [NodeProcess, NodeProcess, NodeProcess];
    // halls 0 and 1 start on node 1; 2 on node 2; 3 on node 3 — each with all three URLs
    const orders = [
      [n1, n2, n3],
      [n1, n2, n3],
      [n2, n3, n1],
      [n3, n1, n2],
    ];
    for (const [i, order] of orders.entries()) {
      const dir = tmpDir(`hall-failover-${i}-`);
      const id = `hall-${i}`;
      // patient acks: a resend can then only come from a node that died with the ack
      halls.push({
        id,
        dir,
        hall: await startTestHall({
          dataDir: dir,
          hallId: id,
          hubUrl: order.map((n) => n.url).join(','),
          sync: { pageSize: 500, ackTimeoutMs: 30_000 },
        }),
      });
    }
    const onNode1 = [halls[0]!.hall, halls[1]!.hall];

    let dead = false;
    const traffic = liveTraffic(() => (dead ? [n2, n3] : [n1, n2, n3]));
    let cursorsAtKill: number[] = [];
    const ids = await submitSignups(onNode1, 500, '01', async () => {
      // the halls on node 1 are part-way through their catch-up when it dies
      await waitFor(
        'halls on node 1 mid catch-up',
        async () => (await health(halls[0]!.hall.url)).cursor > 500,
        60_000,
        20,
      );
      cursorsAtKill = await Promise.all(onNode1.map(async (h) => (await health(h.url)).cursor));
      await n1.kill('SIGKILL');
      dead = true;
    });
    expect(Math.min(...cursorsAtKill)).toBeLessThan(POSTINGS);

    await waitFor(
      'halls 0 and 1 on node 2',
      async () => {
        const h = await nodeHealth(n2);
        return h.connectedHalls.includes('hall-0') && h.connectedHalls.includes('hall-1');
      },
      60_000,
    );
    await everyOutboxEmpty();
    const liveSent = await traffic.stop();
    expect(liveSent).toBeGreaterThan(10);

    await expectHallsEqualHub();

    // counted where they arrive: every item stored, once; more than one receipt only for items
    // that were awaiting their ack from node 1 when it was killed
    const got = await arrivals(ids);
    expect(got.size).toBe(500);
    const resent = [...got.values()].filter((n) => n > 1);
    expect(resent.every((n) => n === 2)).toBe(true);
    expect(resent.length).toBeLessThanOrEqual(OUTBOX_WINDOW * onNode1.length);
    expect(await store.countSubmissions()).toBe(500);
  }, 300_000);

  it('lets the halls of a node shut down with SIGTERM move on without losing a single ack', async () => {
    const [, n2, n3] = nodes as [NodeProcess, NodeProcess, NodeProcess];
    const before = await nodeHealth(n2);
    expect(before.connectedHalls).toEqual(expect.arrayContaining(['hall-0', 'hall-1', 'hall-2']));
    const onNode2 = halls.filter((h) => before.connectedHalls.includes(h.id)).map((h) => h.hall);

    const traffic = liveTraffic(() => [n3]);
    let exitCode: number | null = null;
    const ids = await submitSignups(onNode2, 300, '02', async () => {
      exitCode = await n2.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    await waitFor(
      'the halls of node 2 on node 3',
      async () => {
        const h = await nodeHealth(n3);
        return ['hall-0', 'hall-1', 'hall-2', 'hall-3'].every((id) => h.connectedHalls.includes(id));
      },
      60_000,
    );
    await everyOutboxEmpty();
    await traffic.stop();
    await expectHallsEqualHub();

    const got = await arrivals(ids);
    expect(got.size).toBe(300);
    expect([...got.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const all = await (
      await fetch(`${n3.url}/api/v1/submissions?limit=1`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    expect(all).toMatchObject({ total: 800 });
  }, 300_000);
});
