import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { NOW, makePosting } from './fixtures';
import { allRows, columns, databaseAt, insertRow, v1Posting } from './old-rows';

describe('0012-booths', () => {
  it('adds a booth column to postings, NULL for every row stored before it, and keeps the rows', () => {
    const db = databaseAt(11);
    const a = insertRow(db, 'postings', v1Posting({ id: 'old-a', hidden: 0 }));
    const b = insertRow(db, 'postings', v1Posting({ id: 'old-b', title: '保洁员', hidden: 1 }));
    migrateTo(db, 12);
    expect(schemaVersion(db)).toBe(12);
    expect(columns(db, 'postings')).toContain('booth');
    expect(allRows(db, 'postings')).toEqual([
      { ...a, booth: null },
      { ...b, booth: null },
    ]);
    // an old row reads back through today's store without a booth, and takes one
    const store = createPostingStore(db);
    const old = store.get('old-a');
    expect(old).toEqual(makePosting({ id: 'old-a' }));
    expect(old).not.toHaveProperty('booth');
    store.upsertMany([{ ...old!, booth: 'A12', revision: 2 }]);
    expect(store.get('old-a')?.booth).toBe('A12');
    expect(db.prepare("SELECT booth FROM postings WHERE id = 'old-b'").pluck().get()).toBeNull();
    // the change log (0007) records the booth's write like any other
    expect(db.prepare('SELECT id FROM posting_changes ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('old-a');
  });
});

describe('posting store and booths', () => {
  it('round-trips a booth, clears it with a newer revision and never stores an empty one', () => {
    const db = databaseAt(12);
    const store = createPostingStore(db);
    const p = makePosting({ id: 'b-1', booth: 'B-03' });
    store.upsertMany([p, makePosting({ id: 'b-2' })]);
    expect(store.get('b-1')).toEqual(p);
    expect(store.activePostings(NOW).find((x) => x.id === 'b-1')?.booth).toBe('B-03');
    expect(db.prepare("SELECT booth FROM postings WHERE id = 'b-2'").pluck().get()).toBeNull();
    const { booth: _gone, ...without } = p;
    store.upsertMany([{ ...without, revision: 2 }]);
    expect(store.get('b-1')).not.toHaveProperty('booth');
    expect(db.prepare("SELECT booth FROM postings WHERE id = 'b-1'").pluck().get()).toBeNull();
  });
});
