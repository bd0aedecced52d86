/**
 * The hub's PostgreSQL migrations on a real server, one describe per migration: the database at
 * N-1, raw rows inserted, migrate to N, the rows checked. Plus what every node relies on at
 * start: three nodes migrating at once, and a database newer than the code refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  migratePostgresHub,
  POSTGRES_MIGRATIONS,
  postgresSchemaVersion,
} from '../../../../scripts/hub/migrations/postgres/index';
import { openPostgresHubStore, postgresPoolFor } from '../../../../scripts/hub/postgres-store';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import { withHubStore } from '../../../support/hub-store';
import { makePosting, NOW } from '../../../unit/db/fixtures';
import { V1_POSTING, V1_SUBMISSIONS, V2_CITY_COUNTS, V2_FACTS } from './city-migration-rows';

afterAll(dropTestDatabases);

type Pool = ReturnType<typeof postgresPoolFor>;

/** A fresh database and a one-connection pool on it for `use`, ended after; the database's URL. */
async function withFreshPool(use: (pool: Pool, url: string) => Promise<void>): Promise<string> {
  const url = await freshDatabaseUrl();
  const pool = postgresPoolFor(url, { max: 1 });
  try {
    await use(pool, url);
  } finally {
    await pool.end();
  }
  return url;
}

describe('hub PostgreSQL migration registry', () => {
  it('has a test below for every migration, versions 1, 2, …', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual([
      [1, 'base'],
      [2, 'city'],
    ]);
  });

  it('migrates once when three nodes start on an empty database at the same moment', async () => {
    const url = await freshDatabaseUrl();
    const pools = [0, 1, 2].map(() => postgresPoolFor(url, { max: 2 }));
    try {
      await Promise.all(pools.map((p) => migratePostgresHub(p)));
      const { rows } = await pools[0]!.query<{ version: number }>(
        'SELECT version FROM hub_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('refuses a database migrated by a newer hub, with a message that says so', async () => {
    await withFreshPool(async (pool, url) => {
      await migratePostgresHub(pool);
      await pool.query("INSERT INTO hub_migrations (version, name) VALUES (99, 'from-the-future')");
      await expect(openPostgresHubStore(url)).rejects.toThrow(/hub schema 99, newer than this hub knows/);
    });
  });
});

describe('hub PostgreSQL migration 1 (base)', () => {
  it('creates the tables on an empty database; rows written raw are what the store reads', async () => {
    const url = await withFreshPool(async (pool) => {
      expect(await postgresSchemaVersion(pool)).toBe(0);
      await migratePostgresHub(pool, 1);
      expect(await postgresSchemaVersion(pool)).toBe(1);
      const l = makePosting({ revision: 4 });
      await pool.query('INSERT INTO listings (id, revision, valid_until_ms, data) VALUES ($1, 4, $2, $3)', [
        l.id,
        Date.parse(l.validUntil),
        JSON.stringify(l),
      ]);
      await pool.query(
        "INSERT INTO changes (seq, type, op, id, data, created_at) VALUES (1, 'listing', 'upsert', $1, $2, $3)",
        [l.id, JSON.stringify(l), NOW],
      );
      // seq is positive and unique
      await expect(
        pool.query("INSERT INTO changes (seq, type, op, id, created_at) VALUES (0, 'listing', 'delete', 'x', 1)"),
      ).rejects.toThrow(/check/i);
      await expect(
        pool.query("INSERT INTO changes (seq, type, op, id, created_at) VALUES (1, 'listing', 'delete', 'x', 1)"),
      ).rejects.toThrow(/duplicate key/);
    });
    await withHubStore(openPostgresHubStore(url), async (store) => {
      const [next] = await store.upsertPostings(
        [{ ...(await store.getPosting((await store.changesSince(0, 1)).changes[0]!.id))!, title: '新标题' }],
        NOW,
      );
      expect(next).toMatchObject({ seq: 2, data: { revision: 5, title: '新标题' } });
    });
  });
});

describe('hub PostgreSQL migration 2 (city)', () => {
  it('gives postings their trade columns and stored sign-ups their facts, without a phone', async () => {
    const l = V1_POSTING;
    const url = await withFreshPool(async (pool) => {
      await migratePostgresHub(pool, 1);
      await pool.query('INSERT INTO listings (id, revision, valid_until_ms, data) VALUES ($1, 1, $2, $3)', [
        l.id,
        Date.parse(l.validUntil),
        JSON.stringify(l),
      ]);
      for (const row of V1_SUBMISSIONS)
        await pool.query(
          'INSERT INTO submissions (id, hall_id, type, payload, received_at) VALUES ($1, $2, $3, $4, $5)',
          [...row, NOW],
        );
      await migratePostgresHub(pool, 2);

      const posting = await pool.query('SELECT occupation, headcount, valid_from_ms FROM listings');
      expect(posting.rows).toEqual([{ occupation: 'moving', headcount: 7, valid_from_ms: Date.parse(l.validFrom) }]);
      const { rows } = await pool.query<{
        id: string;
        person: string;
        occupations: string[];
        listing_id: string | null;
        signed_up_at: number;
      }>('SELECT * FROM signups ORDER BY id');
      expect(rows.map((f) => [f.id, f.occupations, f.listing_id, f.signed_up_at])).toEqual(V2_FACTS);
      expect(rows[0]!.person).toBe(rows[1]!.person);
      expect(JSON.stringify(rows)).not.toMatch(/13900001111|王小明/);
    });
    await withHubStore(openPostgresHubStore(url), async (store) => {
      expect(await store.cityCounts(NOW, 30)).toEqual(V2_CITY_COUNTS);
    });
  });
});
