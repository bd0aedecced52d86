import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Posting } from '../../../shared/schemas/posting';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { DAY, HOUR, NOW, iso, makePosting } from './fixtures';
import { removableTmpDir } from '../../support/tmp-dir';

let db: WritableDatabase;
let store: PostingStore;
let clockMs = NOW;
let cleanup: () => void;

beforeEach(() => {
  const t = removableTmpDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'hall.db'));
  clockMs = NOW;
  store = createPostingStore(db, { clock: () => clockMs });
});

afterEach(() => {
  closeDatabase(db);
  cleanup();
});

describe('upsertMany', () => {
  it('stores postings and reads them back exactly, including a missing payMax and flags', () => {
    const a = makePosting({
      payMax: null,
      employerVerified: false,
      maskPhone: true,
      urgent: true,
      employerKind: 'individual',
    });
    const b = makePosting({ payMin: 8.5, payMax: null, payUnit: 'order' });
    expect(store.upsertMany([a, b])).toEqual({ applied: 2, skipped: 0 });
    expect(store.get(a.id)).toEqual(a);
    expect(store.get(b.id)).toEqual(b);
    expect(store.get('nope')).toBeUndefined();
    expect(store.count()).toBe(2);
  });

  it('replaces a posting only with a strictly newer revision', () => {
    const v2 = makePosting({ revision: 2, title: '叉车司机' });
    store.upsertMany([v2]);

    expect(store.upsertMany([{ ...v2, revision: 1, title: '旧标题' }])).toEqual({ applied: 0, skipped: 1 });
    expect(store.upsertMany([{ ...v2, revision: 2, title: '同版本' }])).toEqual({ applied: 0, skipped: 1 });
    expect(store.get(v2.id)?.title).toBe('叉车司机');

    expect(store.upsertMany([{ ...v2, revision: 3, title: '货车司机' }])).toEqual({ applied: 1, skipped: 0 });
    expect(store.get(v2.id)?.title).toBe('货车司机');
    expect(store.search({ q: '货车司机', limit: 5, now: NOW }).total).toBe(1);
    expect(store.search({ q: '叉车司机', limit: 5, now: NOW }).total).toBe(0);
  });

  it('keeps the newest revision when one batch holds several', () => {
    const base = makePosting({ revision: 1 });
    store.upsertMany([base, { ...base, revision: 3, title: '三' }, { ...base, revision: 2, title: '二' }]);
    expect(store.get(base.id)?.revision).toBe(3);
    expect(store.get(base.id)?.title).toBe('三');
  });

  it('writes the cursor with the rows and records when the data changed', () => {
    expect(store.getCursor()).toBe(0);
    expect(store.getDataUpdatedAt()).toBeNull();
    store.upsertMany([makePosting()], { cursor: 17 });
    expect(store.getCursor()).toBe(17);
    expect(store.getDataUpdatedAt()).toBe(NOW);
  });

  it('moves the cursor but not the data time when nothing new arrived', () => {
    const l = makePosting();
    store.upsertMany([l], { cursor: 1 });
    clockMs = NOW + HOUR;
    store.upsertMany([l], { cursor: 2 });
    expect(store.getCursor()).toBe(2);
    expect(store.getDataUpdatedAt()).toBe(NOW);
  });

  it('keeps the cursor and every row when the batch fails part-way', () => {
    const kept = makePosting({ title: '原来的' });
    store.upsertMany([kept], { cursor: 5 });
    clockMs = NOW + HOUR;

    const good = makePosting();
    // a NULL title violates NOT NULL on the second row, after the first was written
    const bad = { ...makePosting(), title: null } as unknown as Posting;
    expect(() => store.upsertMany([{ ...kept, revision: 9, title: '改过的' }, good, bad], { cursor: 9 })).toThrow(
      /NOT NULL/,
    );

    expect(store.getCursor()).toBe(5);
    expect(store.get(kept.id)?.title).toBe('原来的');
    expect(store.get(good.id)).toBeUndefined();
    expect(store.count()).toBe(1);
    expect(store.getDataUpdatedAt()).toBe(NOW);
    expect(store.search({ q: '改过的', limit: 5, now: NOW }).total).toBe(0);
  });

  it('rejects a negative or fractional cursor without writing the batch', () => {
    expect(() => store.upsertMany([makePosting()], { cursor: -1 })).toThrow(/upsertMany: cursor/);
    expect(() => store.setCursor(1.5)).toThrow(/setCursor: cursor/);
    expect(store.count()).toBe(0);
    expect(store.getCursor()).toBe(0);
  });

  it('keeps a staff hide across upstream updates', () => {
    const l = makePosting();
    store.upsertMany([l]);
    expect(store.setHidden(l.id, true)).toBe(true);
    store.upsertMany([{ ...l, revision: 2, title: '新标题' }]);
    expect(store.countActive(NOW)).toBe(0);
    expect(store.setHidden(l.id, false)).toBe(true);
    expect(store.activePostings(NOW).map((x) => x.title)).toEqual(['新标题']);
    expect(store.setHidden('unknown', true)).toBe(false);
  });
});

