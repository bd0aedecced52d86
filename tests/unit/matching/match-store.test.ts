import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import {
  createMatchStore,
  MAX_OPEN_PER_SIGNUP,
  type MatchStore,
  type MatchWrite,
} from '../../../electron/host/matching/match-store';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { tmpDir } from '../../support/tmp-dir';
import { DAY, NOW, iso, makePosting } from '../db/fixtures';
import { insertRow, v4Signup } from '../db/old-rows';

const ANNA = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c';
const BO = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a7d';

const match = (signupId: string, postingId: string, score: number): MatchWrite => ({
  signupId,
  postingId,
  occupation: 'moving',
  districtCode: '361102',
  score,
  reasons: [{ key: 'match.reason.trade', params: { trade: 'moving' } }],
  validUntilMs: NOW + 7 * DAY,
});

/** A full call list for `signupId`: postings full-0 … full-19 scoring 60, 61, … */
const fullList = (signupId: string) =>
  Array.from({ length: MAX_OPEN_PER_SIGNUP }, (_, i) => match(signupId, `full-${i}`, 60 + i));

let dbs: WritableDatabase[] = [];
afterEach(() => {
  dbs.forEach(closeDatabase);
  dbs = [];
});

function open(): { db: WritableDatabase; store: MatchStore } {
  const db = openDatabase(join(tmpDir('match-store-'), 'hall.db'));
  dbs.push(db);
  insertRow(db, 'signups', v4Signup({ id: ANNA }));
  insertRow(db, 'signups', v4Signup({ id: BO, number: 'A-0002', day: '2026-11-27' }));
  return { db, store: createMatchStore(db) };
}

/** One match as the table holds it (the store's views join the postings, which most tests here leave out). */
const rowOf = (db: WritableDatabase, signupId: string, postingId: string) =>
  db.prepare('SELECT score, outcome FROM matches WHERE signup_id = ? AND posting_id = ?').get(signupId, postingId);

const postingsOf = (db: WritableDatabase, signupId: string) =>
  db.prepare('SELECT posting_id FROM matches WHERE signup_id = ? ORDER BY posting_id').pluck().all(signupId);

describe('a new posting on the call list (offer)', () => {
  it('goes in while the person has room', () => {
    const { db, store } = open();
    expect(store.offer([match(ANNA, 'p-1', 50), match(BO, 'p-1', 45)], NOW)).toBe(2);
    expect(postingsOf(db, ANNA)).toEqual(['p-1']);
    expect(postingsOf(db, BO)).toEqual(['p-1']);
  });

  it("goes in for a full list only when it beats the list's worst, which leaves", () => {
    const { db, store } = open();
    store.write(fullList(ANNA), NOW);
    // no better than the worst (60): the list stays as it was
    expect(store.offer([match(ANNA, 'new-low', 60)], NOW)).toBe(0);
    expect(postingsOf(db, ANNA)).not.toContain('new-low');
    // better: it goes in and the worst (full-0, 60) leaves; the list keeps its length
    expect(store.offer([match(ANNA, 'new-high', 90)], NOW)).toBe(1);
    const now = postingsOf(db, ANNA);
    expect(now).toContain('new-high');
    expect(now).not.toContain('full-0');
    expect(now).toHaveLength(MAX_OPEN_PER_SIGNUP);
  });

  it('never evicts a match staff acted on, and counts only untouched matches of valid postings', () => {
    const { db, store } = open();
    store.write(fullList(ANNA), NOW);
    // staff called about the worst; one posting's validity has passed
    expect(store.setOutcome(ANNA, 'full-0', 'notified', '王', NOW)).toBe(true);
    db.prepare("UPDATE matches SET valid_until_ms = ? WHERE posting_id = 'full-1'").run(NOW - 1);
    // 18 untouched and valid: room for two more, whatever they score
    expect(store.offer([match(ANNA, 'a', 41), match(ANNA, 'b', 41), match(ANNA, 'c', 41)], NOW)).toBe(2);
    expect(postingsOf(db, ANNA)).toEqual(expect.arrayContaining(['full-0', 'a', 'b']));
    expect(postingsOf(db, ANNA)).not.toContain('c');
    expect(rowOf(db, ANNA, 'full-0')).toMatchObject({ outcome: 'notified' });
  });

  it('re-scores a match already there without evicting anyone (an edited posting)', () => {
    const { db, store } = open();
    store.write(fullList(ANNA), NOW);
    expect(store.offer([match(ANNA, 'full-5', 99)], NOW)).toBe(1);
    expect(rowOf(db, ANNA, 'full-5')).toMatchObject({ score: 99 });
    expect(postingsOf(db, ANNA)).toHaveLength(MAX_OPEN_PER_SIGNUP);
    // the same again changes nothing and writes nothing
    expect(store.offer([match(ANNA, 'full-5', 99)], NOW)).toBe(0);
  });

  it('skips a person purged meanwhile', () => {
    const { db, store } = open();
    db.prepare('DELETE FROM signups WHERE id = ?').run(BO);
    expect(store.offer([match(BO, 'p-1', 80), match(ANNA, 'p-1', 80)], NOW)).toBe(1);
    expect(store.count()).toBe(1);
  });
});

