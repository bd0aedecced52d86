import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import {
  LATEST_VERSION,
  MIGRATIONS,
  assertStrictlyIncreasing,
  migrateTo,
  schemaVersion,
  type Migration,
} from '../../../electron/host/db/migrations/index';
import { MigrationError } from '../../../electron/host/db/errors';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createQuarantineStore } from '../../../electron/host/db/quarantine-store';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import { createSignupIntake } from '../../../electron/host/signups/signup-intake';
import { NOW, makePosting } from './fixtures';
import { allRows, columns, databaseAt, insertRow, v1Cursor, v1Posting, v3OutboxItem, v4Signup } from './old-rows';
import { createUrgentStore } from '../../../electron/host/urgent/urgent-store';
import { createStaffAuth } from '../../../electron/host/staff/staff-auth';
import { silentLog } from '../../support/silent-log';
import { createPlayStore } from '../../../electron/host/play/play-store';

const quietLog = silentLog();

/** The schema-1 posting and sync cursor a test wrote before migrating, read back after it. */
function expectV1PostingAndCursor(
  db: BetterSqlite3.Database,
  posting: ReturnType<typeof v1Posting>,
  cursor: number,
): void {
  expect(allRows(db, 'listings')).toEqual([{ ...posting, hidden: 0 }]);
  expect(allRows(db, 'meta', 'key')).toEqual([{ key: 'sync.cursor', value: String(cursor) }]);
}

describe('migration registry', () => {
  it('lists versions 1, 2, … strictly increasing', () => {
    expect(() => assertStrictlyIncreasing(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('has a test below for every migration', () => {
    // adding a migration? add its describe block below (migrate to N-1, insert, migrate to N)
    expect(MIGRATIONS.map((m) => m.name)).toEqual([
      'initial',
      'quarantine',
      'outbox',
      'registrations',
      'staff-urgent',
      'staff-data',
      'listing-changes',
      'board-devices',
      'purge-drops',
      'signups',
      'postings',
      'booths',
      'play-counts',
      'matches',
      'kiosk-names', // console-migrations.test.ts
      'signups-phone', // console-migrations.test.ts
      'match-open-index', // matches-migration.test.ts
      'matches-by-person', // matches-migration.test.ts
    ]);
  });

  it('rejects a registry with a repeated or decreasing version', () => {
    const noop = () => undefined;
    expect(() =>
      assertStrictlyIncreasing([
        { version: 1, name: 'a', migrate: noop },
        { version: 1, name: 'b', migrate: noop },
      ]),
    ).toThrow(MigrationError);
    expect(() =>
      assertStrictlyIncreasing([
        { version: 2, name: 'a', migrate: noop },
        { version: 1, name: 'b', migrate: noop },
      ]),
    ).toThrow(/assertStrictlyIncreasing/);
  });

  it('rolls a failing migration back whole and keeps the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'ok', migrate: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        name: 'broken',
        migrate: (d) => {
          d.exec('CREATE TABLE b (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrateTo(db, 2, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a', 'b')").pluck().all()).toEqual(['a']);
  });

  it('refuses to go back to an older version or to an unknown one', () => {
    const db = databaseAt(2);
    expect(() => migrateTo(db, 1)).toThrow(/cannot go back/);
    expect(() => migrateTo(db, 99)).toThrow(/no migration has version 99/);
  });
});

describe('0001-initial', () => {
  it('creates listings, their full-text index and meta on an empty database', () => {
    const db = databaseAt(0);
    migrateTo(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'listings')).toEqual(
      expect.arrayContaining(['id', 'title', 'district_name', 'valid_until_ms', 'hidden']),
    );
    expect(columns(db, 'meta')).toEqual(['key', 'value']);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'listings'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['listings_valid_until', 'listings_occupation', 'listings_district']),
    );

    // a row written by hand is queued for the trigram index, and once indexed a 3-character query finds it
    const row = insertRow(db, 'listings', v1Posting({ title: '叉车司机' }));
    const { rowid } = db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM listings WHERE id = ?')
      .get(String(row.id))!;
    expect(db.prepare('SELECT rowid FROM listings_fts_pending').pluck().all()).toEqual([rowid]);
    db.prepare(
      'INSERT INTO listings_fts (rowid, title, employer_name, description, requirements, address, work_time, district_name) SELECT rowid, title, employer_name, description, requirements, address, work_time, district_name FROM listings',
    ).run();
    expect(db.prepare('SELECT rowid FROM listings_fts WHERE listings_fts MATCH \'"叉车司"\'').pluck().all()).toEqual([
      rowid,
    ]);
  });
});

describe('0002-quarantine', () => {
  it('adds the quarantine table and keeps existing postings and the cursor', () => {
    const db = databaseAt(1);
    const posting = insertRow(
      db,
      'listings',
      v1Posting({ title: '采茶工', occupation: 'farming', district_code: '361130', district_name: '婺源县' }),
    );
    v1Cursor(db, 41);
    expect(columns(db, 'quarantine')).toEqual([]);

    migrateTo(db, 2);

    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'quarantine')).toEqual(['id', 'received_at', 'source', 'seq', 'reason', 'payload']);
    expectV1PostingAndCursor(db, posting, 41);
    // still waiting for the search indexer, which searches it by scanning in the meantime
    expect(
      db
        .prepare(
          "SELECT COUNT(*) FROM listings_fts_pending p JOIN listings l ON l.rowid = p.rowid WHERE district_name LIKE '%婺源%'",
        )
        .pluck()
        .get(),
    ).toBe(1);

    insertRow(db, 'quarantine', {
      received_at: NOW,
      source: 'hub',
      seq: null,
      reason: 'title: required',
      payload: '{"id":"x"}',
    });
    expect(allRows(db, 'quarantine')).toEqual([
      { id: 1, received_at: NOW, source: 'hub', seq: null, reason: 'title: required', payload: '{"id":"x"}' },
    ]);
  });
});

