/**
 * Sign-ups made while the city platform is unreachable wait in the outbox, survive a host
 * restart, and reach the hub exactly once when it comes back. Real hub, real hall, real
 * SQLite files, real sockets.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { ADMIN_TOKEN, freePort, health, startTestHall, startTestHub, tmpDir, waitFor } from '../sync/support/sync-harness';
import { postSignup, signup } from './support/kiosk-harness';

interface Submission {
  id: string;
  type: string;
  payload: { number: string; phone: string; kioskId: string };
  receivedCount: number;
}

async function submissions(hubUrl: string): Promise<Submission[]> {
  const res = await fetch(`${hubUrl}/api/v1/submissions?limit=1000`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await res.json()) as { submissions: Submission[] }).submissions;
}

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

    hall = await startTestHall({ dataDir: hallDir, hubUrl });
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
    hall = await startTestHall({ dataDir: hallDir, hubUrl });
    expect((await health(hall.url)).outboxPending).toBe(50);

    hub = await startTestHub({ port, dataDir: tmpDir('kiosk-offline-hub-') });
    await waitFor('the outbox to drain', async () => (await health(hall!.url)).outboxPending === 0, 30_000, 100);

    const arrived = (await submissions(hubUrl)).filter((s) => s.type === 'registration');
    expect(arrived).toHaveLength(50);
    expect(new Set(arrived.map((s) => s.id))).toEqual(new Set(sent.keys()));
    for (const s of arrived) {
      expect(s.payload.number).toBe(sent.get(s.id));
      expect(s.payload.kioskId).toBe('kiosk-local');
      expect(s.payload.phone).toMatch(/^1380000\d{4}$/);
    }

    // a restart after delivery sends nothing again
    await hall.close();
    hall = await startTestHall({ dataDir: hallDir, hubUrl });
    await waitFor('the hall to reconnect', async () => (await health(hall!.url)).hub === 'connected', 30_000, 100);
    await new Promise((r) => setTimeout(r, 800));
    const after = (await submissions(hubUrl)).filter((s) => s.type === 'registration');
    expect(after).toHaveLength(50);
    expect(after.every((s) => s.receivedCount === 1)).toBe(true);
  }, 120_000);
});