describe('the full re-match (replaceOpen)', () => {
  it("makes each person's untouched matches their new best, keeping outcomes and matches made since", () => {
    const { db, store } = open();
    store.write([match(ANNA, 'old', 70), match(ANNA, 'called', 60), match(ANNA, 'kept', 50)], NOW - DAY);
    store.setOutcome(ANNA, 'called', 'unreachable', '王', NOW - DAY);
    // a posting that arrived while the re-match ran (matched after it started)
    store.offer([match(ANNA, 'meanwhile', 55)], NOW + 1);
    store.write([match(BO, 'gone', 70)], NOW - DAY);

    const written = store.replaceOpen(
      [
        { signupId: ANNA, rows: [match(ANNA, 'kept', 50), match(ANNA, 'fresh', 80), match(ANNA, 'called', 65)] },
        { signupId: BO, rows: [] },
      ],
      NOW,
      NOW,
    );
    // fresh is new, called re-scored; kept is unchanged and not rewritten
    expect(written).toBe(2);
    expect(postingsOf(db, ANNA)).toEqual(['called', 'fresh', 'kept', 'meanwhile']);
    expect(rowOf(db, ANNA, 'called')).toMatchObject({ outcome: 'unreachable', score: 65 });
    // a person with no match now has none left untouched
    expect(postingsOf(db, BO)).toEqual([]);
  });
});

describe('a posting edited away from its matches, and the prune', () => {
  it('leaves the queue when its trade or district changes, and the prune deletes what no longer shows', () => {
    const { db, store } = open();
    const postings = createPostingStore(db);
    const moving = (id: string, more = {}) =>
      makePosting({ id, occupation: 'moving', districtCode: '361102', validUntil: iso(NOW + 7 * DAY), ...more });
    postings.upsertMany([moving('stays'), moving('moved'), moving('retraded'), moving('ends'), moving('deleted')]);
    store.write(
      ['stays', 'moved', 'retraded', 'ends', 'deleted'].map((id) => match(ANNA, id, 70)),
      NOW,
    );
    store.write([match(BO, 'moved', 70)], NOW);
    store.setOutcome(BO, 'moved', 'placed', '王', NOW);
    postings.upsertMany([
      moving('moved', { districtCode: '361121', revision: 2 }),
      moving('retraded', { occupation: 'cleaning', revision: 2 }),
      moving('ends', { validUntil: iso(NOW + DAY), revision: 2 }),
    ]);
    db.prepare("DELETE FROM postings WHERE id = 'deleted'").run();
    db.prepare("UPDATE matches SET valid_until_ms = ? WHERE posting_id = 'ends'").run(NOW + DAY);

    const shown = (now: number) =>
      store
        .queue({ status: 'all', limit: 100 }, now)
        .matches.map((m) => `${m.number}:${m.postingId}`)
        .sort();
    // the edited-away matches no longer show; the posting that ends tomorrow still does today
    expect(shown(NOW)).toEqual(['A-0001:ends', 'A-0001:stays']);
    expect(store.countOpenOfSignup(ANNA, NOW, null)).toBe(2);

    // two days on: the prune (a piece of people at a time) deletes the untouched ones that no
    // longer show, keeps the one that still fits and the 已上岗 staff recorded
    const later = NOW + 2 * DAY;
    let removed = 0;
    for (let after = '', piece = store.prune(later, after, 1); ; piece = store.prune(later, after, 1)) {
      removed += piece.removed;
      if (piece.last === null) break;
      after = piece.last;
    }
    expect(removed).toBe(4);
    expect(postingsOf(db, ANNA)).toEqual(['stays']);
    expect(postingsOf(db, BO)).toEqual(['moved']);
    expect(store.placed('moved')).toBe(1);
  });
});

