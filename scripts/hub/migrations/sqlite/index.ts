/**
 * Numbered migrations of the hub's SQLite file, recorded in `PRAGMA user_version` like the
 * hall's (electron/host/db/migrations): each runs in one transaction with its version bump, a
 * file newer than this code is refused, and tests stop at N-1 to check migration N on real rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { HubMigrationError } from '../migration-error';
import { migrate as m0001 } from './0001-base';
import { migrate as m0002 } from './0002-city';

export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly migrate: (db: BetterSqlite3.Database) => void;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: 'base', migrate: m0001 },
  { version: 2, name: 'city', migrate: m0002 },
];

export const SQLITE_LATEST: number = SQLITE_MIGRATIONS.at(-1)!.version;

export { HubMigrationError };

export function sqliteSchemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the file up to `version` (default: the latest); never down. */
export function migrateSqliteHub(db: BetterSqlite3.Database, version: number = SQLITE_LATEST): void {
  const current = sqliteSchemaVersion(db);
  if (current > SQLITE_LATEST) {
    throw new HubMigrationError(
      `migrateSqliteHub: hub.db is at schema ${current}, newer than this hub knows (${SQLITE_LATEST}); run the newer hub or restore a backup`,
    );
  }
  if (version < current)
    throw new HubMigrationError(`migrateSqliteHub: hub.db is at schema ${current}; cannot go back to ${version}`);
  if (!SQLITE_MIGRATIONS.some((m) => m.version === version))
    throw new HubMigrationError(`migrateSqliteHub: no migration has version ${version}`);
  for (const m of SQLITE_MIGRATIONS) {
    if (m.version <= current || m.version > version) continue;
    db.transaction(() => {
      m.migrate(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
