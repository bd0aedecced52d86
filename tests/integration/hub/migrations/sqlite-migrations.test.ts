/**
 * The hub's SQLite migrations, one describe per migration: build the file at N-1 (for 1: as a
 * hub before numbered migrations left it), insert raw rows, migrate to N, check the rows.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  migrateSqliteHub,
  SQLITE_MIGRATIONS,
  sqliteSchemaVersion,
} from '../../../../scripts/hub/migrations/sqlite/index';
import { openSqliteHubStore } from '../../../../scripts/hub/sqlite-store';
import { makePosting, NOW } from '../../../unit/db/fixtures';
import { V1_POSTING, V1_SUBMISSIONS, V2_CITY_COUNTS, V2_FACTS } from './city-migration-rows';
import { tmpDir } from '../../../support/tmp-dir';
import { withHubStore } from '../../../support/hub-store';

/** Where a test's own hub.db goes (no file there yet). */
const freshHubFile = () => join(tmpDir('hub-mig-'), 'hub.db');

describe('hub SQLite migration registry', () => {
  it('has a test below for every migration, versions 1, 2, …', () => {
    expect(SQLITE_MIGRATIONS.map((m) => [m.version, m.name])).toEqual([
      [1, 'base'],
      [2, 'city'],
    ]);
  });

  it('refuses a file newer than this hub, and going back', () => {
    const file = freshHubFile();
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteHubStore(file)).toThrow(/schema 99, newer than this hub knows/);
    const fresh = new BetterSqlite3(':memory:');
    migrateSqliteHub(fresh);
    expect(() => migrateSqliteHub(fresh, 0)).toThrow(/cannot go back|no migration/);
  });
});

describe('hub SQLite migration 1 (base)', () => {
  it('adopts a hub.db written before numbered migrations, rows and seq counter intact', async () => {
    const file = freshHubFile();
    const old = new BetterSqlite3(file);
    // the schema exactly as the hub created it before migrations
    old.exec(`
      CREATE TABLE listings (id TEXT PRIMARY KEY NOT NULL, revision INTEGER NOT NULL, valid_until_ms INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL) STRICT;
      CREATE INDEX listings_live_until ON listings (valid_until_ms) WHERE deleted = 0;
      CREATE TABLE urgent (id TEXT PRIMARY KEY NOT NULL, revision INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, op TEXT NOT NULL, id TEXT NOT NULL, data TEXT, created_at INTEGER NOT NULL) STRICT;
      CREATE TABLE submissions (id TEXT PRIMARY KEY NOT NULL, hall_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, received_at INTEGER NOT NULL, received_count INTEGER NOT NULL DEFAULT 1) STRICT;
    `);
    const l = makePosting({ revision: 3 });
    old.prepare('INSERT INTO listings VALUES (?, 3, ?, 0, ?)').run(l.id, Date.parse(l.validUntil), JSON.stringify(l));
    old
      .prepare('INSERT INTO changes (type, op, id, data, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('listing', 'upsert', l.id, JSON.stringify(l), NOW);
    old
      .prepare('INSERT INTO changes (type, op, id, data, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('listing', 'delete', 'gone', null, NOW);
    old.prepare('DELETE FROM changes WHERE seq = 2').run();
    expect(sqliteSchemaVersion(old)).toBe(0);
    old.close();

    const db = new BetterSqlite3(file);
    migrateSqliteHub(db, 1);
    expect(sqliteSchemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT data FROM listings').pluck().all()).toEqual([JSON.stringify(l)]);
    db.close();

    await withHubStore(openSqliteHubStore(file), async (store) => {
      expect(await store.getPosting(l.id)).toEqual(l);
      // AUTOINCREMENT remembers seq 2 although its row is gone: the next change is 3, never 2 again
      const [next] = await store.upsertPostings([{ ...l, title: '新标题' }], NOW);
      expect(next!.seq).toBe(3);
      expect((next!.data as { revision: number }).revision).toBe(4);
    });
  });
});

describe('hub SQLite migration 2 (city)', () => {
  it('gives postings their trade columns and stored sign-ups their facts, without a phone', async () => {
    const file = freshHubFile();
    const db = new BetterSqlite3(file);
    migrateSqliteHub(db, 1);
    const l = V1_POSTING;
    db.prepare('INSERT INTO listings (id, revision, valid_until_ms, deleted, data) VALUES (?, 1, ?, 0, ?)').run(
      l.id,
      Date.parse(l.validUntil),
      JSON.stringify(l),
    );
    const sub = db.prepare('INSERT INTO submissions (id, hall_id, type, payload, received_at) VALUES (?, ?, ?, ?, ?)');
    for (const row of V1_SUBMISSIONS) sub.run(...row, NOW);
    migrateSqliteHub(db, 2);

    expect(db.prepare('SELECT occupation, headcount, valid_from_ms FROM listings').get()).toEqual({
      occupation: 'moving',
      headcount: 7,
      valid_from_ms: Date.parse(l.validFrom),
    });
    const facts = db.prepare('SELECT * FROM signups ORDER BY id').all() as Array<{
      id: string;
      person: string;
      occupations: string;
      listing_id: string | null;
      signed_up_at: number;
    }>;
    expect(facts.map((f) => [f.id, JSON.parse(f.occupations), f.listing_id, f.signed_up_at])).toEqual(V2_FACTS);
    // the same phone written two ways is one person; the person id is not the phone
    expect(facts[0]!.person).toBe(facts[1]!.person);
    expect(JSON.stringify(facts)).not.toMatch(/13900001111|王小明/);
    db.close();

    await withHubStore(openSqliteHubStore(file), async (store) => {
      expect(await store.cityCounts(NOW, 30)).toEqual(V2_CITY_COUNTS);
    });
  });
});
