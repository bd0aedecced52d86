import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createPostingFeed } from '../../../electron/host/boards/posting-feed';
import { openChangeCursor } from '../../../electron/host/db/posting-changes';
import { PlanEngine } from '../../../electron/host/boards/plan-engine';
import { DAY, NOW, iso, makePosting } from '../db/fixtures';

function drain(feed: ReturnType<typeof createPostingFeed>, now: number, maxRows?: number) {
  const pieces = [];
  for (let d = feed.next(now, maxRows); d; d = feed.next(now, maxRows)) pieces.push(d);
  return pieces;
}

describe('listing feed (what the board planner learns from the database)', () => {
  it('loads every visible, unexpired posting first, in pieces, then only what was written since', () => {
    const db = openDatabase(':memory:');
    const store = createPostingStore(db);
    store.upsertMany(Array.from({ length: 25 }, (_, i) => makePosting({ id: `p${i}` })));
    store.upsertMany([makePosting({ id: 'gone', validFrom: iso(NOW - 3 * DAY), validUntil: iso(NOW - DAY) })]);
    store.setHidden('p3', true);
    const feed = createPostingFeed(db);
    const load = drain(feed, NOW, 10);
    expect(load.map((d) => d.upserts.length)).toEqual([10, 10, 4]);
    expect(load[0]!.reset).toBe(true);
    expect(load.slice(1).every((d) => !d.reset)).toBe(true);
    expect(load.flatMap((d) => d.upserts.map((l) => l.id))).not.toContain('p3');
    expect(feed.next(NOW)).toBeNull();

    store.upsertMany([makePosting({ id: 'new' }), { ...makePosting({ id: 'p1' }), title: '货车司机', revision: 2 }]);
    store.setHidden('p2', true);
    store.remove(['p4']);
    store.setHidden('p3', false);
    expect(feed.behind()).toBe(5);
    const [delta] = drain(feed, NOW);
    expect(delta!.upserts.map((l) => l.id).sort()).toEqual(['new', 'p1', 'p3']);
    expect(delta!.upserts.find((l) => l.id === 'p1')!.title).toBe('货车司机');
    expect(delta!.removes.sort()).toEqual(['p2', 'p4']);
    expect(feed.behind()).toBe(0);
  });

  it('sees writes from another connection (triggers, not the store, record them)', () => {
    const db = openDatabase(':memory:');
    const feed = createPostingFeed(db);
    drain(feed, NOW);
    db.prepare("UPDATE postings SET title = 'x'").run();
    createPostingStore(db).upsertMany([makePosting({ id: 'raw' })]);
    expect(drain(feed, NOW).flatMap((d) => d.upserts.map((l) => l.id))).toEqual(['raw']);
  });

  it('keeps a change until every reader has passed it, and never hands out a seq twice', () => {
    const db = openDatabase(':memory:');
    const store = createPostingStore(db);
    const a = openChangeCursor(db);
    const b = openChangeCursor(db);
    store.upsertMany([makePosting({ id: 'one' }), makePosting({ id: 'two' })]);
    expect(a.next(100)).toEqual(['one', 'two']);
    expect(b.behind()).toBe(2);
    expect(b.next(1)).toEqual(['one']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM posting_changes').get()).toEqual({ n: 2 });
    expect(b.next(100)).toEqual(['two']);
    // everything read: only the newest row stays, so the next seq is still new
    expect(db.prepare('SELECT COUNT(*) AS n FROM posting_changes').get()).toEqual({ n: 1 });
    store.remove(['one']);
    expect(a.next(100)).toEqual(['one']);
    a.close();
    b.close();
  });

  it('feeds a plan engine that ends up holding exactly the store’s active postings', () => {
    const db = openDatabase(':memory:');
    const store = createPostingStore(db);
    store.upsertMany(Array.from({ length: 30 }, (_, i) => makePosting({ id: `p${i}` })));
    const feed = createPostingFeed(db);
    const engine = new PlanEngine();
    for (const d of drain(feed, NOW, 7)) engine.apply(d);
    store.remove(['p0', 'p1']);
    store.setHidden('p2', true);
    store.upsertMany([makePosting({ id: 'q' })]);
    for (const d of drain(feed, NOW, 7)) engine.apply(d);
    expect(engine.size).toBe(store.activePostings(NOW).length);
    // a reset (the worker died) starts over with a full load
    feed.reset();
    const again = drain(feed, NOW);
    expect(again[0]!.reset).toBe(true);
    expect(again.flatMap((d) => d.upserts).length).toBe(store.activePostings(NOW).length);
  });
});
