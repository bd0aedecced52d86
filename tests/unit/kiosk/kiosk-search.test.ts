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

  it('pages through every match, 2 at a time, by the headline index and by SQL alike', () => {
    const { search } = fixture();
    const walk = (query: Record<string, string>) => {
      const seen: string[] = [];
      for (let offset = 0; offset < 10; offset += 2) {
        const page = search.search(q({ ...query, limit: '2', offset: String(offset) }), NOW);
        seen.push(...page.listings.map((l) => l.id));
        expect(page.total).toBe(query.q === '司' ? 2 : 3);
        if (page.listings.length < 2) break;
      }
      return seen;
    };
    expect(walk({}).sort()).toEqual(['a', 'b', 'c']);
    expect(walk({ q: '司' }).sort()).toEqual(['a', 'b']);
    // past the end: nothing, still the right total
    expect(search.search(q({ limit: '2', offset: '4' }), NOW)).toMatchObject({ listings: [], total: 3 });
  });

  it("offers pay choices from what the chosen trades' postings pay", () => {
    const { store, search } = fixture();
    store.upsertMany([
      makePosting({ id: 'k1', occupation: 'construction', payMin: 370, payMax: 590, payUnit: 'day' }),
      makePosting({ id: 'k2', occupation: 'construction', payMin: 400, payMax: 500, payUnit: 'day' }),
      makePosting({ id: 'k3', occupation: 'construction', payMin: 520, payMax: null, payUnit: 'day' }),
      makePosting({ id: 'k4', occupation: 'construction', payMin: 600, payMax: 800, payUnit: 'day' }),
    ]);
    // staff took one off the screens: its pay says nothing about the hall's postings any more
    store.setHidden('k4', true);
    const built = search.payPresets(['construction'], NOW);
    expect(built.basis).toBe('trades');
    expect(built.presets).toHaveLength(1);
    expect(built.presets[0]).toMatchObject({ unit: 'day', postings: 3 });
    expect(Math.min(...built.presets[0]!.amounts)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...built.presets[0]!.amounts)).toBeLessThanOrEqual(550);
    // a trade with no postings: what the hall pays at all
    expect(search.payPresets(['teaching'], NOW).basis).toBe('all');
    expect(search.payPresets([], NOW).basis).toBe('all');
  });
});
