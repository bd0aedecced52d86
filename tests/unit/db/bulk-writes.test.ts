import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginBulkWrites } from '../../../electron/host/db/bulk-writes';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { removableTmpDir } from '../../support/tmp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * In WAL mode only a checkpoint writes the database file itself: `main()` (its size and mtime)
 * changes exactly when one ran, which is how the tests count them.
 */
function database(): { db: WritableDatabase; wal: () => number; main: () => string } {
  const { dir, cleanup } = removableTmpDir();
  const db = openDatabase(join(dir, 'hall.db'));
  cleanups.push(() => {
    closeDatabase(db);
    cleanup();
  });
  const main = () => {
    const st = statSync(join(dir, 'hall.db'), { bigint: true });
    return `${st.size}:${st.mtimeNs}`;
  };
  return { db, wal: () => statSync(join(dir, 'hall.db-wal')).size, main };
}

/** How many of the steps changed the database file, i.e. checkpointed. */
function checkpointsDuring(main: () => string, steps: Array<() => void>): number {
  let n = 0;
  for (const step of steps) {
    const before = main();
    step();
    if (main() !== before) n++;
  }
  return n;
}

/** ~6 MB per call, one commit: more than the default 1000-page checkpoint threshold. */
function writeBatch(db: WritableDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS blobs (b BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO blobs (b) VALUES (randomblob(6000))');
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) insert.run();
  })();
}

/** [busy, log frames, frames checkpointed] after a PASSIVE checkpoint. */
function checkpointState(db: WritableDatabase): { busy: number; log: number; checkpointed: number } {
  const [state] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return state!;
}

describe('bulk writes', () => {
  it('lets the log grow across commits during a burst, then checkpoints once and restores the threshold', () => {
    const { db, wal, main } = database();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    // without a burst, each commit past 1000 pages checkpoints and the log is reused
    expect(checkpointsDuring(main, [() => writeBatch(db), () => writeBatch(db)])).toBe(2);
    const afterOneCommit = wal();

    const end = beginBulkWrites(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(65_536);
    expect(checkpointsDuring(main, [() => writeBatch(db), () => writeBatch(db), () => writeBatch(db)])).toBe(0);
    expect(wal()).toBeGreaterThan(2.5 * afterOneCommit);

    expect(checkpointsDuring(main, [end])).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // everything in the log is already in the database file
    const state = checkpointState(db);
    expect(state.busy).toBe(0);
    expect(state.checkpointed).toBe(state.log);
    expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 5000 });
  });

  it('ends once however often it is called, and not at all after the database closed', () => {
    const { db } = database();
    const end = beginBulkWrites(db);
    end();
    db.pragma('wal_autocheckpoint = 500');
    end();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(500);

    const endAfterClose = beginBulkWrites(db);
    closeDatabase(db);
    expect(() => endAfterClose()).not.toThrow();
  });

  it('never lowers a threshold that is already higher', () => {
    const { db } = database();
    db.pragma('wal_autocheckpoint = 100000');
    beginBulkWrites(db, 5000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(100_000);
  });
});
