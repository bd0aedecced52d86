/**
 * The reference hub as an operator runs it (`node --import tsx scripts/hub/cli.ts …`): its
 * printed URL, its routes, tokens and error bodies, and the socket handshake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { io } from 'socket.io-client';
import { hubOptionsFrom } from '../../../scripts/hub/hub-options';
import { spawnHub } from '../../../scripts/hub/spawn-hub';
import { tmpDir } from '../../support/tmp-dir';

const ADMIN = 'cli-admin';
const HALL = 'cli-hall';

describe('hubOptionsFrom', () => {
  it('lets flags win over HUB_* variables and defaults', () => {
    const o = hubOptionsFrom(['--port', '4100', '--seed=5'], {
      HUB_PORT: '9',
      HUB_ADMIN_TOKEN: 'a',
      HUB_HALL_TOKEN: 'h',
    });
    expect(o).toMatchObject({ port: 4100, seed: 5, adminToken: 'a', hallToken: 'h', defaultTokens: false });
    expect(hubOptionsFrom([], {})).toMatchObject({ port: 4000, seed: 0, defaultTokens: true });
  });

  it('refuses unknown flags and bad numbers with one clear line', () => {
    expect(() => hubOptionsFrom(['--prot', '1'], {})).toThrow(/unknown option --prot/);
    expect(() => hubOptionsFrom(['--port', 'x'], {})).toThrow(/HUB_PORT must be an integer/);
  });
});

describe('the hub command', () => {
  let child: ChildProcess;
  let url = '';

  beforeAll(async () => {
    ({ child, url } = await spawnHub(['--port', '0', '--data', tmpDir('hub-cli-'), '--seed', '25'], {
      env: { HUB_ADMIN_TOKEN: ADMIN, HUB_HALL_TOKEN: HALL },
      timeoutMs: 30_000,
      what: 'the hub command',
    }));
  });

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  const get = (path: string, token?: string) =>
    fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('answers /healthz and pages the seeded change log for a hall token', async () => {
    expect(await (await get('/healthz')).json()).toMatchObject({ status: 'ok', lastSeq: 25, listings: 25 });
    const page = (await (await get('/api/v1/changes?since=20&limit=3', HALL)).json()) as {
      changes: Array<{ seq: number; type: string; op: string }>;
      lastSeq: number;
      hasMore: boolean;
    };
    expect(page.changes.map((c) => [c.seq, c.type, c.op])).toEqual([
      [21, 'listing', 'upsert'],
      [22, 'listing', 'upsert'],
      [23, 'listing', 'upsert'],
    ]);
    expect(page).toMatchObject({ lastSeq: 25, hasMore: true });
  });

  it('refuses missing or wrong tokens with an error body, and hall tokens on admin routes', async () => {
    const none = await get('/api/v1/changes');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await get('/api/v1/changes', 'nope')).status).toBe(401);
    const forbidden = await get('/api/v1/submissions', HALL);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get('/api/v1/submissions', ADMIN)).status).toBe(200);
  });

  it('validates admin postings with the shared schema and bumps revisions', async () => {
    const post = (body: unknown) =>
      fetch(`${url}/api/v1/listings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await post({ id: 'demo-000001', title: '<script>x</script>' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_listing' } });
    const ok = (await (await post({ id: 'demo-000001', headcount: 3 })).json()) as {
      upserted: Array<{ seq: number; revision: number }>;
    };
    expect(ok.upserted[0]).toMatchObject({ seq: 26, revision: 2 });
    const gone = await fetch(`${url}/api/v1/listings/no-such`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(gone.status).toBe(404);
  });

  it('refuses a socket handshake with a wrong token, with a code the hall can act on', async () => {
    const socket = io(`${url}/hall`, {
      auth: { hallId: 'h1', token: 'nope', since: 0 },
      transports: ['websocket'],
      reconnection: false,
    });
    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    socket.disconnect();
    expect(error.data?.code).toBe('unauthorized');
  });

  it('acks a submitted item every time but stores it once, and acks heartbeats with the last seq', async () => {
    const socket = io(`${url}/hall`, { auth: { hallId: 'h1', token: HALL, since: 0 }, transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const item = { id: '0190a5a0-0000-7000-8000-00000000abcd', type: 'test.ping', payload: { n: 1 } };
    const first = await socket.timeout(2000).emitWithAck('submit', item);
    const second = await socket.timeout(2000).emitWithAck('submit', item);
    const beat = await socket.timeout(2000).emitWithAck('heartbeat', { cursor: 0 });
    socket.disconnect();
    expect(first).toEqual({ ok: true, id: item.id, duplicate: false });
    expect(second).toEqual({ ok: true, id: item.id, duplicate: true });
    expect(beat).toMatchObject({ ok: true, lastSeq: 26 });
    const { submissions } = (await (await get('/api/v1/submissions', ADMIN)).json()) as { submissions: unknown[] };
    expect(submissions).toEqual([expect.objectContaining({ id: item.id, hallId: 'h1', receivedCount: 2 })]);
  });
});
