import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { escapeLike, planSearch, quoteFts } from '../../../electron/host/db/posting-search';
import { DAY, NOW, iso, makePosting } from './fixtures';

let db: WritableDatabase;
let store: PostingStore;

const forklift = makePosting({
  id: 'forklift',
  title: '叉车司机',
  occupation: 'driving',
  districtCode: '361102',
  address: '信州区凤凰大道88号',
});
const driver = makePosting({
  id: 'driver',
  title: '司机',
  occupation: 'driving',
  districtCode: '361103',
  address: '广丰区永丰大道8号',
  description: '公司商务用车驾驶。',
  requirements: '持C1驾照，100%准时',
});
const cleaner = makePosting({
  id: 'cleaner',
  title: '保洁员',
  occupation: 'cleaning',
  districtCode: '361104',
  address: '广信区书院路1号',
  description: '写字楼保洁，"OR" 也是字。',
  requirements: '做事细心，能用*号清单',
  employerName: '上饶市晨光物业管理有限公司',
});
const dancer = makePosting({
  id: 'dancer',
  title: '中国舞教师',
  occupation: 'teaching',
  districtCode: '361102',
  address: '信州区带湖路5号',
  description: '少儿中国舞兴趣班授课_周末',
  payMin: 120,
  payMax: 200,
  payUnit: 'lesson',
});
const hiddenDriver = makePosting({ id: 'hidden-driver', title: '货车司机', districtCode: '361102' });
const expiredDriver = makePosting({
  id: 'expired-driver',
  title: '挖机司机',
  validFrom: iso(NOW - 9 * DAY),
  validUntil: iso(NOW - DAY),
});

beforeAll(() => {
  db = openDatabase(':memory:');
  store = createPostingStore(db);
  store.upsertMany([forklift, driver, cleaner, dancer, hiddenDriver, expiredDriver]);
  store.setHidden(hiddenDriver.id, true);
});

afterAll(() => closeDatabase(db));

const ids = (
  q: string | undefined,
  extra: { occupation?: 'driving' | 'cleaning' | 'teaching'; district?: string } = {},
) =>
  store
    .search({ q, limit: 50, now: NOW, ...extra })
    .postings.map((l) => l.id)
    .sort();

