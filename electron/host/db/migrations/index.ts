/**
 * The migration registry. Versions are strictly increasing and each one runs in its own
 * transaction together with the `user_version` bump (../user-version.ts), so a crash leaves
 * the database at a whole version, never half-way.
 */
import type { Database } from '../handles';
import { MigrationError } from '../errors';
import { migrateUserVersion, userVersion, type UserVersionMigration } from '../user-version';
import { migrate as m0001 } from './0001-initial';
import { migrate as m0002 } from './0002-quarantine';
import { migrate as m0003 } from './0003-outbox';
import { migrate as m0004 } from './0004-registrations';
import { migrate as m0005 } from './0005-staff-urgent';
import { migrate as m0006 } from './0006-staff-data';
import { migrate as m0007 } from './0007-listing-changes';
import { migrate as m0008 } from './0008-board-devices';
import { migrate as m0009 } from './0009-purge-drops';
import { migrate as m0010 } from './0010-signups';
import { migrate as m0011 } from './0011-postings';
import { migrate as m0012 } from './0012-booths';
import { migrate as m0013 } from './0013-play-counts';
import { migrate as m0014 } from './0014-matches';
import { migrate as m0015 } from './0015-kiosk-names';
import { migrate as m0016 } from './0016-signups-phone';
import { migrate as m0017 } from './0017-match-open-index';
import { migrate as m0018 } from './0018-matches-by-person';

export type Migration = UserVersionMigration;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', migrate: m0001 },
  { version: 2, name: 'quarantine', migrate: m0002 },
  { version: 3, name: 'outbox', migrate: m0003 },
  { version: 4, name: 'registrations', migrate: m0004 },
  { version: 5, name: 'staff-urgent', migrate: m0005 },
  { version: 6, name: 'staff-data', migrate: m0006 },
  { version: 7, name: 'listing-changes', migrate: m0007 },
  { version: 8, name: 'board-devices', migrate: m0008 },
  { version: 9, name: 'purge-drops', migrate: m0009 },
  { version: 10, name: 'signups', migrate: m0010 },
  { version: 11, name: 'postings', migrate: m0011 },
  { version: 12, name: 'booths', migrate: m0012 },
  { version: 13, name: 'play-counts', migrate: m0013 },
  { version: 14, name: 'matches', migrate: m0014 },
  { version: 15, name: 'kiosk-names', migrate: m0015 },
  { version: 16, name: 'signups-phone', migrate: m0016 },
  { version: 17, name: 'match-open-index', migrate: m0017 },
  { version: 18, name: 'matches-by-person', migrate: m0018 },
];

export function assertStrictlyIncreasing(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new MigrationError(
        `assertStrictlyIncreasing: migration ${m.name} has version ${m.version}, which does not follow ${previous}`,
      );
    }
    previous = m.version;
  }
}

assertStrictlyIncreasing(MIGRATIONS);

export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

export const schemaVersion: (db: Database) => number = userVersion;

/**
 * Brings the schema up to `version` (tests stop at N-1 to check migration N against real
 * rows). Never goes down: asking for an older version than the file has is an error.
 */
export function migrateTo(db: Database, version: number, migrations: readonly Migration[] = MIGRATIONS): void {
  migrateUserVersion(db, version, migrations, {
    file: 'database',
    refuse: (reason) => new MigrationError(`migrateTo: ${reason}`),
  });
}