describe("待通知's page (queue)", () => {
  it('lists what the one-statement join lists, in its order, however many of the best no longer show', () => {
    const { db, store } = open();
    const postings = createPostingStore(db);
    const people = Array.from({ length: 40 }, (_, i) => `0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`);
    for (const [i, id] of people.entries())
      insertRow(
        db,
        'signups',
        v4Signup({ id, number: `B-${String(i).padStart(4, '0')}`, day: `2026-11-${10 + (i % 18)}` }),
      );
    const ids = Array.from({ length: 30 }, (_, i) => `q-${i}`);
    postings.upsertMany(
      ids.map((id, i) =>
        makePosting({
          id,
          occupation: i % 3 ? 'moving' : 'cleaning',
          districtCode: '361102',
          validUntil: iso(NOW + 7 * DAY),
        }),
      ),
    );
    const rows = people.flatMap((signupId, i) =>
      ids
        .filter((_, j) => (i + j) % 4 === 0)
        .map((postingId, j) => ({
          ...match(signupId, postingId, 40 + ((i * 7 + j * 13) % 61)),
          occupation: postings.get(postingId)!.occupation,
        })),
    );
    store.write(rows, NOW - DAY);
    rows
      .slice(0, 60)
      .forEach((r, i) =>
        store.setOutcome(r.signupId, r.postingId, (['notified', 'unreachable', 'placed'] as const)[i % 3]!, '王', NOW),
      );

    // the statement the page was before it came in two steps: every match joined, then sorted
    const reference = (status: string, occupation: string | null, limit: number) =>
      db
        .prepare(
          `SELECT m.signup_id || ':' || m.posting_id FROM matches m JOIN postings p ON p.id = m.posting_id
           WHERE p.hidden = 0 AND p.valid_until_ms > @now AND p.occupation = m.occupation AND p.district_code = m.district_code
             AND (@occupation IS NULL OR m.occupation = @occupation)
             AND (@status = 'all' OR (@status = 'open' AND (m.outcome IS NULL OR m.outcome = 'unreachable'))
               OR (@status = 'done' AND NOT (m.outcome IS NULL OR m.outcome = 'unreachable')))
           ORDER BY (m.outcome IS NOT NULL), m.score DESC, m.matched_at, m.signup_id, m.posting_id`,
        )
        .pluck()
        .all({ now: NOW, status, occupation })
        .slice(0, limit);
    const check = () => {
      for (const status of ['open', 'done', 'all'] as const)
        for (const occupation of [undefined, 'moving', 'cleaning'] as const)
          for (const limit of [1, 7, 50, 500]) {
            const got = store.queue({ status, occupation, limit }, NOW);
            const want = reference(status, occupation ?? null, 100_000);
            expect(got.matches.map((m) => `${m.signupId}:${m.postingId}`)).toEqual(want.slice(0, limit));
            expect(got.total).toBe(want.length);
          }
    };
    check();
    // the best postings hidden, edited away or expired: the first keys mostly no longer show
    const best = store.queue({ status: 'all', limit: 500 }, NOW).matches.map((m) => m.postingId);
    const [a, b, c, ...rest] = [...new Set(best)];
    db.prepare('UPDATE postings SET hidden = 1 WHERE id = ?').run(a);
    postings.upsertMany([
      makePosting({
        id: b!,
        occupation: 'farming',
        districtCode: '361102',
        validUntil: iso(NOW + 7 * DAY),
        revision: 2,
      }),
      makePosting({ id: c!, occupation: 'moving', districtCode: '361102', validUntil: iso(NOW - DAY), revision: 2 }),
    ]);
    check();
    for (const id of rest.slice(0, 20)) db.prepare('UPDATE postings SET hidden = 1 WHERE id = ?').run(id);
    check();
  });
});