// Every case runs twice: right after writing (rows still waiting for the search indexer, found
// by scanning) and after the indexer has moved them into the FTS5 table.
for (const indexed of [false, true]) {
  describe(indexed ? 'search (indexed)' : 'search (rows waiting for the indexer)', () => {
    beforeAll(() => {
      if (indexed) store.indexSearchBacklog(1_000);
      expect(store.searchBacklog() === 0).toBe(indexed);
    });

    it('finds a one-character term anywhere in the text', () => {
      expect(ids('机')).toEqual(['driver', 'forklift']);
      expect(ids('舞')).toEqual(['dancer']);
      // every employer here is a 有限公司
      expect(ids('司')).toEqual(['cleaner', 'dancer', 'driver', 'forklift']);
    });

    it('finds a two-character term', () => {
      expect(ids('司机')).toEqual(['driver', 'forklift']);
      expect(ids('保洁')).toEqual(['cleaner']);
    });

    it('finds three or more characters through the trigram index', () => {
      expect(ids('叉车司机')).toEqual(['forklift']);
      expect(ids('车司机')).toEqual(['forklift']);
      expect(ids('中国舞')).toEqual(['dancer']);
      expect(ids('晨光物业')).toEqual(['cleaner']);
    });

    it('finds postings by the name of their district', () => {
      expect(ids('信州')).toEqual(['dancer', 'forklift']);
      expect(ids('广丰区')).toEqual(['driver']);
    });

    it('requires every term of a multi-word query', () => {
      expect(ids('司机 信州')).toEqual(['forklift']);
      expect(ids('信州区 中国舞')).toEqual(['dancer']);
      expect(ids('司机 保洁')).toEqual([]);
    });

    it('combines text with trade and district filters', () => {
      expect(ids('司机', { district: '361103' })).toEqual(['driver']);
      expect(ids(undefined, { occupation: 'driving' })).toEqual(['driver', 'forklift']);
      expect(ids('', { occupation: 'teaching', district: '361102' })).toEqual(['dancer']);
      expect(ids('司机', { occupation: 'cleaning' })).toEqual([]);
    });

    it('never returns hidden or expired postings', () => {
      expect(ids('货车司机')).toEqual([]);
      expect(ids('挖机')).toEqual([]);
      expect(ids(undefined)).toEqual(['cleaner', 'dancer', 'driver', 'forklift']);
    });

    it('reports the full total while returning at most limit postings', () => {
      const result = store.search({ q: '机', limit: 1, now: NOW });
      expect(result.total).toBe(2);
      expect(result.postings).toHaveLength(1);
      expect(store.search({ q: '机', limit: 0, now: NOW })).toEqual({ postings: [], total: 2 });
    });

    it('treats FTS operators and quotes as plain text', () => {
      expect(ids('"OR"')).toEqual(['cleaner']);
      expect(ids('OR')).toEqual(['cleaner']);
      expect(ids('*')).toEqual(['cleaner']);
      expect(ids('*号清单')).toEqual(['cleaner']);
      expect(ids('NEAR(')).toEqual([]);
      expect(ids('司机 OR 保洁')).toEqual([]);
      expect(ids('title:司机')).toEqual([]);
      expect(ids('-司机')).toEqual([]);
    });

    it('treats LIKE wildcards as plain text', () => {
      expect(ids('%')).toEqual(['driver']);
      expect(ids('100%')).toEqual(['driver']);
      expect(ids('_')).toEqual(['dancer']);
      expect(ids('\\')).toEqual([]);
      expect(ids("'")).toEqual([]);
    });

    it('never throws, whatever a visitor types', () => {
      const alphabet = fc.constantFrom(
        '"',
        "'",
        '*',
        '%',
        '_',
        '\\',
        '(',
        ')',
        ':',
        '-',
        '^',
        '+',
        ' ',
        'OR',
        'AND',
        'NOT',
        'NEAR',
        '司',
        '机',
        '叉',
        '车',
        'a',
        '0',
        '\u0000',
        '…',
      );
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 12 }), (parts) => {
          const result = store.search({ q: parts.join(''), limit: 10, now: NOW });
          expect(result.total).toBeGreaterThanOrEqual(result.postings.length);
        }),
        { numRuns: 400 },
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 50, unit: 'binary' }), (q) => {
          expect(() => store.search({ q, limit: 10, now: NOW })).not.toThrow();
        }),
        { numRuns: 400 },
      );
    });
  });
}

describe('planSearch', () => {
  it('sends terms of three or more characters to FTS and shorter ones to LIKE', () => {
    expect(planSearch('叉车司机 信州 a')).toEqual({
      match: '"叉车司机"',
      matchLikes: ['%叉车司机%'],
      likes: ['%信州%', '%a%'],
    });
    expect(planSearch('  ')).toEqual({ match: null, matchLikes: [], likes: [] });
    expect(planSearch(undefined)).toEqual({ match: null, matchLikes: [], likes: [] });
  });

  it('quotes FTS strings and escapes LIKE wildcards', () => {
    expect(quoteFts('a"b')).toBe('"a""b"');
    expect(escapeLike('5%_\\')).toBe('5\\%\\_\\\\');
  });

  it('drops control characters, which FTS5 would read as the end of the query', () => {
    expect(planSearch('a\u0000"b')).toEqual({ match: null, matchLikes: [], likes: ['%a%', '%"b%'] });
    expect(planSearch('叉车\u0007司机')).toEqual({ match: null, matchLikes: [], likes: ['%叉车%', '%司机%'] });
  });

  it('counts characters, not UTF-16 units, so one rare character stays a LIKE term', () => {
    expect(planSearch('𠮷')).toEqual({ match: null, matchLikes: [], likes: ['%𠮷%'] });
  });
});
