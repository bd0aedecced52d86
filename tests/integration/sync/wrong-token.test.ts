/**
 * A hall configured with the wrong token: it says so clearly (health + one log line), keeps
 * asking rarely (slow back-off), keeps serving its boards and never crashes; with the right
 * token the same data directory syncs normally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { captureLogger, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

describe('a hall with a wrong hub token', () => {
  let hub: Hub;
  let hall: Hall;
  let hallDir: string;
  let logs: ReturnType<typeof captureLogger>;
  let hubLogs: ReturnType<typeof captureLogger>;
  /** When the hub refused this hall's handshake, from the hub's own log (ms). */
  const refusals = () =>
    hubLogs
      .lines()
      .filter((l) => l.msg === 'hall refused: wrong token')
      .map((l) => l.time as number);

  beforeAll(async () => {
    hubLogs = captureLogger('hub');
    hub = await startTestHub({ dataDir: tmpDir('hub-token-'), seed: 20, log: hubLogs.log });
    hallDir = tmpDir('hall-token-');
    logs = captureLogger('hall');
    hall = await startTestHall({
      dataDir: hallDir,
      hubUrl: hub.url,
      token: 'not-the-token',
      log: logs.log,
      // auth retries after 400 ms, 800 ms, then every 1.5 s (normal reconnects: 50 ms)
      sync: { authBackoff: { baseMs: 400, maxMs: 1500, jitter: 0 } },
    });
  });

  afterAll(async () => {
    await hall?.close();
    await hub?.close();
  });

  it('reports the refusal clearly in /healthz and logs it once', async () => {
    const h = await waitFor('the refusal', async () => {
      const body = await health(hall.url);
      return body.sync?.error?.code === 'unauthorized' ? body : null;
    });
    expect(h.hub).toBe('offline');
    expect(h.cursor).toBe(0);
    expect(h.sync?.error?.message).toMatch(/refused hall "hall-test".*--hub-token/);
    // two more refusals later, each a chance to log again
    const seen = refusals().length;
    await waitFor('two more refused handshakes', () => refusals().length >= seen + 2, 60_000);
    const errors = logs.lines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]!.msg)).toMatch(/refused/);
    expect(JSON.stringify(logs.lines())).not.toContain('not-the-token');
  });

  it('retries slowly instead of hammering the hub', async () => {
    // The hall's policy here: 400 ms, 800 ms, then every 1.5 s (normal reconnects: 50 ms).
    // Each gap between two refusals the hub saw is at least the delay the hall waited.
    await waitFor('five refused handshakes', () => refusals().length >= 5, 60_000);
    const times = refusals();
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const expected = [400, 800, 1500, 1500];
    gaps
      .slice(0, 4)
      .forEach((gap, i) => expect(gap, `gap ${i + 1} between refusals`).toBeGreaterThanOrEqual(expected[i]! - 2));
    expect(hub.stats.authFailures).toBe(times.length);
  });

  it('keeps serving boards and health while refused', async () => {
    const res = await fetch(`${hall.url}/board/1`);
    expect(res.status).toBe(200);
    expect(hall.boards.planFor('1')).not.toBeNull();
    expect((await health(hall.url)).status).toBe('ok');
  });

  it('syncs once restarted with the right token', async () => {
    await hall.close();
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url, log: logs.log });
    await waitFor('sync', async () => (await health(hall.url)).cursor === (await hub.store.lastSeq()));
    const h = await health(hall.url);
    expect(h.hub).toBe('connected');
    expect(h.sync?.error).toBeNull();
    expect(h.listings).toBe(20);
  });
});
