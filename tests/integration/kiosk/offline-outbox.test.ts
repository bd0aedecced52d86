/**
 * Sign-ups made while the city platform is unreachable wait in the outbox, survive a host
 * restart, and reach the hub exactly once when it comes back. Real hub, real hall, real
 * SQLite files, real sockets.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { ADMIN_TOKEN, health, startTestHub, waitFor } from '../sync/support/sync-harness';
import { postSignup, signup } from './support/kiosk-harness';
import { tmpDir } from '../../support/tmp-dir';
import { freePort } from '../../support/free-port';
import { startTestHall } from '../../support/in-process-hall';

interface Submission {
  id: string;
  type: string;
  payload: { number: string; phone: string; kioskId: string };
  receivedCount: number;
}

async function submissions(hubUrl: string): Promise<Submission[]> {
  const res = await fetch(`${hubUrl}/api/v1/submissions?limit=1000`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return ((await res.json()) as { submissions: Submission[] }).submissions;
}

/** Acks are waited for 30 s: a resend, and so a second receipt, can then only be the hall's mistake. */
const PATIENT = { ackTimeoutMs: 30_000 };

describe('kiosk sign-ups while the hub is down', () => {
  let hall: Hall | undefined;
  let hub: Hub | undefined;

  afterAll(async () => {
    await hall?.close();
    await hub?.close();
  });

  it('keeps 50 sign-ups across a host restart and delivers each exactly once when the hub returns', async () => {
    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${port}`;
    const hallDir = tmpDir('kiosk-offline-hall-');

    hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    const sent = new Map<string, string>();
    for (let i = 0; i < 50; i++) {
      const body = signup({ phone: `1380000${String(i).padStart(4, '0')}` });
      const res = await postSignup(hall.url, body, hall.localKioskToken);
      expect(res.status).toBe(201);
      sent.set(body.id as string, res.body.number as string);
    }
    // a post that reuses an id with other details is refused, offline too
    const [firstId] = sent.keys();
    expect((await postSignup(hall.url, { ...signup(), id: firstId }, hall.localKioskToken)).status).toBe(409);
    expect((await health(hall.url)).outboxPending).toBe(50);
    expect((await health(hall.url)).hub).toBe('offline');

    await hall.close();
    hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    expect((await health(hall.url)).outboxPending).toBe(50);

    hub = await startTestHub({ port, dataDir: tmpDir('kiosk-offline-hub-') });
    await waitFor('the outbox to drain', async () => (await health(hall!.url)).outboxPending === 0, 120_000, 100);

    const arrived = (await submissions(hubUrl)).filter((s) => s.type === 'registration');
    expect(arrived).toHaveLength(50);
    // counted where they arrive: 50 submit events, each stored item received once
    expect(hub.stats.submitsReceived).toBe(50);
    expect(arrived.filter((s) => s.receivedCount !== 1)).toEqual([]);
    expect(new Set(arrived.map((s) => s.id))).toEqual(new Set(sent.keys()));
    for (const s of arrived) {
      expect(s.payload.number).toBe(sent.get(s.id));
      expect(s.payload.kioskId).toBe('kiosk-local');
      expect(s.payload.phone).toMatch(/^1380000\d{4}$/);
    }

    // a restart after delivery sends nothing again: an item queued after the restart is sent
    // after anything still due (oldest first), so once it has arrived a resend would have too
    await hall.close();
    hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    await waitFor('the hall to reconnect', async () => (await health(hall!.url)).hub === 'connected', 120_000, 100);
    const marker = hall.hubLink!.enqueue({ type: 'test.marker', payload: {} });
    await waitFor(
      'the marker at the hub',
      async () => (await submissions(hubUrl)).some((s) => s.id === marker),
      120_000,
      100,
    );
    const after = (await submissions(hubUrl)).filter((s) => s.type === 'registration');
    expect(after).toHaveLength(50);
    expect(after.filter((s) => s.receivedCount !== 1)).toEqual([]);
    expect(hub.stats.submitsReceived).toBe(51);
  });
});
