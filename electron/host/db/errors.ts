/**
 * Typed errors of the database layer. Each message starts with the function that threw, so a
 * log line alone says where to look.
 */

/** The file was written by a newer Hall Board; opening it here could corrupt it. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `openDatabase: database schema version ${found} is newer than this Hall Board (knows up to ${known}); update the app or restore a backup`,
    );
  }
}

/** A read-only handle cannot migrate, and queries against an old schema would fail later. */
export class DatabaseNeedsMigrationError extends Error {
  override readonly name = 'DatabaseNeedsMigrationError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `openDatabase: database schema version ${found} is older than this Hall Board (${known}); open it read-write once to migrate`,
    );
  }
}

/** A programming error in the migration registry or a request for an unknown version. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}
