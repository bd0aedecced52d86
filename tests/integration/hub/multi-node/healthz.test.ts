/**
 * /healthz per hub node (issue 18): which node answers, whether its database is reachable, and
 * which halls are connected to this node (not to its siblings). Two nodes on one real
 * PostgreSQL; the database is then made unreachable for real (connections refused and the
 * existing ones terminated by the server) and let back, and the node says so each time — 503
 * "degraded" while it cannot reach it, 200 "ok" again after, without a restart. A node whose
 * pool is saturated says "busy, retry" (503) rather than failing (500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import type { Hub } from '../../../../scripts/hub/hub-server';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import type { PostgresHubStore } from '../../../../scripts/hub/postgres-store';
import { startTestHub, waitFor } from '../../sync/support/sync-harness';
import { HALL_TOKEN } from '../../../support/in-process-hall';
import { tmpDir } from '../../../support/tmp-dir';
import { recordLive, startNodes, type LiveRecorder } from '../support/hub-nodes';

interface NodeHealth {
  status: string;
  node: string;
  store: string;
  database: { reachable: boolean; latencyMs: number; error?: string };
  lastSeq: number | null;
  connectedHalls: string[];
  halls: number;
}

async function healthOf(url: string): Promise<{ code: number; body: NodeHealth }> {
  const res = await fetch(`${url}/healthz`);
  return { code: res.status, body: (await res.json()) as NodeHealth };
}

/** Runs `sql` as the test server's superuser (on its maintenance database). */
async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('hubTestDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('/healthz on each hub node', () => {
  let nodes: Hub[] = [];
  let database = '';
  const halls: LiveRecorder[] = [];

  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    database = new URL(url).pathname.slice(1);
    nodes = await startNodes(2, url);
    halls.push(
      recordLive(nodes[0]!.url, 'hall-east', 0),
      recordLive(nodes[0]!.url, 'hall-west', 0),
      recordLive(nodes[1]!.url, 'hall-north', 0),
    );
    await waitFor('three halls connected', () => halls.every((h) => h.socket.connected));
  });

  afterAll(async () => {
    for (const h of halls) h.close();
    await asAdmin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await Promise.all(nodes.map((n) => n.close()));
    await dropTestDatabases();
  });

  it('names the node, its reachable database and only the halls connected to it', async () => {
    const [one, two] = await Promise.all(nodes.map((n) => healthOf(n.url)));
    expect(one!.code).toBe(200);
    expect(one!.body).toMatchObject({
      status: 'ok',
      node: 'node-1',
      store: 'postgres',
      database: { reachable: true },
      lastSeq: 0,
      halls: 2,
    });
    expect(one!.body.connectedHalls).toEqual(['hall-east', 'hall-west']);
    expect(two!.body).toMatchObject({ status: 'ok', node: 'node-2', database: { reachable: true }, halls: 1 });
    expect(two!.body.connectedHalls).toEqual(['hall-north']);
  });

  it('answers 503 "degraded" while the database is unreachable, and "ok" once it is back', async () => {
    await asAdmin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await asAdmin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
    );
    const down = await waitFor('node 1 to find its database unreachable', async () => {
      const h = await healthOf(nodes[0]!.url);
      return h.body.database.reachable ? null : h;
    });
    expect(down.code).toBe(503);
    expect(down.body).toMatchObject({
      status: 'degraded',
      node: 'node-1',
      database: { reachable: false },
      lastSeq: null,
    });
    expect(down.body.database.error).toBeTruthy();
    // the halls are still connected to this node; it says so
    expect(down.body.connectedHalls).toEqual(['hall-east', 'hall-west']);

    await asAdmin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    for (const node of nodes) {
      const up = await waitFor(`${node.url} ok again`, async () => {
        const h = await healthOf(node.url);
        return h.code === 200 && h.body.status === 'ok' ? h : null;
      });
      expect(up.body.database.reachable).toBe(true);
    }
  });

  it('answers a saturated node\'s requests 503 "busy" with Retry-After, not 500, and serves them once a connection is free', async () => {
    const hub = await startTestHub({
      dataDir: ':memory:',
      databaseUrl: await freshDatabaseUrl(),
      nodeId: 'tiny',
      poolSize: 1,
      connectionWaitMs: 2000,
    });
    const page = () =>
      fetch(`${hub.url}/api/v1/changes?since=0&limit=10`, { headers: { authorization: `Bearer ${HALL_TOKEN}` } });
    try {
      expect((await page()).status).toBe(200);
      // every connection of the node's pool is taken (as by long page reads of many halls at once)
      const held = await (hub.store as PostgresHubStore).pool.connect();
      let busy: Response;
      try {
        busy = await page();
      } finally {
        held.release();
      }
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toMatchObject({ error: { code: 'busy' } });
      expect((await page()).status).toBe(200);
    } finally {
      await hub.close();
    }
  });

  it('on the SQLite default, names the store and the node the same way', async () => {
    const hub = await startTestHub({ dataDir: tmpDir('hub-healthz-sqlite-'), nodeId: 'solo' });
    const hall = recordLive(hub.url, 'hall-solo', 0);
    try {
      await waitFor('hall connected', () => hall.socket.connected);
      const h = await waitFor('the hall listed', async () => {
        const r = await healthOf(hub.url);
        return r.body.connectedHalls.includes('hall-solo') ? r : null;
      });
      expect(h.code).toBe(200);
      expect(h.body).toMatchObject({
        status: 'ok',
        node: 'solo',
        store: 'sqlite',
        database: { reachable: true },
        connectedHalls: ['hall-solo'],
      });
    } finally {
      hall.close();
      await hub.close();
    }
  });
});
