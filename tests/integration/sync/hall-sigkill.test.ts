/**
 * The hall process is killed with SIGKILL while it applies a large catch-up. The hub seeds
 * its postings in order (seq n is demo posting n), so a consistent database holds exactly the
 * first `cursor` postings: rows and cursor committed together, nothing half-applied. On
 * restart the hall finishes without loss or duplication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Hub } from '../../../scripts/hub/hub-server';
import { freshDataDir, startHallProcess, type HallProcess } from '../../support/hall-process';
import { HALL_TOKEN, hallListings, health, startTestHub, tmpDir, waitFor } from './support/sync-harness';

const COUNT = 20_000;

function consistency(dataDir: string): { integrity: string; count: number; cursor: number; maxId: string | null } {
  const db = new BetterSqlite3(join(dataDir, 'hall.db'), { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const count = (db.prepare('SELECT COUNT(*) AS n FROM listings').get() as { n: number }).n;
    const row = db.prepare("SELECT value FROM meta WHERE key = 'sync.cursor'").get() as { value: string } | undefined;
    const maxId = (db.prepare('SELECT MAX(id) AS id FROM listings').get() as { id: string | null }).id;
    return { integrity, count, cursor: row ? Number(row.value) : 0, maxId };
  } finally {
    db.close();
  }
}

describe('a hall killed mid-batch', () => {
  let hub: Hub;
  let hall: HallProcess | null = null;
  const dataDir = freshDataDir('hall-kill-');

  beforeAll(async () => {
    hub = await startTestHub({ dataDir: tmpDir('hub-kill-'), seed: COUNT });
  });

  afterAll(async () => {
    await hall?.stop('SIGKILL');
    await hub?.close();
  });

  const start = () => startHallProcess({ dataDir, args: ['--hub', hub.url, '--hall-id', 'kill-test', '--hub-token', HALL_TOKEN] });

  /** Polls until the hall has applied part, not all, of the feed, then kills it. */
  async function killMidway(p: HallProcess, above: number): Promise<number> {
    const seen = await waitFor(
      'a partial catch-up',
      async () => {
        const h = await health(p.url).catch(() => null);
        return h && h.cursor > above && h.cursor < COUNT ? h.cursor : null;
      },
      40_000,
      5,
    );
    await p.stop('SIGKILL');
    return seen;
  }

  it('leaves a consistent database and finishes the sync on restart', async () => {
    let lastCursor = 0;
    for (let round = 0; round < 2; round++) {
      hall = await start();
      const seen = await killMidway(hall, lastCursor);
      hall = null;
      const after = consistency(dataDir);
      expect(after.integrity).toBe('ok');
      expect(after.cursor).toBeGreaterThanOrEqual(seen);
      expect(after.cursor).toBeLessThan(COUNT);
      // exactly the first `cursor` postings: no page applied without its cursor or vice versa
      expect(after.count).toBe(after.cursor);
      expect(after.maxId).toBe(`demo-${String(after.cursor).padStart(6, '0')}`);
      lastCursor = after.cursor;
    }

    hall = await start();
    await waitFor('the sync to finish', async () => (await health(hall!.url)).cursor === COUNT, 50_000);
    await hall.stop('SIGTERM');
    hall = null;

    const { listings, cursor } = hallListings(dataDir);
    expect(cursor).toBe(hub.store.lastSeq());
    expect(listings.size).toBe(COUNT);
    expect(listings).toEqual(hub.store.allListings());
  });
});
