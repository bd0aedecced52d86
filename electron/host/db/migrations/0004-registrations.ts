/**
 * Schema 4: kiosk sign-ups and kiosk devices.
 *
 * `registrations` holds what a worker gave at the kiosk (personal data: phone, name) for
 * staff and for the retention purge; its outbox row carries the same data upstream.
 * `registration_counters` hands out the short per-day number (A-0001, A-0002, …) inside the
 * insert's transaction, so two kiosks never get the same number.
 * `kiosk_devices` are browser kiosks staff approved; only a hash of each token is kept.
 * `listings_kiosk_order` lets kiosk search walk postings in display order and stop after a
 * page of matches, instead of matching and sorting every posting for a 1–2 character term.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE registrations (
      id TEXT PRIMARY KEY NOT NULL,
      day TEXT NOT NULL,
      number TEXT NOT NULL,
      phone TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      occupations TEXT NOT NULL DEFAULT '[]',
      districts TEXT NOT NULL DEFAULT '[]',
      availability TEXT NOT NULL DEFAULT '[]',
      expected_pay REAL,
      pay_unit TEXT,
      listing_id TEXT,
      consent_version TEXT NOT NULL,
      consent_at TEXT NOT NULL,
      kiosk_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (day, number)
    ) STRICT;
    CREATE INDEX registrations_created ON registrations (created_at);
    CREATE TABLE registration_counters (
      day TEXT PRIMARY KEY NOT NULL,
      last INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE kiosk_devices (
      id TEXT PRIMARY KEY NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      approved_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX listings_kiosk_order ON listings (urgent DESC, valid_from_ms DESC, id);
  `);
}
