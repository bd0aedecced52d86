import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { createMatchStore } from '../../../electron/host/matching/match-store';
import { decodeReasons } from '../../../shared/matching/reason-codes';
import { NOW } from './fixtures';
import { allRows, columns, databaseAt, insertRow, v1Posting, v4Signup } from './old-rows';

const SIGNUP = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c';

/** A `matches` row as schema 14 writes it. */
const v14Match = (overrides: Record<string, unknown> = {}) => ({
  signup_id: SIGNUP,
  posting_id: 'p-1',
  occupation: 'moving',
  score: 80,
  reasons: 'trade:trade=moving|daily',
  matched_at: NOW,
  valid_until_ms: NOW + 86_400_000,
  outcome: null,
  outcome_at: null,
  outcome_by: null,
  notified_at: null,
  ...overrides,
});

describe('0014-matches', () => {
  it('adds matches, keeps what schema 13 held, and deletes a match with its sign-up', () => {
    const db = databaseAt(13);
    db.pragma('foreign_keys = ON');
    const posting = insertRow(db, 'postings', v1Posting({ id: 'p-1' }));
    const signup = insertRow(db, 'signups', v4Signup({ id: SIGNUP }));
    const other = insertRow(db, 'signups', v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a7d', number: 'A-0002' }));
    migrateTo(db, 14);
    expect(schemaVersion(db)).toBe(14);
    expect(allRows(db, 'postings')).toMatchObject([posting]);
    expect(allRows(db, 'signups')).toMatchObject([signup, other]);
    expect(columns(db, 'matches')).toEqual([
      'signup_id',
      'posting_id',
      'occupation',
      'score',
      'reasons',
      'matched_at',
      'valid_until_ms',
      'outcome',
      'outcome_at',
      'outcome_by',
      'notified_at',
    ]);

    const row = v14Match();
    insertRow(db, 'matches', row);
    insertRow(db, 'matches', {
      ...row,
      signup_id: other.id as string,
      outcome: 'placed',
      outcome_at: NOW,
      outcome_by: '王',
    });
    expect(allRows(db, 'matches', 'signup_id')).toHaveLength(2);
    // one row per sign-up and posting; scores 0–100; the four outcomes only; a sign-up that exists
    expect(() => insertRow(db, 'matches', { ...row })).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insertRow(db, 'matches', { ...row, posting_id: 'p-2', score: 101 })).toThrow(/CHECK/);
    expect(() => insertRow(db, 'matches', { ...row, posting_id: 'p-2', outcome: 'hired' })).toThrow(/CHECK/);
    expect(() =>
      insertRow(db, 'matches', { ...row, signup_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a9e', posting_id: 'p-2' }),
    ).toThrow(/FOREIGN KEY/);

    // the rows as schema 14 keeps them: 已上岗 counts for the posting, the reasons decode
    expect(
      db.prepare("SELECT COUNT(*) FROM matches WHERE posting_id = 'p-1' AND outcome = 'placed'").pluck().get(),
    ).toBe(1);
    const reasons = db
      .prepare('SELECT reasons FROM matches WHERE signup_id = ? AND posting_id = ?')
      .pluck()
      .get(SIGNUP, 'p-1') as string;
    expect(decodeReasons(reasons)).toEqual([
      { key: 'match.reason.trade', params: { trade: 'moving' } },
      { key: 'match.reason.daily' },
    ]);

    // the sign-up goes (the retention purge deletes signups rows): its match goes with it
    db.prepare('DELETE FROM signups WHERE id = ?').run(SIGNUP);
    expect(allRows(db, 'matches', 'signup_id').map((r) => r.signup_id)).toEqual([other.id]);
  });
});

describe('0017-match-open-index', () => {
  it("keeps every match and counts a person's open ones from the index alone", () => {
    const db = databaseAt(16);
    db.pragma('foreign_keys = ON');
    insertRow(db, 'postings', v1Posting({ id: 'p-1' }));
    insertRow(db, 'signups', v4Signup({ id: SIGNUP }));
    const row = insertRow(db, 'matches', v14Match({ score: 70, reasons: 'trade:trade=moving' }));
    migrateTo(db, 17);
    expect(schemaVersion(db)).toBe(17);
    expect(allRows(db, 'matches', 'signup_id')).toEqual([row]);
    expect(db.prepare("SELECT name FROM pragma_index_info('matches_signup') ORDER BY seqno").pluck().all()).toEqual([
      'signup_id',
      'outcome',
      'valid_until_ms',
    ]);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT COUNT(*) FROM matches m WHERE m.signup_id = ? AND m.outcome IS NULL AND m.valid_until_ms > ?',
      )
      .all(SIGNUP, NOW) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX matches_signup/);
  });
});

describe('0018-matches-by-person', () => {
  it("keeps every match with its posting's district, keyed by person, and deletes a match with its sign-up", () => {
    const db = databaseAt(17);
    db.pragma('foreign_keys = ON');
    insertRow(db, 'postings', v1Posting({ id: 'p-1', district_code: '361121' }));
    insertRow(db, 'signups', v4Signup({ id: SIGNUP }));
    const kept = insertRow(db, 'matches', v14Match({ score: 70, reasons: 'trade:trade=moving' }));
    // a match whose posting is gone keeps its row (its outcome still counts in the pulse)
    const orphan = insertRow(db, 'matches', v14Match({ posting_id: 'p-gone', outcome: 'placed', outcome_at: NOW }));
    migrateTo(db, 18);
    expect(schemaVersion(db)).toBe(18);
    expect(allRows(db, 'matches', 'posting_id')).toEqual([
      { ...kept, district_code: '361121' },
      { ...orphan, district_code: '' },
    ]);
    // keyed by person: no index by person beside the key; one for placements by posting
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'matches' ORDER BY name")
        .pluck()
        .all(),
    ).toEqual(['matches_placed']);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(SIGNUP, NOW) as { detail: string }[]).map((p) => p.detail).join(' ');
    // a person's untouched count and lowest score from their own rows by the key; placements by posting from their index
    expect(
      plan('SELECT COUNT(*), MIN(score) FROM matches WHERE signup_id = ? AND outcome IS NULL AND valid_until_ms > ?'),
    ).toMatch(/SEARCH matches USING PRIMARY KEY \(signup_id=\?\)/);
    expect(plan("SELECT COUNT(*) FROM matches WHERE posting_id = ? AND outcome = 'placed' AND ? > 0")).toMatch(
      /INDEX matches_placed/,
    );
    expect(createMatchStore(db).placed('p-gone')).toBe(1);

    db.prepare('DELETE FROM signups WHERE id = ?').run(SIGNUP);
    expect(allRows(db, 'matches', 'posting_id')).toEqual([]);
  });
});
