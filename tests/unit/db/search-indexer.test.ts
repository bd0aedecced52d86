import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { createSearchIndexer } from '../../../electron/host/db/search-indexer';
import { NOW, makePosting } from './fixtures';

let db: WritableDatabase;
let store: PostingStore;

const ids = (q: string) =>
  store
    .search({ q, limit: 50, now: NOW })
    .postings.map((l) => l.id)
    .sort();

/** FTS5's own consistency check of an external-content index against its table. */
function ftsIsConsistent(): boolean {
  try {
    db.prepare("INSERT INTO postings_fts (postings_fts, rank) VALUES ('integrity-check', 1)").run();
    return true;
  } catch {
    return false;
  }
}

beforeEach(() => {
  db = openDatabase(':memory:');
  store = createPostingStore(db);
});
afterEach(() => closeDatabase(db));

describe('deferred full-text indexing', () => {
  it('leaves written rows in the backlog and indexes them in batches', () => {
    store.upsertMany(Array.from({ length: 25 }, (_, i) => makePosting({ id: `p${i}`, title: `叉车司机${i}` })));
    expect(store.searchBacklog()).toBe(25);
    expect(store.indexSearchBacklog(10)).toBe(10);
    expect(store.searchBacklog()).toBe(15);
    expect(ids('叉车司机')).toHaveLength(25);
    expect(store.indexSearchBacklog(100)).toBe(15);
    expect(store.searchBacklog()).toBe(0);
    expect(ids('叉车司机')).toHaveLength(25);
    expect(ftsIsConsistent()).toBe(true);
  });

  it('forgets the old text of an indexed posting when it is edited, and finds the new text', () => {
    store.upsertMany([makePosting({ id: 'a', title: '叉车司机', revision: 1 })]);
    store.indexSearchBacklog(100);
    store.upsertMany([makePosting({ id: 'a', title: '保洁阿姨', revision: 2 })]);
    expect(ids('叉车司机')).toEqual([]);
    expect(ids('保洁阿姨')).toEqual(['a']);
    store.indexSearchBacklog(100);
    expect(ids('叉车司机')).toEqual([]);
    expect(ids('保洁阿姨')).toEqual(['a']);
    expect(ftsIsConsistent()).toBe(true);
  });

  it('removes a deleted posting from the index whether it was indexed or still waiting', () => {
    store.upsertMany([makePosting({ id: 'indexed', title: '水电安装工' })]);
    store.indexSearchBacklog(100);
    store.upsertMany([makePosting({ id: 'waiting', title: '水电维修工' })]);
    store.remove(['indexed', 'waiting']);
    expect(store.searchBacklog()).toBe(0);
    expect(ids('水电')).toEqual([]);
    expect(ids('水电安装')).toEqual([]);
    expect(ftsIsConsistent()).toBe(true);
  });

  it('does not touch the index when staff hide a posting', () => {
    store.upsertMany([makePosting({ id: 'h', title: '装卸搬运工' })]);
    store.indexSearchBacklog(100);
    store.setHidden('h', true);
    expect(store.searchBacklog()).toBe(0);
    store.setHidden('h', false);
    expect(ids('装卸搬运')).toEqual(['h']);
  });

  it('drains the backlog by itself after writes, yielding between batches', async () => {
    const indexer = createSearchIndexer(store, { batch: 100, pollMs: 20 });
    store.upsertMany(Array.from({ length: 450 }, (_, i) => makePosting({ id: `q${i}`, title: `外卖骑手${i}` })));
    await indexer.drained();
    expect(store.searchBacklog()).toBe(0);
    expect(ftsIsConsistent()).toBe(true);
    indexer.close();
  });
});
