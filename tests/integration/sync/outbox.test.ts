/**
 * The outbox end to end: items written while the hub is down survive two hall restarts and
 * reach the hub exactly once when it comes back; lost acks are retried and deduplicated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { openDatabase, closeDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { createOutboxStore, enqueueOutbox } from '../../../electron/host/sync/outbox-store';
import { health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { freePort } from '../../support/free-port';
import { startTestHall } from '../../support/in-process-hall';

const TYPE = 'test.ping';
/**
 * An ack slower than the hall's ack timeout is resent, legitimately: with 30 s no loaded
 * machine makes one that slow, so any second receipt below is the hall's mistake.
 */
const PATIENT = { ackTimeoutMs: 30_000 };

describe('the outbox', () => {
  const open: Array<Hall | Hub> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  it('delivers 200 items written while the hub is down, across two hall restarts, exactly once', async () => {
    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${port}`;
    const hallDir = tmpDir('hall-outbox-');

    // First run: the hub is not there; 100 items queued through the hall's own link.
    let hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    const ids: string[] = [];
    for (let n = 0; n < 100; n++) ids.push(hall.hubLink!.enqueue({ type: TYPE, payload: { n } }));
    expect((await health(hall.url)).outboxPending).toBe(100);
    await hall.close();

    // Between runs another store writes 100 more inside its own transaction.
    const db = openDatabase(join(hallDir, 'hall.db')) as WritableDatabase;
    db.transaction(() => {
      for (let n = 100; n < 200; n++) ids.push(enqueueOutbox(db, { type: TYPE, payload: { n } }));
    })();
    closeDatabase(db);

    // Second run, hub still down: nothing lost, nothing delivered, once the hall has tried.
    hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    await waitFor(
      'the hall to find the hub unreachable',
      async () => (await health(hall.url)).sync?.error?.code === 'unreachable',
      60_000,
    );
    expect((await health(hall.url)).outboxPending).toBe(200);
    await hall.close();

    // Third run; then the hub comes back on its address.
    hall = await startTestHall({ dataDir: hallDir, hubUrl, sync: PATIENT });
    open.push(hall);
    const hub = await startTestHub({ port, dataDir: tmpDir('hub-outbox-') });
    open.push(hub);

    await waitFor('the outbox to drain', async () => (await health(hall.url)).outboxPending === 0);
    const submissions = await hub.store.submissions('', 10_000);
    expect(submissions).toHaveLength(200);
    // once each as the hub received them: no submit event beyond the 200, none stored twice
    // (ON CONFLICT would hide a second copy; the hub counts every receipt)
    expect(hub.stats.submitsReceived).toBe(200);
    expect(submissions.filter((s) => s.receivedCount !== 1)).toEqual([]);
    expect(new Set(submissions.map((s) => s.id))).toEqual(new Set(ids));
    expect(submissions.map((s) => (s.payload as { n: number }).n).sort((a, b) => a - b)).toEqual([
      ...Array(200).keys(),
    ]);
    expect(submissions.every((s) => s.type === TYPE && s.hallId === 'hall-test')).toBe(true);

    // Delivered rows stay, stamped.
    await hall.close();
    const check = openDatabase(join(hallDir, 'hall.db')) as WritableDatabase;
    const outbox = createOutboxStore(check);
    expect(outbox.pendingCount()).toBe(0);
    expect(ids.every((id) => outbox.get(id)?.deliveredAt !== null)).toBe(true);
    closeDatabase(check);
  });

  it('retries an item whose ack was lost and the hub stores it once', async () => {
    const dropped = new Set<string>();
    const hub = await startTestHub({
      dataDir: tmpDir('hub-ack-'),
      // the first ack of every item is lost on the way back
      faults: { dropSubmitAck: (id) => (dropped.has(id) ? false : (dropped.add(id), true)) },
    });
    open.push(hub);
    const hall = await startTestHall({ dataDir: tmpDir('hall-ack-'), hubUrl: hub.url, sync: { ackTimeoutMs: 300 } });
    open.push(hall);
    await waitFor('connected', async () => (await health(hall.url)).hub === 'connected');

    const ids = Array.from({ length: 10 }, (_, n) => hall.hubLink!.enqueue({ type: TYPE, payload: { n } }));
    await waitFor('delivery after retries', async () => (await health(hall.url)).outboxPending === 0, 60_000);

    const submissions = await hub.store.submissions('', 100);
    expect(submissions.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(submissions.every((s) => s.receivedCount >= 2)).toBe(true);
  });
});
