import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { MIGRATIONS, assertStrictlyIncreasing, migrateTo, schemaVersion, type Migration } from '../../../electron/host/db/migrations/index';
import { MigrationError } from '../../../electron/host/db/errors';
import { createListingStore } from '../../../electron/host/db/listing-store';
import { createQuarantineStore } from '../../../electron/host/db/quarantine-store';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import { createRegistrationStore } from '../../../electron/host/kiosk/registration-store';
import { NOW, makeListing } from './fixtures';
import { createUrgentStore } from '../../../electron/host/urgent/urgent-store';
import { createStaffAuth } from '../../../electron/host/staff/staff-auth';
import { silentLog } from '../../support/silent-log';

const quietLog = silentLog();

/** A bare database at a chosen version, as an old Hall Board would have left it. */
function databaseAt(version: number): WritableDatabase {
  const db = new BetterSqlite3(':memory:') as WritableDatabase;
  migrateTo(db, version);
  return db;
}

function columns(db: BetterSqlite3.Database, table: string): string[] {
  return db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
}

describe('migration registry', () => {
  it('lists versions 1, 2, … strictly increasing', () => {
    expect(() => assertStrictlyIncreasing(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('has a test below for every migration', () => {
    // adding a migration? add its describe block below (migrate to N-1, insert, migrate to N)
    expect(MIGRATIONS.map((m) => m.name)).toEqual(['initial', 'quarantine', 'outbox', 'registrations', 'staff-urgent', 'staff-data', 'listing-changes', 'board-devices', 'purge-drops']);
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
    expect(columns(db, 'listings')).toEqual(expect.arrayContaining(['id', 'title', 'district_name', 'valid_until_ms', 'hidden']));
    expect(columns(db, 'meta')).toEqual(['key', 'value']);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'listings'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['listings_valid_until', 'listings_occupation', 'listings_district']));

    const store = createListingStore(db);
    store.upsertMany([makeListing({ title: '叉车司机' })]);
    expect(store.search({ q: '叉车司', limit: 10, now: NOW }).total).toBe(1);
  });
});

describe('0002-quarantine', () => {
  it('adds the quarantine table and keeps existing postings and the cursor', () => {
    const db = databaseAt(1);
    const before = createListingStore(db);
    const listing = makeListing({ title: '采茶工', occupation: 'farming', districtCode: '361130' });
    before.upsertMany([listing], { cursor: 41 });
    expect(columns(db, 'quarantine')).toEqual([]);

    migrateTo(db, 2);

    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'quarantine')).toEqual(['id', 'received_at', 'source', 'seq', 'reason', 'payload']);
    const after = createListingStore(db);
    expect(after.get(listing.id)).toEqual(listing);
    expect(after.getCursor()).toBe(41);
    expect(after.search({ q: '婺源', limit: 10, now: NOW }).total).toBe(1);

    const quarantine = createQuarantineStore(db);
    const id = quarantine.add({ receivedAt: NOW, source: 'hub', seq: null, reason: 'title: required', payload: '{"id":"x"}' });
    expect(quarantine.list()).toEqual([{ id, receivedAt: NOW, source: 'hub', seq: null, reason: 'title: required', payload: '{"id":"x"}' }]);
    expect(quarantine.count()).toBe(1);
  });
});

describe('0003-outbox', () => {
  it('adds the outbox table and keeps postings, cursor and quarantined changes', () => {
    const db = databaseAt(2);
    const store = createListingStore(db);
    const listing = makeListing();
    store.upsertMany([listing], { cursor: 12 });
    createQuarantineStore(db).add({ receivedAt: NOW, source: 'hub', seq: 11, reason: 'bad', payload: '{}' });

    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'outbox')).toEqual(['id', 'type', 'payload', 'created_at', 'attempts', 'next_attempt_at', 'last_error', 'delivered_at']);
    expect(createListingStore(db).get(listing.id)).toEqual(listing);
    expect(createListingStore(db).getCursor()).toBe(12);
    expect(createQuarantineStore(db).count()).toBe(1);
    db.prepare("INSERT INTO outbox (id, type, payload, created_at) VALUES ('0190-a', 'registration', '{}', 1)").run();
    expect(db.prepare('SELECT attempts, next_attempt_at, delivered_at FROM outbox').get()).toEqual({ attempts: 0, next_attempt_at: 0, delivered_at: null });
  });
});

