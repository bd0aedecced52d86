/**
 * Schema 5: staff identity, the audit log, urgent postings and hall announcements.
 *
 * - `staff_accounts` keep only a scrypt hash of each PIN (salt and parameters inside the
 *   stored string), so a copied database does not give away a PIN.
 * - `staff_lockouts` count wrong PINs per client address; a lock-out survives a restart,
 *   otherwise restarting the host would reset the guessing budget.
 * - `staff_sessions` keep a SHA-256 of each bearer token with its expiry.
 * - `staff_audit` is append-only: who, what, when, from where.
 * - `urgent_postings` are kept after they expire or are retracted, as the record of what
 *   was shown; the boards show only the live ones.
 * - `hall_announcements` hold the one notice line and the one emergency message (by kind).
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE staff_accounts (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
      pin_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      disabled_at INTEGER
    ) STRICT;
    CREATE TABLE staff_lockouts (
      source TEXT PRIMARY KEY NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      lockouts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES staff_accounts (id),
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE TABLE staff_audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      account_id TEXT,
      account_name TEXT,
      action TEXT NOT NULL,
      target TEXT,
      detail TEXT NOT NULL DEFAULT '{}',
      source TEXT
    ) STRICT;
    CREATE INDEX staff_audit_at ON staff_audit (at);
    CREATE TABLE urgent_postings (
      id TEXT PRIMARY KEY NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('local', 'hub')),
      listing_id TEXT,
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      screens TEXT,
      created_at INTEGER NOT NULL,
      created_by TEXT,
      expires_at INTEGER NOT NULL,
      retracted_at INTEGER,
      retracted_by TEXT
    ) STRICT;
    CREATE INDEX urgent_live ON urgent_postings (expires_at) WHERE retracted_at IS NULL;
    CREATE TABLE hall_announcements (
      kind TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('notice', 'emergency')),
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      expires_at INTEGER,
      set_at INTEGER NOT NULL,
      set_by TEXT
    ) STRICT;
  `);
}
