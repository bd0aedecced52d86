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

/**
 * better-sqlite3's native binding cannot be loaded by this runtime: missing, or built for
 * another Node ABI (NODE_MODULE_VERSION). One line naming the file and both versions.
 */
export class NativeBindingError extends Error {
  override readonly name = 'NativeBindingError';
  constructor(
    readonly file: string,
    /** The ABI the file was built for, when known. */
    readonly builtFor: number | null,
    readonly runtime: { readonly name: string; readonly modules: string },
    why: string,
  ) {
    super(
      `openDatabase: cannot load better-sqlite3's native binding ${file}: ${why}; this runtime (${runtime.name}) needs NODE_MODULE_VERSION ${runtime.modules}` +
        (runtime.name.startsWith('Electron')
          ? ' (npm start builds it; a packaged app ships it in resources/native)'
          : ' (npm rebuild better-sqlite3)'),
    );
  }
}
