/**
 * SQLite schema 2: what the city's picture reads (/city). Postings get their trade, headcount
 * and start as columns (backfilled from their JSON), sign-ups their facts (signup-facts.ts,
 * backfilled from the stored registrations), halls their last known status, and a daily
 * snapshot per trade keeps the figures a year later, when the sign-ups behind them are gone.
 */
import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { signupFactOf } from '../../signup-facts';

export function migrate(db: BetterSqlite3.Database): void {
  db.exec(`
    ALTER TABLE listings ADD COLUMN occupation TEXT NOT NULL DEFAULT '';
    ALTER TABLE listings ADD COLUMN headcount INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE listings ADD COLUMN valid_from_ms INTEGER NOT NULL DEFAULT 0;
    UPDATE listings SET
      occupation = coalesce(json_extract(data, '$.occupation'), ''),
      headcount = coalesce(json_extract(data, '$.headcount'), 0),
      valid_from_ms = coalesce(CAST(round((julianday(json_extract(data, '$.validFrom')) - 2440587.5) * 86400000) AS INTEGER), 0);
    CREATE INDEX listings_live_trade ON listings (occupation) WHERE deleted = 0;

    CREATE TABLE hub_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
    CREATE TABLE signups (
      id TEXT PRIMARY KEY NOT NULL,
      hall_id TEXT NOT NULL,
      person TEXT NOT NULL,
      occupations TEXT NOT NULL,
      listing_id TEXT,
      signed_up_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX signups_at ON signups (signed_up_at);
    CREATE TABLE halls (
      hall_id TEXT PRIMARY KEY NOT NULL,
      node_id TEXT NOT NULL,
      session TEXT NOT NULL,
      connected INTEGER NOT NULL,
      connected_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      cursor INTEGER NOT NULL DEFAULT 0,
      outbox_pending INTEGER,
      outbox_oldest_at INTEGER,
      screens_online INTEGER,
      screens_total INTEGER
    ) STRICT;
    CREATE TABLE city_snapshots (
      day TEXT NOT NULL,
      occupation TEXT NOT NULL,
      demand INTEGER NOT NULL,
      seekers INTEGER NOT NULL,
      recorded_at INTEGER NOT NULL,
      PRIMARY KEY (day, occupation)
    ) STRICT;
  `);
  const key = randomBytes(32).toString('hex');
  db.prepare("INSERT INTO hub_meta (key, value) VALUES ('person_key', ?)").run(key);
  const insert = db.prepare(
    'INSERT INTO signups (id, hall_id, person, occupations, listing_id, signed_up_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const rows = db.prepare<[], { id: string; hall_id: string; type: string; payload: string; received_at: number }>(
    "SELECT id, hall_id, type, payload, received_at FROM submissions WHERE type = 'registration'",
  );
  for (const r of rows.all()) {
    let payload: unknown;
    try {
      payload = JSON.parse(r.payload);
    } catch {
      continue;
    }
    const fact = signupFactOf(r.type, payload, r.received_at, key);
    if (fact)
      insert.run(r.id, r.hall_id, fact.person, JSON.stringify(fact.occupations), fact.listingId, fact.signedUpAt);
  }
}
