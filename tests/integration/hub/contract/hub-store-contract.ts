/**
 * The hub store contract: one suite, run against every HubStore implementation (SQLite and
 * PostgreSQL, see the *.contract.test.ts files beside this one). A store passes when it keeps
 * every rule hub-store.ts states — ordering, revisions, tombstones, pages, idempotent
 * submissions and their effects — on a real database.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubStore, UrgentInput } from '../../../../scripts/hub/hub-store';
import { HOUR, iso, makePosting, NOW } from '../../../unit/db/fixtures';

export interface StoreUnderTest {
  /** A store on an empty database. */
  fresh(): Promise<HubStore>;
  /** A second handle on the database of the last `fresh()` store (another hub node). */
  sibling?: () => Promise<HubStore>;
  /** Drops what the suite made (a server, files). */
  done?: () => Promise<void>;
}

const uuid = (n: number) => `0190a5a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** An urgent notice for every screen, about no posting, for an hour from NOW; with overrides. */
const urgentNotice = (overrides: Partial<UrgentInput> & Pick<UrgentInput, 'id' | 'title'>): UrgentInput => ({
  body: '',
  listingId: null,
  expiresAt: iso(NOW + HOUR),
  screens: null,
  ...overrides,
});

export function describeHubStoreContract(label: string, subject: StoreUnderTest): void {
  describe(`hub store contract: ${label}`, () => {
    const opened: HubStore[] = [];
    let store: HubStore;

    beforeEach(async () => {
      store = await subject.fresh();
      opened.push(store);
    });

    afterAll(async () => {
      for (const s of opened) await s.close();
      await subject.done?.();
    });

    async function sibling(): Promise<HubStore> {
      const s = subject.sibling ? await subject.sibling() : store;
      if (s !== store) opened.push(s);
      return s;
    }

    it('numbers changes strictly increasing and bumps revisions on every upsert', async () => {
      const a = makePosting({ revision: 1 });
      const [c1] = await store.upsertPostings([a], NOW);
      const [c2] = await store.upsertPostings([{ ...a, title: '改了标题' }], NOW + 1);
      expect(c1!.seq).toBe(1);
      expect(c2!.seq).toBe(2);
      expect(await store.getPosting(a.id)).toMatchObject({
        title: '改了标题',
        revision: 2,
        updatedAt: new Date(NOW + 1).toISOString(),
      });
      expect(c2!.data).toEqual(await store.getPosting(a.id));
      // a revision sent higher than the hub's is kept
      const [c3] = await store.upsertPostings([{ ...a, revision: 9 }], NOW + 2);
      expect((c3!.data as { revision: number }).revision).toBe(9);
    });

    it('keeps counting revisions for an id deleted and posted again', async () => {
      const a = makePosting({ revision: 1 });
      await store.upsertPostings([a], NOW);
      expect((await store.deletePosting(a.id, NOW))?.op).toBe('delete');
      expect(await store.deletePosting(a.id, NOW)).toBeNull();
      expect(await store.getPosting(a.id)).toBeUndefined();
      expect(await store.countPostings()).toBe(0);
      await store.upsertPostings([a], NOW);
      expect((await store.getPosting(a.id))?.revision).toBe(2);
    });

    it('turns expired postings into delete changes', async () => {
      const soon = makePosting({ validUntil: new Date(NOW + 1000).toISOString() });
      const later = makePosting();
      await store.upsertPostings([soon, later], NOW);
      const expired = await store.expirePostings(NOW + 1000);
      expect(expired.map((c) => [c.op, c.id])).toEqual([['delete', soon.id]]);
      expect(await store.countPostings()).toBe(1);
      expect(await store.expirePostings(NOW + 1000)).toEqual([]);
    });

    it('reads live postings one, several and all at once', async () => {
      const [a, b, c] = [makePosting(), makePosting(), makePosting()];
      await store.upsertPostings([a, b, c], NOW);
      await store.deletePosting(b.id, NOW);
      const some = await store.getPostings([a.id, b.id, 'nope']);
      expect([...some.keys()]).toEqual([a.id]);
      const all = await store.allPostings();
      expect([...all.keys()].sort()).toEqual([a.id, c.id].sort());
      expect(all.get(c.id)).toMatchObject({ title: c.title, revision: 1 });
    });

    it('serves pages with lastSeq and hasMore, the JSON page equal to the object one', async () => {
      await store.upsertPostings([makePosting(), makePosting(), makePosting()], NOW);
      await store.deletePosting((await store.changesSince(0, 1)).changes[0]!.id, NOW);
      const first = JSON.parse((await store.changesPageJson(0, 2)).toString('utf8'));
      expect(first).toEqual(JSON.parse(JSON.stringify(await store.changesSince(0, 2))));
      expect(first).toMatchObject({ lastSeq: 4, hasMore: true });
      const rest = JSON.parse((await store.changesPageJson(2, 10)).toString('utf8'));
      expect(rest.changes.map((c: { seq: number; op: string }) => [c.seq, c.op])).toEqual([
        [3, 'upsert'],
        [4, 'delete'],
      ]);
      expect(rest.changes[1]).not.toHaveProperty('data');
      expect(rest.hasMore).toBe(false);
      expect(JSON.parse((await store.changesPageJson(4, 10)).toString('utf8'))).toEqual({
        changes: [],
        lastSeq: 4,
        hasMore: false,
      });
      expect(await store.changesSince(4, 10)).toEqual({ changes: [], lastSeq: 4, hasMore: false });
      expect(await store.lastSeq()).toBe(4);
    });

    it('writes JSON that any parser reads back for awkward ids, types and text', async () => {
      await store.appendRawChange(
        {
          type: 'listing"x',
          op: 'upsert\\',
          id: '引号"\n\u2028',
          data: { title: '<script>alert("急")</script>', n: [1, null, 2.5] },
        },
        NOW,
      );
      await store.appendRawChange({ type: 'listing', op: 'delete', id: 'gone' }, NOW);
      await store.appendRawChange({ type: 'listing', op: 'upsert', id: 'null-data', data: null }, NOW);
      const page = JSON.parse((await store.changesPageJson(0, 10)).toString('utf8'));
      expect(page).toEqual(JSON.parse(JSON.stringify(await store.changesSince(0, 10))));
      expect(page.changes[0]).toMatchObject({
        id: '引号"\n\u2028',
        data: { title: '<script>alert("急")</script>', n: [1, null, 2.5] },
      });
      expect(page.changes[2]).toEqual({ seq: 3, type: 'listing', op: 'upsert', id: 'null-data', data: null });
    });

    it('stores a submission once however often it arrives, and counts every arrival', async () => {
      const s = { id: uuid(1), hallId: 'h1', type: 'test.ping', payload: { n: 1, text: '你好' }, receivedAt: NOW };
      expect(await store.addSubmission(s)).toEqual({ inserted: true, changes: [] });
      expect(await store.addSubmission({ ...s, hallId: 'h2', receivedAt: NOW + 5 })).toEqual({
        inserted: false,
        changes: [],
      });
      expect(await store.submissions()).toEqual([{ ...s, receivedCount: 2 }]);
      expect(await store.countSubmissions()).toBe(1);
      await store.addSubmission({ ...s, id: uuid(2) });
      expect((await store.submissions(uuid(1), 10)).map((x) => x.id)).toEqual([uuid(2)]);
      // one type only: a hall's placements (match outcomes) among everything else it sent
      await store.addSubmission({ ...s, id: uuid(3), type: 'match-outcome', payload: { outcome: 'placed' } });
      expect((await store.submissions('', 10, 'match-outcome')).map((x) => x.id)).toEqual([uuid(3)]);
      expect((await store.submissions(uuid(3), 10, 'test.ping')).map((x) => x.id)).toEqual([]);
    });

    it('commits an urgent relay with its submission, and never runs it twice', async () => {
      const notice = urgentNotice({ id: 'hall-a:u1', title: '急招搬运工' });
      const s = { id: uuid(3), hallId: 'hall-a', type: 'urgent', payload: notice, receivedAt: NOW };
      const first = await store.addSubmission(s, { kind: 'upsert-urgent', notice });
      expect(first.inserted).toBe(true);
      expect(first.changes).toEqual([
        {
          seq: 1,
          type: 'urgent',
          op: 'upsert',
          id: 'hall-a:u1',
          data: { ...notice, revision: 1, updatedAt: new Date(NOW).toISOString() },
        },
      ]);
      expect(await store.addSubmission(s, { kind: 'upsert-urgent', notice })).toEqual({ inserted: false, changes: [] });
      const retract = await store.addSubmission({ ...s, id: uuid(4) }, { kind: 'retract-urgent', id: 'hall-a:u1' });
      expect(retract.changes.map((c) => [c.seq, c.op, c.id])).toEqual([[2, 'delete', 'hall-a:u1']]);
      // withdrawing what the hub never had stores the item and changes nothing
      expect(await store.addSubmission({ ...s, id: uuid(5) }, { kind: 'retract-urgent', id: 'never' })).toEqual({
        inserted: true,
        changes: [],
      });
      expect(await store.lastSeq()).toBe(2);
    });

    it('upserts and retracts urgent notices with their own revisions', async () => {
      const notice = urgentNotice({
        id: 'city-1',
        title: '全市急招',
        body: '今天下午',
        expiresAt: iso(NOW + 60_000),
        screens: ['1'],
      });
      await store.upsertUrgent(notice, NOW);
      const again = await store.upsertUrgent({ ...notice, title: '全市急招(改)' }, NOW + 1);
      expect(again.data).toMatchObject({ title: '全市急招(改)', revision: 2, screens: ['1'] });
      expect((await store.retractUrgent('city-1', NOW + 2))?.op).toBe('delete');
      expect(await store.retractUrgent('never', NOW + 2)).toBeNull();
    });

    it('refuses to store what it cannot, and stays usable', async () => {
      // a submission payload that cannot become JSON (a BigInt) must reject, not half-store
      await expect(
        store.addSubmission({ id: uuid(6), hallId: 'h', type: 't', payload: { n: 1n }, receivedAt: NOW }),
      ).rejects.toThrow();
      expect(await store.countSubmissions()).toBe(0);
      await store.ping();
    });

    it('hands out contiguous seqs to concurrent writers, also through a second handle', async () => {
      const other = await sibling();
      const writes: Array<Promise<unknown>> = [];
      for (let i = 0; i < 40; i++) {
        const s = i % 2 === 0 ? store : other;
        writes.push(
          i % 3 === 0 ? s.upsertPostings([makePosting(), makePosting()], NOW) : s.upsertPostings([makePosting()], NOW),
        );
      }
      await Promise.all(writes);
      const { changes, lastSeq } = await store.changesSince(0, 1000);
      expect(changes.map((c) => c.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
      expect(lastSeq).toBe(54);
    });

    it("keeps each hall's last status; only the session that connected can mark it gone", async () => {
      await store.recordHall({
        kind: 'connected',
        hallId: 'hall-a',
        nodeId: 'n1',
        session: 'n1/s1',
        at: NOW,
        cursor: 5,
      });
      await store.recordHall({
        kind: 'heartbeat',
        hallId: 'hall-a',
        nodeId: 'n1',
        session: 'n1/s1',
        at: NOW + 10,
        cursor: 7,
        outboxPending: 3,
        outboxOldestAt: NOW - 5,
        screensOnline: 2,
        screensTotal: 4,
      });
      // the hall moved to node 2; the old session's late disconnect must not mark it offline
      await store.recordHall({
        kind: 'connected',
        hallId: 'hall-a',
        nodeId: 'n2',
        session: 'n2/s9',
        at: NOW + 20,
        cursor: 7,
      });
      await store.recordHall({ kind: 'disconnected', hallId: 'hall-a', session: 'n1/s1', at: NOW + 30 });
      await store.recordHall({
        kind: 'connected',
        hallId: 'hall-b',
        nodeId: 'n1',
        session: 'n1/s2',
        at: NOW,
        cursor: 0,
      });
      await store.recordHall({ kind: 'disconnected', hallId: 'hall-b', session: 'n1/s2', at: NOW + 40 });
      expect(await store.hallStatuses()).toEqual([
        {
          hallId: 'hall-a',
          nodeId: 'n2',
          connected: true,
          connectedAt: NOW + 20,
          lastSeenAt: NOW + 20,
          cursor: 7,
          outboxPending: 3,
          outboxOldestAt: NOW - 5,
          screensOnline: 2,
          screensTotal: 4,
        },
        {
          hallId: 'hall-b',
          nodeId: 'n1',
          connected: false,
          connectedAt: NOW,
          lastSeenAt: NOW + 40,
          cursor: 0,
          outboxPending: null,
          outboxOldestAt: null,
          screensOnline: null,
          screensTotal: null,
        },
      ]);
    });

    it('counts open demand and distinct seekers per trade, city-wide, without a person leaving the store', async () => {
      const DAY = 86_400_000;
      const moving = makePosting({ occupation: 'moving', headcount: 9, validFrom: new Date(NOW - DAY).toISOString() });
      await store.upsertPostings(
        [moving, makePosting({ occupation: 'moving', headcount: 4, validFrom: new Date(NOW + DAY).toISOString() })],
        NOW,
      );
      const reg = (n: number, phone: string, occupations: string[], listingId: string | null, daysAgo: number) =>
        store.addSubmission({
          id: uuid(100 + n),
          hallId: `h${n % 2}`,
          type: 'registration',
          payload: {
            phone,
            name: '某某',
            occupations,
            listingId,
            createdAt: new Date(NOW - daysAgo * DAY).toISOString(),
          },
          receivedAt: NOW,
        });
      await reg(1, '13900000001', ['moving', 'delivery'], null, 1);
      await reg(2, '13900000001', ['moving'], null, 2); // the same person at another hall
      await reg(3, '13900000002', [], moving.id, 3); // the posting's trade
      await reg(4, '13900000003', ['moving'], null, 31); // outside the window
      await store.addSubmission({
        id: uuid(105),
        hallId: 'h1',
        type: 'registration',
        payload: { name: 'no phone' },
        receivedAt: NOW,
      });
      expect(await store.cityCounts(NOW, 30)).toEqual({
        demand: { moving: 9 },
        seekers: { moving: 2, delivery: 1 },
        totalSeekers: 2,
      });
    });

    it('keeps one snapshot per day and finds the one nearest a day', async () => {
      await store.recordCitySnapshot(
        '2025-11-26',
        { demand: { moving: 1 }, seekers: { moving: 1 }, totalSeekers: 1 },
        NOW,
      );
      await store.recordCitySnapshot('2025-11-29', { demand: { moving: 3 }, seekers: {}, totalSeekers: 0 }, NOW);
      await store.recordCitySnapshot(
        '2025-11-29',
        { demand: { moving: 4, care: 2 }, seekers: { care: 5 }, totalSeekers: 6 },
        NOW + 1,
      );
      expect(await store.citySnapshotNear('2025-11-25', '2025-12-01', '2025-11-28')).toEqual({
        day: '2025-11-29',
        demand: { moving: 4, care: 2 },
        seekers: { moving: 0, care: 5 },
        totalSeekers: 6,
      });
      expect(await store.citySnapshotNear('2025-11-20', '2025-11-27', '2025-11-21')).toMatchObject({
        day: '2025-11-26',
      });
      expect(await store.citySnapshotNear('2024-01-01', '2024-01-07', '2024-01-04')).toBeNull();
    });

    it('stores one of two simultaneous arrivals of the same item through two handles', async () => {
      const other = await sibling();
      const s = { id: uuid(7), hallId: 'h1', type: 'registration', payload: { n: 1 }, receivedAt: NOW };
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? store : other).addSubmission(s)));
      expect(results.filter((r) => r.inserted)).toHaveLength(1);
      expect(await store.submissions()).toEqual([{ ...s, receivedCount: 10 }]);
    });
  });
}
