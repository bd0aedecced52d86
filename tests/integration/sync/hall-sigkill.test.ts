/**
 * The hall process is killed with SIGKILL inside a sync transaction of a large catch-up: the
 * host's own test hook (tests/support/hall-with-hooks.ts) holds the process after a page's rows
 * and cursor are written and before they commit, and says so. The hub seeds its postings in
 * order (seq n is demo posting n), so a consistent database holds exactly the first `cursor`
 * postings, and the cursor is the one from before the held page: rows and cursor committed
 * together, nothing half-applied. On restart the hall finishes without loss or duplication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Hub } from '../../../scripts/hub/hub-server';
import { startHallProcess, type HallProcess } from '../../support/hall-process';
import { hallPostings, health, startTestHub, waitFor } from './support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { HALL_TOKEN } from '../../support/in-process-hall';

const COUNT = 20_000;

function consistency(dataDir: string): { integrity: string; count: number; cursor: number; maxId: string | null } {
  const db = new BetterSqlite3(join(dataDir, 'hall.db'), { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const count = (db.prepare('SELECT COUNT(*) AS n FROM postings').get() as { n: number }).n;
    const row = db.prepare("SELECT value FROM meta WHERE key = 'sync.cursor'").get() as { value: string } | undefined;
    const maxId = (db.prepare('SELECT MAX(id) AS id FROM postings').get() as { id: string | null }).id;
    return { integrity, count, cursor: row ? Number(row.value) : 0, maxId };
  } finally {
    db.close();
  }
}

describe('a hall killed mid-batch', () => {
  let hub: Hub;
  let hall: HallProcess | null = null;
  const dataDir = tmpDir('hall-kill-');

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-kill-'), seed: COUNT });
  });

  afterAll(async () => {
    await hall?.stop('SIGKILL');
    await hub?.close();
  });

  const start = (holdTransaction = 0) =>
    startHallProcess({
      dataDir,
      entry: 'tests/support/hall-with-hooks.ts',
      args: ['--hub', hub.url, '--hall-id', 'kill-test', '--hub-token', HALL_TOKEN],
      env: { HALL_TEST_HOLD_TRANSACTION: String(holdTransaction) },
    });

  /** Waits until the host is held inside its second sync transaction, then kills it. */
  async function killInsideTransaction(
    p: HallProcess,
  ): Promise<{ fromCursor: number; toCursor: number; changes: number }> {
    const line = await waitFor(
      'the host held inside a sync transaction',
      () => /held inside sync transaction (\{.*\})/.exec(p.output())?.[1],
      60_000,
    );
    await p.stop('SIGKILL');
    return JSON.parse(line) as { fromCursor: number; toCursor: number; changes: number };
  }

  it('leaves a consistent database and finishes the sync on restart', async () => {
    let lastCursor = 0;
    for (let round = 0; round < 2; round++) {
      // the first transaction of this run commits a page; the second is held and killed
      hall = await start(2);
      const held = await killInsideTransaction(hall);
      hall = null;
      expect(held.changes).toBeGreaterThan(0);
      expect(held.fromCursor).toBeGreaterThan(lastCursor);
      expect(held.toCursor).toBeGreaterThan(held.fromCursor);
      const after = consistency(dataDir);
      expect(after.integrity).toBe('ok');
      // the held page's rows and cursor are gone together; everything before it is there
      expect(after.cursor).toBe(held.fromCursor);
      expect(after.count).toBe(after.cursor);
      expect(after.maxId).toBe(`demo-${String(after.cursor).padStart(6, '0')}`);
      lastCursor = after.cursor;
    }
    expect(lastCursor).toBeLessThan(COUNT);

    hall = await start();
    await waitFor('the sync to finish', async () => (await health(hall!.url)).cursor === COUNT, 120_000);
    await hall.stop('SIGTERM');
    hall = null;

    const { postings, cursor } = hallPostings(dataDir);
    expect(cursor).toBe(await hub.store.lastSeq());
    expect(postings.size).toBe(COUNT);
    expect(postings).toEqual(await hub.store.allPostings());
  }, 300_000);
});
