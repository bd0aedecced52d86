import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createQuarantineStore } from '../../../electron/host/db/quarantine-store';
import { createChangeApplier } from '../../../electron/host/sync/apply-changes';
import type { SequencedChange } from '../../../electron/host/sync/sequenced-change';
import type { Posting } from '../../../shared/schemas/posting';
import { makePosting, NOW } from '../db/fixtures';
import { silentLog } from '../../support/silent-log';

function setup() {
  const db = openDatabase(':memory:');
  const store = createPostingStore(db);
  const quarantine = createQuarantineStore(db);
  const applier = createChangeApplier({
    store,
    quarantine,
    clock: () => NOW,
    log: silentLog(),
    source: 'http://hub.test',
  });
  return { db, store, quarantine, applier };
}

const upsert = (seq: number, l: Posting): SequencedChange => ({
  seq,
  raw: { seq, type: 'listing', op: 'upsert', id: l.id, data: l },
});
const del = (seq: number, id: string): SequencedChange => ({ seq, raw: { seq, type: 'listing', op: 'delete', id } });

describe('applying upstream changes', () => {
  it('writes postings and the cursor together', () => {
    const { store, applier } = setup();
    const a = makePosting();
    const b = makePosting();
    const result = applier.apply([upsert(1, a), upsert(2, b), del(3, a.id)]);
    expect(result).toEqual({ changed: 3, quarantined: 0, duplicates: 0, cursor: 3 });
    expect(store.getCursor()).toBe(3);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)).toEqual(b);
  });

  it('skips changes at or below the cursor', () => {
    const { store, applier } = setup();
    const a = makePosting();
    applier.apply([upsert(1, a)]);
    const result = applier.apply([upsert(1, { ...a, title: '旧的重放' }), del(1, a.id)]);
    expect(result.duplicates).toBe(2);
    expect(store.get(a.id)?.title).toBe(a.title);
  });

  it('keeps upstream order for an upsert after a delete of the same id in one run', () => {
    const { store, applier } = setup();
    const a = makePosting({ revision: 1 });
    applier.apply([upsert(1, a), del(2, a.id), upsert(3, { ...a, revision: 2, title: '重新发布' })]);
    expect(store.get(a.id)?.title).toBe('重新发布');
  });

  it('quarantines an invalid posting with its reason and moves the cursor past it', () => {
    const { store, quarantine, applier } = setup();
    const good = makePosting();
    const bad = { ...makePosting(), title: '<b>高薪</b>' };
    const result = applier.apply([upsert(1, bad), upsert(2, good)]);
    expect(result).toMatchObject({ changed: 1, quarantined: 1, cursor: 2 });
    const [entry] = quarantine.list();
    expect(entry).toMatchObject({ seq: 1, source: 'http://hub.test', receivedAt: NOW });
    expect(entry!.reason).toMatch(/title: must be plain text/);
    expect(JSON.parse(entry!.payload)).toMatchObject({ seq: 1, id: bad.id });
    expect(store.get(bad.id)).toBeUndefined();
  });

  it('quarantines unknown change types and ops', () => {
    const { quarantine, applier } = setup();
    applier.apply([
      { seq: 1, raw: { seq: 1, type: 'weather', op: 'upsert', id: 'w1', data: {} } },
      { seq: 2, raw: { seq: 2, type: 'listing', op: 'merge', id: 'x' } },
      { seq: 3, raw: 'not even an object' },
    ]);
    expect(
      quarantine
        .list()
        .map((q) => q.seq)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it('rolls back the whole run, cursor included, when the store fails part-way', () => {
    const { db, store, applier } = setup();
    const a = makePosting();
    applier.apply([upsert(1, a)]);
    db.exec(
      "CREATE TRIGGER fail_on_boom BEFORE INSERT ON postings WHEN new.title = '爆炸' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect(() =>
      applier.apply([upsert(2, makePosting({ title: '正常' })), upsert(3, makePosting({ title: '爆炸' }))]),
    ).toThrow(/disk full/);
    expect(store.getCursor()).toBe(1);
    expect(store.count()).toBe(1);
  });

  it('moves the cursor to the end of the feed when asked, with nothing in between', () => {
    const { store, applier } = setup();
    expect(applier.apply([], 41).cursor).toBe(41);
    expect(store.getCursor()).toBe(41);
    expect(applier.apply([], 7).cursor).toBe(41);
  });

  it('passes urgent notices to the urgent sink in the same run', () => {
    const db = openDatabase(':memory:');
    const store = createPostingStore(db);
    const seen: string[] = [];
    const applier = createChangeApplier({
      store,
      quarantine: createQuarantineStore(db),
      clock: () => NOW,
      log: silentLog(),
      source: 'hub',
      urgent: { upsert: (id) => seen.push(`+${id}`), remove: (id) => seen.push(`-${id}`) },
    });
    applier.apply([
      { seq: 1, raw: { seq: 1, type: 'urgent', op: 'upsert', id: 'u1', data: { title: '紧急' } } },
      { seq: 2, raw: { seq: 2, type: 'urgent', op: 'delete', id: 'u1' } },
    ]);
    expect(seen).toEqual(['+u1', '-u1']);
    expect(store.getCursor()).toBe(2);
  });
});
