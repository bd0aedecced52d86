/**
 * Databases as an older Hall Board left them, for the migration tests (the way Signal Desktop's
 * migration tests work): run only the migrations up to a version, then write rows with raw SQL
 * in the columns that version's schema had. Nothing here calls today's stores or row mappers,
 * so a later change to them cannot silently change what an old migration is tested against.
 */
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { migrateTo } from '../../../electron/host/db/migrations/index';
import { DAY, NOW, iso } from './fixtures';

/** A bare in-memory database migrated to `version` and no further. */
export function databaseAt(version: number): WritableDatabase {
  const db = new BetterSqlite3(':memory:') as WritableDatabase;
  migrateTo(db, version);
  return db;
}

export function columns(db: BetterSqlite3.Database, table: string): string[] {
  return db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
}

type Row = Record<string, string | number | null>;

/** Inserts `row` into `table` by its own column names; returns it as given. */
export function insertRow<T extends Row>(db: BetterSqlite3.Database, table: string, row: T): T {
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
  return row;
}

/** Inserts each of `rows` into `table`, in order (see insertRow); returns them as given. */
export function insertRows<T extends Row>(db: BetterSqlite3.Database, table: string, rows: readonly T[]): T[] {
  return rows.map((row) => insertRow(db, table, row));
}

/** Every row of `table`, ordered by `orderBy`, as SQLite holds it. */
export function allRows(db: BetterSqlite3.Database, table: string, orderBy = 'rowid'): Row[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all() as Row[];
}

/**
 * A posting row in schema 1's `listings` columns (0001-initial.ts), written out by hand. Its
 * values are tests/unit/db/fixtures.ts makeListing()'s defaults, so `makeListing({ id, … })`
 * is the posting today's store must read back from it after every migration.
 */
export function v1Posting(overrides: Row = {}): Row {
  return {
    id: 'old-1',
    employer_name: '上饶市信江物流有限公司',
    employer_kind: 'enterprise',
    employer_verified: 1,
    title: '叉车司机',
    occupation: 'driving',
    description: '仓库叉车装卸作业，包午餐。',
    requirements: '持叉车证。',
    pay_min: 250,
    pay_max: 300,
    pay_unit: 'day',
    settlement: 'daily',
    headcount: 2,
    employment_type: 'gig',
    district_code: '361102',
    district_name: '信州区',
    address: '信州区凤凰大道88号',
    work_time: '8:00-17:30',
    contact_name: '王经理',
    contact_phone: '13812348000',
    mask_phone: 0,
    valid_from: iso(NOW - DAY),
    valid_until: iso(NOW + 7 * DAY),
    valid_from_ms: NOW - DAY,
    valid_until_ms: NOW + 7 * DAY,
    urgent: 0,
    source: '上饶市零工市场窗口',
    revision: 1,
    updated_at: iso(NOW - DAY),
    ...overrides,
  };
}

/** The sync cursor as schema 1's meta table keeps it. */
export function v1Cursor(db: BetterSqlite3.Database, cursor: number): void {
  insertRow(db, 'meta', { key: 'sync.cursor', value: String(cursor) });
}

/** An undelivered outbox item in schema 3's columns (0003-outbox.ts). */
export function v3OutboxItem(overrides: Row = {}): Row {
  return {
    id: '0190a1b2-0000-7000-8000-000000000001',
    type: 'test.ping',
    payload: '{"n":1}',
    created_at: NOW,
    ...overrides,
  };
}

/** A kiosk sign-up in schema 4's `registrations` columns (0004-registrations.ts). */
export function v4Signup(overrides: Row = {}): Row {
  return {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c',
    day: '2026-11-27',
    number: 'A-0001',
    phone: '13812348000',
    name: '张三',
    occupations: '["moving"]',
    districts: '[]',
    availability: '[]',
    expected_pay: null,
    pay_unit: null,
    listing_id: null,
    consent_version: 'kiosk-2025-1',
    consent_at: iso(NOW),
    kiosk_id: 'kiosk-local',
    created_at: NOW,
    ...overrides,
  };
}

/** The schema-1 posting and sync cursor a test wrote before migrating, read back after it. */
export function expectV1PostingAndCursor(
  db: BetterSqlite3.Database,
  posting: ReturnType<typeof v1Posting>,
  cursor: number,
): void {
  expect(allRows(db, 'listings')).toEqual([{ ...posting, hidden: 0 }]);
  expect(allRows(db, 'meta', 'key')).toEqual([{ key: 'sync.cursor', value: String(cursor) }]);
}
