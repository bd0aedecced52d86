/**
 * Numbered migrations of a SQLite file, recorded in its header (`PRAGMA user_version`). The
 * hall's database (db/migrations) and the hub's SQLite file (scripts/hub/migrations/sqlite)
 * step through theirs the same way, here.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface UserVersionMigration {
  readonly version: number;
  readonly name: string;
  readonly migrate: (db: BetterSqlite3.Database) => void;
}

export function userVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file up to `version` (0: none) with the migrations above its own version, in order,
 * each in its own transaction together with the user_version bump, so a crash leaves the file
 * at a whole version, never half-way. Never down: a version older than the file's, or one no
 * migration has, is refused with what `refuse` makes of the reason (which names the file as `file`).
 */
export function migrateUserVersion(
  db: BetterSqlite3.Database,
  version: number,
  migrations: readonly UserVersionMigration[],
  { file, refuse }: { file: string; refuse: (reason: string) => Error },
): void {
  const current = userVersion(db);
  if (version < current) throw refuse(`${file} is at schema version ${current}; cannot go back to ${version}`);
  if (version > 0 && !migrations.some((m) => m.version === version))
    throw refuse(`no migration has version ${version}`);
  for (const m of migrations) {
    if (m.version <= current || m.version > version) continue;
    db.transaction(() => {
      m.migrate(db);
      // user_version lives in the file header and is written by this same transaction
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
