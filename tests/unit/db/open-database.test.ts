import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import { DatabaseNeedsMigrationError, DatabaseTooNewError } from '../../../electron/host/db/errors';
import { LATEST_VERSION } from '../../../electron/host/db/migrations/index';
import { removableTmpDir } from '../../support/tmp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function tmpFile(name = 'hall.db'): string {
  const t = removableTmpDir();
  cleanups.push(t.cleanup);
  return join(t.dir, name);
}

describe('openDatabase', () => {
  it('opens a file in WAL mode with synchronous NORMAL and foreign keys on', () => {
    const file = tmpFile();
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      closeDatabase(db);
    }
  });

  it('opens :memory: migrated, with synchronous NORMAL and foreign keys on', () => {
    const db = openDatabase(':memory:');
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['postings', 'postings_fts', 'meta', 'quarantine']));
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses a database written by a newer Hall Board and leaves it untouched', () => {
    const file = tmpFile();
    const future = Math.max(7, LATEST_VERSION + 1);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${future}`);
    raw.close();

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(
      `database schema version ${future} is newer than this Hall Board (knows up to ${LATEST_VERSION}); update the app or restore a backup`,
    );
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(future);
    expect(check.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'postings'").pluck().get()).toBe(0);
    check.close();
  });

  it('reopens an existing database without migrating it twice', () => {
    const file = tmpFile();
    closeDatabase(openDatabase(file));
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeDatabase(db);
  });

  it('opens a migrated file read-only and refuses writes through it', () => {
    const file = tmpFile();
    closeDatabase(openDatabase(file));
    const ro = openDatabase(file, { readonly: true });
    try {
      expect(ro.prepare('SELECT COUNT(*) FROM postings').pluck().get()).toBe(0);
      expect(() => ro.exec("INSERT INTO meta (key, value) VALUES ('a', 'b')")).toThrow(/readonly/);
    } finally {
      closeDatabase(ro);
    }
  });

  it('refuses to open an unmigrated file read-only', () => {
    const file = tmpFile();
    new BetterSqlite3(file).close();
    expect(() => openDatabase(file, { readonly: true })).toThrow(DatabaseNeedsMigrationError);
  });

  it('does not create a missing file when asked for read-only', () => {
    const file = tmpFile('missing.db');
    expect(() => openDatabase(file, { readonly: true })).toThrow();
    expect(existsSync(file)).toBe(false);
  });

  it('closes the handle after optimizing, and tolerates a second close', () => {
    const db = openDatabase(':memory:');
    closeDatabase(db);
    expect(db.open).toBe(false);
    expect(() => closeDatabase(db)).not.toThrow();
  });
});
