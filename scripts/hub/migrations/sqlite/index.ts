/**
 * Numbered migrations of the hub's SQLite file, recorded in `PRAGMA user_version` like the
 * hall's (electron/host/db/migrations): each runs in one transaction with its version bump, a
 * file newer than this code is refused, and tests stop at N-1 to check migration N on real rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { migrateUserVersion, userVersion, type UserVersionMigration } from '../../../../electron/host/db/user-version';
import { HubMigrationError } from '../migration-error';
import { migrate as m0001 } from './0001-base';
import { migrate as m0002 } from './0002-city';

export type SqliteMigration = UserVersionMigration;

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: 'base', migrate: m0001 },
  { version: 2, name: 'city', migrate: m0002 },
];

export const SQLITE_LATEST: number = SQLITE_MIGRATIONS.at(-1)!.version;

export { HubMigrationError };

export const sqliteSchemaVersion: (db: BetterSqlite3.Database) => number = userVersion;

/** Brings the file up to `version` (default: the latest); never down. */
export function migrateSqliteHub(db: BetterSqlite3.Database, version: number = SQLITE_LATEST): void {
  const current = sqliteSchemaVersion(db);
  if (current > SQLITE_LATEST) {
    throw new HubMigrationError(
      `migrateSqliteHub: hub.db is at schema ${current}, newer than this hub knows (${SQLITE_LATEST}); run the newer hub or restore a backup`,
    );
  }
  migrateUserVersion(db, version, SQLITE_MIGRATIONS, {
    file: 'hub.db',
    refuse: (reason) => new HubMigrationError(`migrateSqliteHub: ${reason}`),
  });
}
