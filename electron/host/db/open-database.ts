/**
 * The one way to open the hall database. Nothing opens a database at import time: the
 * composition root calls this with a path, tests with a tmp file or ':memory:'.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database, ReadonlyDatabase, WritableDatabase } from './handles';
import { DatabaseNeedsMigrationError, DatabaseTooNewError } from './errors';
import { bindingLoadError } from './native-binding';
import { LATEST_VERSION, migrateTo, schemaVersion } from './migrations/index';

export interface OpenDatabaseOptions {
  readonly?: boolean;
  /** How long a writer waits for a lock held by another connection. */
  busyTimeoutMs?: number;
  /**
   * Path of the better_sqlite3.node to load instead of node_modules/better-sqlite3's own
   * build: the Electron shell passes one built for Electron's Node ABI. Absent: the default.
   */
  nativeBinding?: string | null;
}

type OpenOptions<R extends boolean> = { readonly?: R; busyTimeoutMs?: number; nativeBinding?: string | null };

export function openDatabase(file: string, opts?: OpenOptions<false>): WritableDatabase;
export function openDatabase(file: string, opts: OpenOptions<true> & { readonly: true }): ReadonlyDatabase;
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): WritableDatabase | ReadonlyDatabase {
  const readonly = opts.readonly ?? false;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const nativeBinding = opts.nativeBinding ?? null;
  let db: Database;
  try {
    db = new BetterSqlite3(file, {
      readonly,
      fileMustExist: readonly,
      timeout: busyTimeoutMs,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    // A binding built for another runtime is the one start-up failure an installer meets
    // (better-sqlite3 docs, troubleshooting): name the file and the ABIs, not a loader trace.
    throw bindingLoadError(error, nativeBinding) ?? error;
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // WAL lets the boards read while sync writes; it is meaningless for :memory: and a
    // read-only connection cannot switch modes (it inherits the file's).
    if (!readonly && file !== ':memory:') db.pragma('journal_mode = WAL');
    // NORMAL is durable enough with WAL (a power cut loses at most the last commits, never
    // corrupts) and set explicitly so a changed default cannot surprise us.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 32 MB page cache (the default is 2 MB): the trigram index is large and a first full sync
    // of a city's postings writes all of it; a bigger cache keeps more of it in memory.
    db.pragma('cache_size = -32768');

    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw new DatabaseTooNewError(version, LATEST_VERSION);
    if (readonly) {
      if (version < LATEST_VERSION) throw new DatabaseNeedsMigrationError(version, LATEST_VERSION);
      return db as ReadonlyDatabase;
    }
    migrateTo(db, LATEST_VERSION);
    return db as WritableDatabase;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Lets SQLite refresh its planner statistics (cheap, per the SQLite docs) and closes. */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}