describe('0004-registrations', () => {
  it('adds sign-ups, their day counters and kiosk devices, and keeps postings and pending outbox items', () => {
    const db = databaseAt(3);
    const listing = makeListing();
    createListingStore(db).upsertMany([listing], { cursor: 7 });
    const pendingId = createOutboxStore(db).enqueue({ type: 'test.ping', payload: { n: 1 } }, NOW);

    migrateTo(db, 4);

    expect(schemaVersion(db)).toBe(4);
    expect(columns(db, 'registrations')).toEqual(
      expect.arrayContaining(['id', 'day', 'number', 'phone', 'name', 'occupations', 'listing_id', 'consent_version', 'consent_at', 'kiosk_id', 'created_at']),
    );
    expect(columns(db, 'registration_counters')).toEqual(['day', 'last']);
    expect(columns(db, 'kiosk_devices')).toEqual(['id', 'token_hash', 'approved_by', 'created_at', 'last_seen_at', 'revoked_at']);
    expect(createListingStore(db).get(listing.id)).toEqual(listing);
    expect(createListingStore(db).getCursor()).toBe(7);
    expect(createOutboxStore(db).get(pendingId)?.deliveredAt).toBeNull();

    const receipt = createRegistrationStore(db).add(
      {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        phone: '13812348000',
        name: '',
        occupations: ['moving'],
        districts: [],
        availability: ['today'],
        expectedPay: null,
        payUnit: null,
        listingId: listing.id,
        consentVersion: 'kiosk-2025-1',
        consentAt: new Date(NOW).toISOString(),
      },
      'kiosk-local',
      NOW,
    );
    expect(receipt).toMatchObject({ number: 'A-0001', created: true });
    expect(createOutboxStore(db).pendingCount()).toBe(2);
  });
});

describe('0005-staff-urgent', () => {
  it('adds staff accounts, sessions, lock-outs, audit, urgent postings and announcements and keeps what 0004 held', async () => {
    const db = databaseAt(4);
    const listing = makeListing({ id: 'keep-5' });
    createListingStore(db).upsertMany([listing]);
    const pendingId = createOutboxStore(db).enqueue({ type: 'registration', payload: { n: 1 } }, NOW);
    migrateTo(db, 5);
    expect(schemaVersion(db)).toBe(5);
    for (const table of ['staff_accounts', 'staff_lockouts', 'staff_sessions', 'staff_audit', 'urgent_postings', 'hall_announcements']) {
      expect(columns(db, table).length, table).toBeGreaterThan(2);
    }
    expect(createListingStore(db).get(listing.id)).toEqual(listing);
    expect(createOutboxStore(db).get(pendingId)?.deliveredAt).toBeNull();

    // the new tables work with their stores: an urgent posting is stored with its outbox row
    const urgent = createUrgentStore(db, () => NOW, quietLog);
    const record = urgent.create({ title: '急招叉车司机', body: '', expiresAt: new Date(NOW + 3600_000).toISOString(), listingId: listing.id, screens: null }, '王主任', NOW);
    expect(urgent.live(NOW).map((r) => r.id)).toEqual([record.id]);
    expect(createOutboxStore(db).pendingCount()).toBe(2);
    const auth = createStaffAuth(db, () => NOW);
    await auth.setupFirstAdmin('王主任', '271828');
    expect(auth.hasAccounts()).toBe(true);
    expect(() => db.prepare("INSERT INTO hall_announcements (kind, title, set_at) VALUES ('other', 'x', 1)").run()).toThrow(/CHECK/);
  });
});

describe('0006-staff-data', () => {
  it('adds contacted marks to sign-ups, the purge record and pulse snapshots, and keeps sign-ups, postings and the outbox', () => {
    const db = databaseAt(5);
    const listing = makeListing({ id: 'keep-6' });
    createListingStore(db).upsertMany([listing]);
    const signup = createRegistrationStore(db).add(
      { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c', phone: '13812348000', name: '张三', occupations: ['moving'], districts: [], availability: [], expectedPay: null, payUnit: null, listingId: null, consentVersion: 'kiosk-2025-1', consentAt: new Date(NOW).toISOString() },
      'kiosk-local',
      NOW,
    );
    migrateTo(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(columns(db, 'registrations')).toEqual(expect.arrayContaining(['contacted_at', 'contacted_by']));
    expect(columns(db, 'signup_purges')).toEqual(['id', 'at', 'cutoff', 'removed', 'outbox_removed', 'outbox_waiting', 'by']);
    expect(columns(db, 'pulse_snapshots')).toEqual(['day', 'occupation', 'demand', 'seekers', 'recorded_at']);
    const row = db.prepare('SELECT phone, name, contacted_at FROM registrations WHERE id = ?').get(signup.id);
    expect(row).toEqual({ phone: '13812348000', name: '张三', contacted_at: null });
    expect(createListingStore(db).get(listing.id)).toEqual(listing);
    expect(createOutboxStore(db).get(signup.id)?.deliveredAt).toBeNull();
    // the kiosk's own insert still works on the widened table
    expect(createRegistrationStore(db).add({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a7d', phone: '13912348000', name: '', occupations: [], districts: [], availability: [], expectedPay: null, payUnit: null, listingId: null, consentVersion: 'kiosk-2025-1', consentAt: new Date(NOW).toISOString() }, 'kiosk-local', NOW).created).toBe(true);
  });
});