describe('0003-outbox', () => {
  it('adds the outbox table and keeps postings, cursor and quarantined changes', () => {
    const db = databaseAt(2);
    const posting = insertRow(db, 'listings', v1Posting());
    v1Cursor(db, 12);
    const quarantined = insertRow(db, 'quarantine', {
      id: 1,
      received_at: NOW,
      source: 'hub',
      seq: 11,
      reason: 'bad',
      payload: '{}',
    });

    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'outbox')).toEqual([
      'id',
      'type',
      'payload',
      'created_at',
      'attempts',
      'next_attempt_at',
      'last_error',
      'delivered_at',
    ]);
    expectV1PostingAndCursor(db, posting, 12);
    expect(allRows(db, 'quarantine')).toEqual([quarantined]);
    db.prepare("INSERT INTO outbox (id, type, payload, created_at) VALUES ('0190-a', 'registration', '{}', 1)").run();
    expect(db.prepare('SELECT attempts, next_attempt_at, delivered_at FROM outbox').get()).toEqual({
      attempts: 0,
      next_attempt_at: 0,
      delivered_at: null,
    });
    // an item as the outbox writes it is pending: not delivered, due now
    expect(
      db.prepare('SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?').pluck().get(1),
    ).toBe(1);
  });
});

describe('0004-registrations', () => {
  it('adds sign-ups, their day counters and kiosk devices, and keeps postings and pending outbox items', () => {
    const db = databaseAt(3);
    const posting = insertRow(db, 'listings', v1Posting());
    v1Cursor(db, 7);
    const pending = insertRow(db, 'outbox', v3OutboxItem());

    migrateTo(db, 4);

    expect(schemaVersion(db)).toBe(4);
    expect(columns(db, 'registrations')).toEqual(
      expect.arrayContaining([
        'id',
        'day',
        'number',
        'phone',
        'name',
        'occupations',
        'listing_id',
        'consent_version',
        'consent_at',
        'kiosk_id',
        'created_at',
      ]),
    );
    expect(columns(db, 'registration_counters')).toEqual(['day', 'last']);
    expect(columns(db, 'kiosk_devices')).toEqual([
      'id',
      'token_hash',
      'approved_by',
      'created_at',
      'last_seen_at',
      'revoked_at',
    ]);
    expectV1PostingAndCursor(db, posting, 7);
    expect(allRows(db, 'outbox')).toEqual([
      { ...pending, attempts: 0, next_attempt_at: 0, last_error: null, delivered_at: null },
    ]);

    // a sign-up as the kiosk writes it, numbered per day
    const signup = insertRow(db, 'registrations', v4Signup({ listing_id: String(posting.id) }));
    insertRow(db, 'registration_counters', { day: String(signup.day), last: 1 });
    expect(allRows(db, 'registrations')).toEqual([signup]);
    expect(() => insertRow(db, 'registrations', v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6d' }))).toThrow(
      /UNIQUE/,
    );
  });
});

describe('0005-staff-urgent', () => {
  it('adds staff accounts, sessions, lock-outs, audit, urgent postings and announcements and keeps what 0004 held', () => {
    const db = databaseAt(4);
    const posting = insertRow(db, 'listings', v1Posting({ id: 'keep-5' }));
    const pending = insertRow(db, 'outbox', v3OutboxItem({ type: 'registration' }));
    const signup = insertRow(db, 'registrations', v4Signup());
    migrateTo(db, 5);
    expect(schemaVersion(db)).toBe(5);
    for (const table of [
      'staff_accounts',
      'staff_lockouts',
      'staff_sessions',
      'staff_audit',
      'urgent_postings',
      'hall_announcements',
    ]) {
      expect(columns(db, table).length, table).toBeGreaterThan(2);
    }
    expect(allRows(db, 'listings')).toEqual([{ ...posting, hidden: 0 }]);
    expect(allRows(db, 'outbox')).toEqual([
      { ...pending, attempts: 0, next_attempt_at: 0, last_error: null, delivered_at: null },
    ]);
    expect(allRows(db, 'registrations')).toEqual([signup]);

    // the new tables hold what the staff console writes, and refuse what it must not
    const urgent = insertRow(db, 'urgent_postings', {
      id: 'u-1',
      origin: 'local',
      listing_id: 'keep-5',
      title: '急招叉车司机',
      body: '',
      screens: null,
      created_at: NOW,
      created_by: '王主任',
      expires_at: NOW + 3600_000,
    });
    expect(
      db.prepare('SELECT id FROM urgent_postings WHERE retracted_at IS NULL AND expires_at > ?').pluck().all(NOW),
    ).toEqual([urgent.id]);
    insertRow(db, 'staff_accounts', { id: 'a-1', name: '王主任', role: 'admin', pin_hash: 'h', created_at: NOW });
    expect(() =>
      insertRow(db, 'staff_accounts', { id: 'a-2', name: '李', role: 'boss', pin_hash: 'h', created_at: NOW }),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRow(db, 'staff_sessions', { token_hash: 't', account_id: 'nobody', created_at: NOW, expires_at: NOW + 1 }),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO hall_announcements (kind, title, set_at) VALUES ('other', 'x', 1)").run(),
    ).toThrow(/CHECK/);
  });
});

describe('0006-staff-data', () => {
  it('adds contacted marks to sign-ups, the purge record and pulse snapshots, and keeps sign-ups, postings and the outbox', () => {
    const db = databaseAt(5);
    const posting = insertRow(db, 'listings', v1Posting({ id: 'keep-6' }));
    const signup = insertRow(db, 'registrations', v4Signup());
    insertRow(db, 'registration_counters', { day: String(signup.day), last: 1 });
    const pending = insertRow(db, 'outbox', v3OutboxItem({ id: String(signup.id), type: 'registration' }));
    migrateTo(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(columns(db, 'registrations')).toEqual(expect.arrayContaining(['contacted_at', 'contacted_by']));
    expect(columns(db, 'signup_purges')).toEqual([
      'id',
      'at',
      'cutoff',
      'removed',
      'outbox_removed',
      'outbox_waiting',
      'by',
    ]);
    expect(columns(db, 'pulse_snapshots')).toEqual(['day', 'occupation', 'demand', 'seekers', 'recorded_at']);
    const row = db.prepare('SELECT phone, name, contacted_at FROM registrations WHERE id = ?').get(signup.id);
    expect(row).toEqual({ phone: '13812348000', name: '张三', contacted_at: null });
    expect(allRows(db, 'registrations')).toEqual([{ ...signup, contacted_at: null, contacted_by: null }]);
    expect(allRows(db, 'listings')).toEqual([{ ...posting, hidden: 0 }]);
    expect(allRows(db, 'outbox')).toEqual([
      { ...pending, attempts: 0, next_attempt_at: 0, last_error: null, delivered_at: null },
    ]);
    // the kiosk's insert of schema 4 still works on the widened table
    expect(() =>
      insertRow(
        db,
        'registrations',
        v4Signup({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a7d', number: 'A-0002', phone: '13912348000', name: '' }),
      ),
    ).not.toThrow();
  });
});

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

describe('an old database upgraded to the latest version', () => {
  it('reads back, through today’s stores, every row written at the version it was written in, and takes new ones', async () => {
    const db = databaseAt(1);
    insertRow(db, 'listings', v1Posting({ id: 'from-v1' }));
    v1Cursor(db, 41);
    migrateTo(db, 2);
    insertRow(db, 'quarantine', { received_at: NOW, source: 'hub', seq: 11, reason: 'bad', payload: '{}' });
    migrateTo(db, 3);
    const pending = insertRow(db, 'outbox', v3OutboxItem());
    migrateTo(db, 4);
    const signup = insertRow(db, 'registrations', v4Signup({ listing_id: 'from-v1' }));
    insertRow(db, 'registration_counters', { day: String(signup.day), last: 1 });

    migrateTo(db, LATEST_VERSION);

    const postings = createPostingStore(db);
    const posting = makePosting({ id: 'from-v1' });
    expect(postings.get('from-v1')).toEqual(posting);
    expect(postings.getCursor()).toBe(41);
    expect(postings.search({ q: '叉车司', limit: 10, now: NOW }).total).toBe(1);
    expect(postings.search({ q: '信州', limit: 10, now: NOW }).total).toBe(1);

    const quarantine = createQuarantineStore(db);
    expect(quarantine.count()).toBe(1);
    const id = quarantine.add({
      receivedAt: NOW,
      source: 'hub',
      seq: null,
      reason: 'title: required',
      payload: '{"id":"x"}',
    });
    expect(quarantine.list()).toContainEqual({
      id,
      receivedAt: NOW,
      source: 'hub',
      seq: null,
      reason: 'title: required',
      payload: '{"id":"x"}',
    });

    const outbox = createOutboxStore(db);
    expect(outbox.get(String(pending.id))?.deliveredAt).toBeNull();
    expect(outbox.pendingCount()).toBe(1);

    // the kiosk numbers on from the old day's counter, with its outbox item in the same write
    const receipt = createSignupIntake(db).add(
      {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        phone: '13912348000',
        name: '',
        occupations: ['moving'],
        districts: [],
        availability: ['today'],
        expectedPay: null,
        payUnit: null,
        listingId: posting.id,
        consentVersion: 'kiosk-2025-1',
        consentAt: new Date(NOW).toISOString(),
      },
      'kiosk-local',
      NOW,
    );
    expect(receipt).toMatchObject({ number: 'A-0002', created: true });
    expect(outbox.pendingCount()).toBe(2);

    // an urgent posting is stored with its outbox row; staff can be set up
    const urgent = createUrgentStore(db, () => NOW, quietLog);
    const record = urgent.create(
      {
        title: '急招叉车司机',
        body: '',
        expiresAt: new Date(NOW + 3600_000).toISOString(),
        listingId: posting.id,
        screens: null,
      },
      '王主任',
      NOW,
    );
    expect(urgent.live(NOW).map((r) => r.id)).toEqual([record.id]);
    expect(outbox.pendingCount()).toBe(3);
    const auth = createStaffAuth(db, () => NOW);
    await auth.setupFirstAdmin('王主任', '271828');
    expect(auth.hasAccounts()).toBe(true);
  });
});
