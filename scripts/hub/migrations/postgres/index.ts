/**
 * Numbered migrations of the hub's PostgreSQL schema, recorded in `hub_migrations`. Every node
 * runs them at start; a session-level advisory lock lets one node migrate while the others
 * wait, each migration commits in one transaction with its row, and a database newer than this
 * code is refused. Tests stop at N-1 to check migration N on real rows.
 */
import type { Pool, PoolClient } from 'pg';
import { HubMigrationError } from '../migration-error';
import { migrate as m0001 } from './0001-base';
import { migrate as m0002 } from './0002-city';

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly migrate: (db: PoolClient) => Promise<void>;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: 'base', migrate: m0001 },
  { version: 2, name: 'city', migrate: m0002 },
];

export const POSTGRES_LATEST: number = POSTGRES_MIGRATIONS.at(-1)!.version;

/** Advisory-lock keys of the hub, (namespace, key): 'Hall' in ASCII, then one key per use. */
export const LOCK_NAMESPACE = 0x48616c6c;
export const LOCK_CHANGE_LOG = 1;
export const LOCK_MIGRATIONS = 2;

export async function postgresSchemaVersion(db: Pool | PoolClient): Promise<number> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('hub_migrations')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM hub_migrations');
  return rows[0]!.v;
}

/** Brings the database up to `version` (default: the latest); never down. */
export async function migratePostgresHub(pool: Pool, version: number = POSTGRES_LATEST): Promise<void> {
  if (!POSTGRES_MIGRATIONS.some((m) => m.version === version))
    throw new HubMigrationError(`migratePostgresHub: no migration has version ${version}`);
  const db = await pool.connect();
  try {
    await db.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATIONS]);
    await db.query(
      'CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const current = await postgresSchemaVersion(db);
    if (current > POSTGRES_LATEST) {
      throw new HubMigrationError(
        `migratePostgresHub: the database is at hub schema ${current}, newer than this hub knows (${POSTGRES_LATEST}); run the newer hub on every node`,
      );
    }
    if (version < current)
      throw new HubMigrationError(
        `migratePostgresHub: the database is at hub schema ${current}; cannot go back to ${version}`,
      );
    for (const m of POSTGRES_MIGRATIONS) {
      if (m.version <= current || m.version > version) continue;
      await db.query('BEGIN');
      try {
        await m.migrate(db);
        await db.query('INSERT INTO hub_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw new HubMigrationError(
          `migratePostgresHub: migration ${m.version} (${m.name}) failed: ${(error as Error).message}`,
        );
      }
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATIONS]).catch(() => undefined);
    db.release();
  }
}
