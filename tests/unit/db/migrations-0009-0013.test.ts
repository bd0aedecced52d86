/** Migrations 9 to 13 (purge drops, the sign-up and posting renames, play counts), each on rows written at the version before it. */
import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { NOW } from './fixtures';
import { allRows, columns, databaseAt, insertRow, v1Posting, v3OutboxItem, v4Signup } from './old-rows';
import { silentLog } from '../../support/silent-log';
import { createPlayStore } from '../../../electron/host/play/play-store';

describe('0009-purge-drops', () => {
  it('adds the dropped-outbox count to the purge record, 0 for purges recorded before it', () => {
    const db = databaseAt(8);
    const purge = insertRow(db, 'signup_purges', {
      id: 1,
      at: NOW,
      cutoff: NOW - 30 * 86_400_000,
      removed: 3,
      outbox_removed: 2,
      outbox_waiting: 1,
      by: '王主任',
    });
    migrateTo(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(allRows(db, 'signup_purges')).toEqual([{ ...purge, outbox_dropped: 0 }]);
  });
});

describe('0010-signups', () => {
  it('renames sign-ups and their day counters to signups and signup_counters, keeping every row, the contacted marks and the outbox', () => {
    const db = databaseAt(9);
    const signup = insertRow(db, 'registrations', v4Signup({ contacted_at: NOW, contacted_by: '王主任' }));
    const counter = insertRow(db, 'registration_counters', { day: String(signup.day), last: 1 });
    const pending = insertRow(db, 'outbox', v3OutboxItem({ id: String(signup.id), type: 'registration' }));
    migrateTo(db, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(allRows(db, 'signups')).toEqual([signup]);
    expect(allRows(db, 'signup_counters')).toEqual([counter]);
    expect(allRows(db, 'outbox')).toEqual([
      { ...pending, attempts: 0, next_attempt_at: 0, last_error: null, delivered_at: null },
    ]);
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'registration%' OR name LIKE 'signup%' ORDER BY name")
      .pluck()
      .all();
    expect(names).toEqual(['signup_counters', 'signup_purges', 'signups', 'signups_created']);
    // the day's number is still unique, and the next sign-up of the day numbers on
    expect(() => insertRow(db, 'signups', v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a8d' }))).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) FROM signups WHERE created_at >= ?').pluck().get(NOW)).toBe(1);
  });
});

describe('0011-postings', () => {
  it('renames the posting tables, keeps every row, queues every row for a fresh full-text index and keeps recording changes', () => {
    const db = databaseAt(10);
    const a = insertRow(db, 'listings', v1Posting({ id: 'keep-a', title: '叉车司机', hidden: 0 }));
    const b = insertRow(db, 'listings', v1Posting({ id: 'keep-b', title: '保洁员', hidden: 1 }));
    // as the search indexer leaves it: both rows indexed, nothing pending
    db.prepare(
      'INSERT INTO listings_fts (rowid, title, employer_name, description, requirements, address, work_time, district_name) SELECT rowid, title, employer_name, description, requirements, address, work_time, district_name FROM listings',
    ).run();
    db.exec('DELETE FROM listings_fts_pending');
    const changesBefore = db.prepare('SELECT COUNT(*) FROM listing_changes').pluck().get() as number;
    migrateTo(db, 11);
    expect(schemaVersion(db)).toBe(11);
    expect(allRows(db, 'postings')).toEqual([a, b]);
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'listing%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(names).toEqual([]);
    // the new index starts empty; every row waits for the search indexer, which search scans meanwhile
    expect(db.prepare('SELECT rowid FROM postings_fts_pending ORDER BY rowid').pluck().all()).toEqual(
      db.prepare('SELECT rowid FROM postings ORDER BY rowid').pluck().all(),
    );
    db.prepare(
      'INSERT INTO postings_fts (rowid, title, employer_name, description, requirements, address, work_time, district_name) SELECT rowid, title, employer_name, description, requirements, address, work_time, district_name FROM postings',
    ).run();
    db.exec('DELETE FROM postings_fts_pending');
    expect(db.prepare('SELECT rowid FROM postings_fts WHERE postings_fts MATCH \'"叉车司"\'').pluck().all()).toEqual([
      1,
    ]);
    // the triggers moved with the tables: a change is recorded and re-queued for the index
    db.prepare("UPDATE postings SET title = '夜班叉车司机' WHERE id = 'keep-a'").run();
    db.prepare("DELETE FROM postings WHERE id = 'keep-b'").run();
    expect(db.prepare('SELECT id FROM posting_changes ORDER BY seq').pluck().all().slice(changesBefore)).toEqual([
      'keep-a',
      'keep-b',
    ]);
    expect(db.prepare('SELECT rowid FROM postings_fts_pending').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT COUNT(*) FROM postings_fts WHERE postings_fts MATCH \'"保洁员"\'').pluck().get()).toBe(0);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'postings' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'postings_district',
      'postings_kiosk_order',
      'postings_occupation',
      'postings_valid_until',
    ]);
  });
});

describe('0013-play-counts', () => {
  it('adds play_counts and keeps what schema 12 held', () => {
    const db = databaseAt(12);
    const posting = insertRow(db, 'postings', v1Posting({ id: 'p-1' }));
    const signup = insertRow(db, 'signups', v4Signup({ listing_id: 'p-1' }));
    migrateTo(db, 13);
    expect(schemaVersion(db)).toBe(13);
    expect(allRows(db, 'postings')).toMatchObject([posting]);
    expect(allRows(db, 'signups')).toMatchObject([signup]);
    expect(columns(db, 'play_counts')).toEqual(['day', 'screen_id', 'posting_id', 'shows', 'shown_ms']);

    const row = insertRow(db, 'play_counts', {
      day: '2026-12-01',
      screen_id: '1',
      posting_id: 'p-1',
      shows: 3,
      shown_ms: 45_000,
    });
    expect(allRows(db, 'play_counts', 'day')).toEqual([row]);
    // one row per day, screen and posting; counts are never negative
    expect(() => insertRow(db, 'play_counts', { ...row })).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insertRow(db, 'play_counts', { ...row, day: '2026-12-02', shows: -1 })).toThrow(/CHECK/);

    // today's store adds to the old row and reads it back
    const store = createPlayStore(db, { clock: () => NOW, log: silentLog(), retentionDays: 3650 });
    store.add('2026-12-01', '1', 'p-1', 1, 15_000);
    store.add('2026-12-01', '2', 'p-1', 2, 30_000);
    expect(store.totals('2026-12-01', '2026-12-01')).toEqual([
      { postingId: 'p-1', shows: 6, screens: 2, shownMs: 90_000 },
    ]);
    store.close();
  });
});
