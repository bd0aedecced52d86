/**
 * The play store on a real SQLite file: counts wait in memory and go in one transaction per
 * flush (not one write per heartbeat), reads see what is pending, closing writes the rest, a
 * reopened database has them, and rows past the retention period are purged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import { createPlayStore } from '../../../electron/host/play/play-store';
import { hallDay, hallDayBefore } from '../../../electron/host/play/play-credit';
import { silentLog } from '../../support/silent-log';
import { tmpDir } from '../../support/tmp-dir';

const NOW = Date.parse('2026-12-02T04:00:00Z');

describe('the play store', () => {
  it('batches, survives a reopen and purges past retention', () => {
    const file = join(tmpDir('play-store-'), 'hall.db');
    let db = openDatabase(file);
    const rows = () => db.prepare('SELECT COUNT(*) FROM play_counts').pluck().get() as number;
    const day = hallDay(NOW);
    const old = hallDayBefore(NOW, 100);
    const store = createPlayStore(db, { clock: () => NOW, log: silentLog(), flushEveryMs: 3_600_000 });
    for (let i = 0; i < 1000; i++) store.add(day, '1', `p-${i % 10}`, 1, 5000);
    store.add(old, '1', 'p-0', 1, 5000);
    // a thousand heartbeats' worth of counts, nothing written yet: 11 rows pending
    expect(rows()).toBe(0);
    expect(store.pending()).toBe(11);
    const totals = store.totals(day, day);
    expect(totals).toHaveLength(10);
    expect(totals.find((t) => t.postingId === 'p-3')).toEqual({
      postingId: 'p-3',
      shows: 100,
      screens: 1,
      shownMs: 500_000,
    });
    expect(rows()).toBe(11);
    // older than 90 days goes
    expect(store.purge()).toBe(1);
    store.add(day, '2', 'p-3', 1, 1000);
    store.close();
    closeDatabase(db);

    db = openDatabase(file);
    const again = createPlayStore(db, { clock: () => NOW, log: silentLog() });
    expect(again.totals(day, day, ['p-3'])).toEqual([{ postingId: 'p-3', shows: 101, screens: 2, shownMs: 501_000 }]);
    expect(again.retentionDays).toBe(90);
    again.close();
    closeDatabase(db);
  });
});
