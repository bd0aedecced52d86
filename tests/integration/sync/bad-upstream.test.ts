/**
 * A broken upstream: malformed fields, wrong types, 1 MB strings, unknown change types and
 * markup in text, sent both live and through catch-up. Each is quarantined with its reason
 * and logged once; the cursor moves past it, good changes around it still apply, and the
 * board keeps showing what it showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { HubChange } from '../../../scripts/hub/hub-store';
import type { Hall } from '../../../electron/host/hall';
import { openDatabase, closeDatabase } from '../../../electron/host/db/open-database';
import { createQuarantineStore } from '../../../electron/host/db/quarantine-store';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import type { Posting } from '../../../shared/schemas/posting';
import { captureLogger, hallPostings, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { startTestHall } from '../../support/in-process-hall';

const MB = 'x'.repeat(1024 * 1024);

function badChanges(good: Posting): Array<{ type: string; op: string; id: string; data?: unknown }> {
  return [
    // malformed JSON-ish fields: numbers as broken strings, a posting that is a string
    { type: 'listing', op: 'upsert', id: 'bad-1', data: { ...good, id: 'bad-1', payMin: '{"oops": ' } },
    { type: 'listing', op: 'upsert', id: 'bad-2', data: '{"id":"bad-2", "title": ' },
    // wrong types
    {
      type: 'listing',
      op: 'upsert',
      id: 'bad-3',
      data: { ...good, id: 'bad-3', headcount: 'many', employerVerified: 'yes' },
    },
    // a 1 MB string
    { type: 'listing', op: 'upsert', id: 'bad-4', data: { ...good, id: 'bad-4', description: MB } },
    // unknown change type and op
    { type: 'banana', op: 'upsert', id: 'bad-5', data: { ...good, id: 'bad-5' } },
    { type: 'listing', op: 'explode', id: 'bad-6' },
    // HTML / script in text
    { type: 'listing', op: 'upsert', id: 'bad-7', data: { ...good, id: 'bad-7', title: '<script>alert(1)</script>' } },
    {
      type: 'listing',
      op: 'upsert',
      id: 'bad-8',
      data: { ...good, id: 'bad-8', description: '高薪 <img src=x onerror=alert(1)>' },
    },
    // the data says another id than the change
    { type: 'listing', op: 'upsert', id: 'bad-9', data: { ...good, id: 'someone-else' } },
  ];
}

function quarantined(dataDir: string) {
  const db = openDatabase(join(dataDir, 'hall.db')) as WritableDatabase;
  try {
    return createQuarantineStore(db).list(1000);
  } finally {
    closeDatabase(db);
  }
}

describe('bad changes from upstream', () => {
  let hub: Hub;
  let hall: Hall;
  let hallDir: string;
  let logs: ReturnType<typeof captureLogger>;
  let template: Posting;

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-bad-'), seed: 50 });
    template = (await hub.store.getPosting('demo-000010'))!;
    // some bad changes already in the log, for the catch-up path
    for (const c of badChanges(template)) await hub.store.appendRawChange({ ...c, id: `${c.id}-old` }, Date.now());
    hallDir = tmpDir('hall-bad-');
    logs = captureLogger('hall');
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url, log: logs.log });
    await waitFor('catch-up', async () => (await health(hall.url)).cursor === (await hub.store.lastSeq()));
  });

  afterAll(async () => {
    await hall?.close();
    await hub?.close();
  });

  it('quarantines bad changes met during catch-up and applies the good ones', async () => {
    const h = await health(hall.url);
    expect(h.hub).toBe('connected');
    expect(h.cursor).toBe(await hub.store.lastSeq());
    const { postings } = hallPostings(hallDir);
    expect(postings.size).toBe(50);
    expect([...postings.keys()].some((id) => id.startsWith('bad-') || id === 'someone-else')).toBe(false);
    expect(quarantined(hallDir)).toHaveLength(badChanges(template).length);
  });

  it('quarantines bad live changes, logs each once, and keeps syncing and the board unchanged', async () => {
    const planBefore = hall.boards.planFor('1');
    const before = quarantined(hallDir).length;
    const warnedBefore = logs.lines().filter((l) => l.msg === 'upstream change quarantined').length;

    const bad: HubChange[] = [];
    for (const c of badChanges(template)) bad.push(await hub.appendRawChange(c));
    const good = await hub.store.upsertPostings(
      [{ ...template, id: 'good-after-bad', title: '仓库理货员' }],
      Date.now(),
    );
    hub.broadcast(good);

    await waitFor('the good change after the bad ones', async () => (await health(hall.url)).cursor === good[0]!.seq);
    const rows = quarantined(hallDir);
    expect(rows.length - before).toBe(bad.length);
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    expect(bySeq.get(bad[0]!.seq)?.reason).toMatch(/payMin/);
    expect(bySeq.get(bad[2]!.seq)?.reason).toMatch(/headcount/);
    expect(bySeq.get(bad[3]!.seq)?.reason).toMatch(/description: at most 2000/);
    expect(bySeq.get(bad[3]!.seq)?.payload.length).toBeLessThan(20_000);
    expect(bySeq.get(bad[4]!.seq)?.reason).toMatch(/type/);
    expect(bySeq.get(bad[6]!.seq)?.reason).toMatch(/plain text/);
    expect(bySeq.get(bad[8]!.seq)?.reason).toMatch(/differs/);

    const warned = logs.lines().filter((l) => l.msg === 'upstream change quarantined').length;
    expect(warned - warnedBefore).toBe(bad.length);

    const { postings } = hallPostings(hallDir);
    expect(postings.get('good-after-bad')?.title).toBe('仓库理货员');
    expect([...postings.keys()].filter((id) => id.startsWith('bad-'))).toEqual([]);
    const planAfter = hall.boards.planFor('1')!;
    const ids = planAfter.pages.flatMap((p) => p.items.map((i) => i.id));
    expect(ids).toContain('good-after-bad');
    expect(ids.filter((id) => id !== 'good-after-bad').sort()).toEqual(
      planBefore!.pages.flatMap((p) => p.items.map((i) => i.id)).sort(),
    );
    expect(JSON.stringify(planAfter)).not.toMatch(/<script|onerror/);
  });

  it('never logs the same quarantined change twice after a reconnect', async () => {
    const quarantineLines = () => logs.lines().filter((l) => l.msg === 'upstream change quarantined').length;
    const count = quarantineLines();
    await hall.close();
    hall = await startTestHall({ dataDir: hallDir, hubUrl: hub.url, log: logs.log });
    await waitFor('reconnect', async () => (await health(hall.url)).hub === 'connected');
    await hall.hubLink!.idle();
    expect(quarantineLines()).toBe(count);
    expect((await health(hall.url)).cursor).toBe(await hub.store.lastSeq());
  });
});
