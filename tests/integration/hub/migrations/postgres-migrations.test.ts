/**
 * The hub's PostgreSQL migrations on a real server, one describe per migration: the database at
 * N-1, raw rows inserted, migrate to N, the rows checked. Plus what every node relies on at
 * start: three nodes migrating at once, and a database newer than the code refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgresHub, POSTGRES_MIGRATIONS, postgresSchemaVersion } from '../../../../scripts/hub/migrations/postgres/index';
import { openPostgresHubStore, postgresPoolFor } from '../../../../scripts/hub/postgres-store';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import { makeListing, NOW } from '../../../unit/db/fixtures';

afterAll(dropTestDatabases);

describe('hub PostgreSQL migration registry', () => {
  it('has a test below for every migration, versions 1, 2, …', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual([[1, 'base']]);
  });

  it('migrates once when three nodes start on an empty database at the same moment', async () => {
    const url = await freshDatabaseUrl();
    const pools = [0, 1, 2].map(() => postgresPoolFor(url, { max: 2 }));
    try {
      await Promise.all(pools.map((p) => migratePostgresHub(p)));
      const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('refuses a database migrated by a newer hub, with a message that says so', async () => {
    const url = await freshDatabaseUrl();
    const pool = postgresPoolFor(url, { max: 1 });
    try {
      await migratePostgresHub(pool);
      await pool.query("INSERT INTO hub_migrations (version, name) VALUES (99, 'from-the-future')");
      await expect(openPostgresHubStore(url)).rejects.toThrow(/hub schema 99, newer than this hub knows/);
    } finally {
      await pool.end();
    }
  });
});

describe('hub PostgreSQL migration 1 (base)', () => {
  it('creates the tables on an empty database; rows written raw are what the store reads', async () => {
    const url = await freshDatabaseUrl();
    const pool = postgresPoolFor(url, { max: 1 });
    try {
      expect(await postgresSchemaVersion(pool)).toBe(0);
      await migratePostgresHub(pool, 1);
      expect(await postgresSchemaVersion(pool)).toBe(1);
      const l = makeListing({ revision: 4 });
      await pool.query('INSERT INTO listings (id, revision, valid_until_ms, data) VALUES ($1, 4, $2, $3)', [l.id, Date.parse(l.validUntil), JSON.stringify(l)]);
      await pool.query("INSERT INTO changes (seq, type, op, id, data, created_at) VALUES (1, 'listing', 'upsert', $1, $2, $3)", [l.id, JSON.stringify(l), NOW]);
      // seq is positive and unique
      await expect(pool.query("INSERT INTO changes (seq, type, op, id, created_at) VALUES (0, 'listing', 'delete', 'x', 1)")).rejects.toThrow(/check/i);
      await expect(pool.query("INSERT INTO changes (seq, type, op, id, created_at) VALUES (1, 'listing', 'delete', 'x', 1)")).rejects.toThrow(/duplicate key/);
    } finally {
      await pool.end();
    }
    const store = await openPostgresHubStore(url, { schemaVersion: 1 });
    try {
      const [next] = await store.upsertListings([{ ...(await store.getListing((await store.changesSince(0, 1)).changes[0]!.id))!, title: '新标题' }], NOW);
      expect(next).toMatchObject({ seq: 2, data: { revision: 5, title: '新标题' } });
    } finally {
      await store.close();
    }
  });
});