describe('remove', () => {
  it('deletes postings and their search entries with the cursor in one step', () => {
    const a = makePosting({ title: '叉车司机' });
    const b = makePosting({ title: '保洁员', occupation: 'cleaning' });
    store.upsertMany([a, b], { cursor: 3 });
    clockMs = NOW + HOUR;
    expect(store.remove([a.id, 'missing'], { cursor: 4 })).toBe(1);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.getCursor()).toBe(4);
    expect(store.getDataUpdatedAt()).toBe(NOW + HOUR);
    expect(store.search({ q: '叉车司机', limit: 5, now: NOW }).total).toBe(0);
    expect(store.count()).toBe(1);
  });
});

describe('transaction', () => {
  it('lets a caller combine several writes and roll them back together', () => {
    const a = makePosting();
    expect(() =>
      store.transaction(() => {
        store.upsertMany([a], { cursor: 8 });
        store.remove(['x'], { cursor: 9 });
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(store.count()).toBe(0);
    expect(store.getCursor()).toBe(0);
  });
});

describe('validity', () => {
  it('counts a posting active from validFrom until just before validUntil', () => {
    const l = makePosting({ validFrom: iso(NOW), validUntil: iso(NOW + DAY) });
    store.upsertMany([l]);
    expect(store.countActive(NOW - 1)).toBe(0);
    expect(store.countActive(NOW)).toBe(1);
    expect(store.countActive(NOW + DAY - 1)).toBe(1);
    expect(store.countActive(NOW + DAY)).toBe(0);
    expect(store.activePostings(NOW + DAY)).toEqual([]);
    expect(store.search({ limit: 10, now: NOW + DAY }).total).toBe(0);
  });

  it('purges only postings expired longer than the grace period', () => {
    const old = makePosting({ validFrom: iso(NOW - 20 * DAY), validUntil: iso(NOW - 10 * DAY) });
    const recent = makePosting({ validFrom: iso(NOW - 2 * DAY), validUntil: iso(NOW - HOUR) });
    const live = makePosting();
    store.upsertMany([old, recent, live]);
    expect(store.purgeExpired(NOW, 7 * DAY)).toBe(1);
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(recent.id)).toBeDefined();
    expect(store.purgeExpired(NOW, 0)).toBe(1);
    expect(store.count()).toBe(1);
  });

  it('filters validity through an index', () => {
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT l.* FROM postings l WHERE l.hidden = 0 AND l.valid_until_ms > @now AND l.valid_from_ms <= @now',
      )
      .all({ now: NOW }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX postings_valid_until/);
  });
});

describe('activeListings', () => {
  it('filters by trades and districts and orders urgent first, then newest, then by id', () => {
    const driving = makePosting({
      id: 'b',
      occupation: 'driving',
      districtCode: '361102',
      validFrom: iso(NOW - 2 * DAY),
    });
    const cleaningNew = makePosting({
      id: 'c',
      occupation: 'cleaning',
      districtCode: '361103',
      validFrom: iso(NOW - HOUR),
    });
    const urgentOld = makePosting({
      id: 'd',
      occupation: 'catering',
      districtCode: '361130',
      urgent: true,
      validFrom: iso(NOW - 3 * DAY),
    });
    const sameTime = makePosting({
      id: 'a',
      occupation: 'driving',
      districtCode: '361103',
      validFrom: iso(NOW - 2 * DAY),
    });
    const future = makePosting({ id: 'e', validFrom: iso(NOW + HOUR) });
    store.upsertMany([driving, cleaningNew, urgentOld, sameTime, future]);

    expect(store.activePostings(NOW).map((l) => l.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(store.activePostings(NOW, { occupations: ['driving'] }).map((l) => l.id)).toEqual(['a', 'b']);
    expect(store.activePostings(NOW, { districts: ['361103'] }).map((l) => l.id)).toEqual(['c', 'a']);
    expect(
      store
        .activePostings(NOW, { occupations: ['driving', 'catering'], districts: ['361102', '361130'] })
        .map((l) => l.id),
    ).toEqual(['d', 'b']);
    expect(store.activePostings(NOW, { occupations: [] })).toEqual([]);
    expect(store.countActive(NOW)).toBe(4);
  });
});
