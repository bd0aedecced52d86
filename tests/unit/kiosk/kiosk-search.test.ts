import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createKioskSearch } from '../../../electron/host/kiosk/kiosk-search';
import { KioskPostingQuerySchema } from '../../../shared/kiosk-contract';
import { NOW, makePosting } from '../db/fixtures';

const q = (query: Record<string, string>) => KioskPostingQuerySchema.parse(query);

function fixture() {
  const db = openDatabase(':memory:');
  const store = createPostingStore(db);
  store.upsertMany([
    makePosting({
      id: 'a',
      title: '叉车司机',
      employerName: '信江物流',
      settlement: 'daily',
      requirements: '持叉车证',
      description: '仓库装卸',
    }),
    makePosting({
      id: 'b',
      title: '货车司机',
      employerName: '广丰运输队',
      settlement: 'monthly',
      requirements: '',
      description: '城际运输',
    }),
    makePosting({
      id: 'c',
      title: '保洁员',
      employerName: '家政服务部',
      settlement: 'daily',
      requirements: '',
      description: '需要会开车',
    }),
  ]);
  return { db, store, search: createKioskSearch(db) };
}

describe('kiosk search', () => {
  it('finds 1-, 2- and 3-character terms in posting headlines', () => {
    const { search } = fixture();
    const ids = (term: string) =>
      search
        .search(q({ q: term }), NOW)
        .listings.map((l) => l.id)
        .sort();
    expect(ids('司')).toEqual(['a', 'b']);
    expect(ids('司机')).toEqual(['a', 'b']);
    expect(ids('叉车司')).toEqual(['a']);
  });

  it('only shows postings paid daily when 日结 is on', () => {
    const { search } = fixture();
    const res = search.search(q({ daily: '1' }), NOW);
    expect(res.listings.map((l) => l.id).sort()).toEqual(['a', 'c']);
    expect(search.search(q({ q: '司机', daily: '1' }), NOW).total).toBe(1);
  });

  it('falls back to the full text when no headline matches', () => {
    const { search } = fixture();
    expect(search.search(q({ q: '叉车证' }), NOW).listings.map((l) => l.id)).toEqual(['a']);
  });

  it('never shows a posting hidden or removed after the index was built', async () => {
    const { search, store } = fixture();
    expect(search.search(q({ q: '司机' }), NOW).total).toBe(2);
    store.setHidden('b', true);
    store.remove(['a']);
    expect(search.search(q({ q: '司机' }), NOW).listings).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(search.search(q({ q: '司机' }), NOW).total).toBe(0);
  });

  it('treats search syntax as plain text', () => {
    const { search } = fixture();
    for (const term of ['%', '_', '"', 'title:司机', '司机 OR 1=1', "'; DROP TABLE postings; --"]) {
      expect(() => search.search(q({ q: term }), NOW)).not.toThrow();
    }
    expect(search.search(q({ q: '%' }), NOW).total).toBe(0);
  });

  it("counts today's postings for the start screen", () => {
    const { search } = fixture();
    expect(search.summary(NOW)).toMatchObject({ activeListings: 3, dailyListings: 2 });
  });
});
