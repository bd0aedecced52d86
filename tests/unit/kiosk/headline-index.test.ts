import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createHeadlineIndex } from '../../../electron/host/kiosk/headline-index';
import { DAY, HOUR, NOW, iso, makePosting } from '../db/fixtures';

const all = { terms: [] as string[], occupation: null, district: null, daily: false, now: NOW, limit: 100 };

describe('headline index kept current from posting_changes', () => {
  it('follows inserts, edits, hides and deletes without reading every posting again, in display order', () => {
    const db = openDatabase(':memory:');
    const store = createPostingStore(db);
    store.upsertMany([
      makePosting({ id: 'a', title: '叉车司机', validFrom: iso(NOW - 3 * HOUR) }),
      makePosting({ id: 'b', title: '保洁员', validFrom: iso(NOW - 2 * HOUR) }),
    ]);
    const index = createHeadlineIndex(db);
    const rowid = (id: string) =>
      (db.prepare('SELECT rowid FROM postings WHERE id = ?').get(id) as { rowid: number }).rowid;
    expect(index.find(all).rowids).toEqual([rowid('b'), rowid('a')]);
    // An edit the change log does not see: only a full reload of every posting would find it.
    db.exec('DROP TRIGGER posting_changes_update');
    db.prepare("UPDATE postings SET title = '不记录的改动' WHERE id = 'b'").run();
    db.exec(
      'CREATE TRIGGER posting_changes_update AFTER UPDATE ON postings BEGIN INSERT INTO posting_changes (id) VALUES (new.id); END;',
    );

    store.upsertMany([makePosting({ id: 'c', title: '货车司机', urgent: true, validFrom: iso(NOW - DAY) })]);
    store.upsertMany([{ ...makePosting({ id: 'a', validFrom: iso(NOW - 3 * HOUR) }), title: '电工', revision: 2 }]);
    store.setHidden('b', true);
    expect(index.find({ ...all, terms: ['司机'] }).total).toBe(1);
    expect(index.find(all).rowids).toEqual([rowid('c'), rowid('a')]);
    expect(index.find({ ...all, terms: ['电'] }).rowids).toEqual([rowid('a')]);
    store.remove(['c']);
    store.setHidden('b', false);
    expect(index.find(all).rowids).toEqual([rowid('b'), rowid('a')]);
    expect(index.countActive(NOW)).toBe(2);
    expect(index.countActive(NOW + 8 * DAY)).toBe(0);
    // 'b' was re-read when it was hidden and shown again; the unlogged edit of it came along then,
    // but nothing was read for the postings that did not change
    expect(index.find({ ...all, terms: ['不记录'] }).total).toBe(1);
    db.exec('DROP TRIGGER posting_changes_update');
    db.prepare("UPDATE postings SET title = '又一处不记录的改动' WHERE id = 'a'").run();
    store.upsertMany([makePosting({ id: 'd', title: '水电工' })]);
    expect(index.find({ ...all, terms: ['又一处'] }).total).toBe(0);
    expect(index.find({ ...all, terms: ['水电工'] }).total).toBe(1);
  });
});
