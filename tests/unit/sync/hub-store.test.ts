import { describe, expect, it } from 'vitest';
import { openHubStore } from '../../../scripts/hub/hub-store';
import { makeListing, NOW } from '../db/fixtures';

describe('the reference hub store', () => {
  it('numbers changes strictly increasing and bumps revisions on every upsert', () => {
    const store = openHubStore(':memory:');
    const a = makeListing({ revision: 1 });
    const [c1] = store.upsertListings([a], NOW);
    const [c2] = store.upsertListings([{ ...a, title: '改了标题' }], NOW + 1);
    expect(c2!.seq).toBeGreaterThan(c1!.seq);
    expect(store.getListing(a.id)).toMatchObject({ title: '改了标题', revision: 2 });
  });

  it('keeps counting revisions for an id deleted and posted again', () => {
    const store = openHubStore(':memory:');
    const a = makeListing({ revision: 1 });
    store.upsertListings([a], NOW);
    expect(store.deleteListing(a.id, NOW)?.op).toBe('delete');
    expect(store.deleteListing(a.id, NOW)).toBeNull();
    store.upsertListings([a], NOW);
    expect(store.getListing(a.id)?.revision).toBe(2);
  });

  it('turns expired postings into delete changes', () => {
    const store = openHubStore(':memory:');
    const soon = makeListing({ validUntil: new Date(NOW + 1000).toISOString() });
    const later = makeListing();
    store.upsertListings([soon, later], NOW);
    const expired = store.expireListings(NOW + 1000);
    expect(expired.map((c) => [c.op, c.id])).toEqual([['delete', soon.id]]);
    expect(store.countListings()).toBe(1);
  });

  it('serves pages with lastSeq and hasMore, the JSON page equal to the object one', () => {
    const store = openHubStore(':memory:');
    store.upsertListings([makeListing(), makeListing(), makeListing()], NOW);
    store.deleteListing(store.changesSince(0, 1).changes[0]!.id, NOW);
    const first = JSON.parse(store.changesPageJson(0, 2).toString('utf8'));
    expect(first).toEqual(JSON.parse(JSON.stringify(store.changesSince(0, 2))));
    expect(first).toMatchObject({ lastSeq: 4, hasMore: true });
    const rest = JSON.parse(store.changesPageJson(2, 10).toString('utf8'));
    expect(rest.changes.map((c: { seq: number; op: string }) => [c.seq, c.op])).toEqual([
      [3, 'upsert'],
      [4, 'delete'],
    ]);
    expect(rest.changes[1]).not.toHaveProperty('data');
    expect(rest.hasMore).toBe(false);
    expect(JSON.parse(store.changesPageJson(4, 10).toString('utf8'))).toEqual({ changes: [], lastSeq: 4, hasMore: false });
  });

  it('writes JSON that any parser reads back for awkward ids, types and text', () => {
    const store = openHubStore(':memory:');
    store.appendRawChange({ type: 'listing"x', op: 'upsert\\', id: '引号"\n\u2028', data: { title: '<script>alert("急")</script>', n: [1, null, 2.5] } }, NOW);
    store.appendRawChange({ type: 'listing', op: 'delete', id: 'gone' }, NOW);
    const page = JSON.parse(store.changesPageJson(0, 10).toString('utf8'));
    expect(page).toEqual(JSON.parse(JSON.stringify(store.changesSince(0, 10))));
    expect(page.changes[0]).toMatchObject({ id: '引号"\n\u2028', data: { title: '<script>alert("急")</script>' } });
  });

  it('stores a submission once however often it arrives', () => {
    const store = openHubStore(':memory:');
    const s = { id: '0190a5a0-0000-7000-8000-000000000001', hallId: 'h1', type: 'test.ping', payload: { n: 1 }, receivedAt: NOW };
    expect(store.addSubmission(s)).toBe(true);
    expect(store.addSubmission(s)).toBe(false);
    expect(store.submissions()).toEqual([{ ...s, receivedCount: 2 }]);
  });
});
