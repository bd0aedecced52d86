import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import {
  MIGRATIONS,
  assertStrictlyIncreasing,
  migrateTo,
  schemaVersion,
  type Migration,
} from '../../../electron/host/db/migrations/index';
import { MigrationError } from '../../../electron/host/db/errors';
import { NOW } from './fixtures';
import {
  allRows,
  columns,
  databaseAt,
  expectV1PostingAndCursor,
  insertRow,
  v1Cursor,
  v1Posting,
  v3OutboxItem,
  v4Signup,
} from './old-rows';

describe('migration registry', () => {
  it('lists versions 1, 2, … strictly increasing', () => {
    expect(() => assertStrictlyIncreasing(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('has a test for every migration', () => {
    // adding a migration? add its describe block (migrate to N-1, insert, migrate to N) here or
    // in the file named beside it; upgrade-old-database.test.ts takes schema 1 to the latest
    expect(MIGRATIONS.map((m) => m.name)).toEqual([
      'initial',
      'quarantine',
      'outbox',
      'registrations',
      'staff-urgent',
      'staff-data',
      'listing-changes', // posting-changes-migration.test.ts
      'board-devices', // posting-changes-migration.test.ts
      'purge-drops', // migrations-0009-0013.test.ts
      'signups', // migrations-0009-0013.test.ts
      'postings', // migrations-0009-0013.test.ts
      'booths', // booth-migration.test.ts
      'play-counts', // migrations-0009-0013.test.ts
      'matches', // matches-migration.test.ts
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
