/**
 * PostgreSQL schema 2: the same as SQLite's schema 2 (see there) — posting trade, headcount and
 * start as columns, sign-up facts backfilled from stored registrations, hall status, daily
 * snapshots per trade, and the key that turns phones into person ids.
 */
import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { signupFactOf } from '../../signup-facts';

export async function migrate(db: PoolClient): Promise<void> {
  await db.query(`
    ALTER TABLE listings ADD COLUMN occupation text NOT NULL DEFAULT '';
    ALTER TABLE listings ADD COLUMN headcount integer NOT NULL DEFAULT 0;
    ALTER TABLE listings ADD COLUMN valid_from_ms bigint NOT NULL DEFAULT 0;
    UPDATE listings SET
      occupation = coalesce(data::jsonb ->> 'occupation', ''),
      headcount = coalesce((data::jsonb ->> 'headcount')::integer, 0),
      valid_from_ms = coalesce((extract(epoch FROM (data::jsonb ->> 'validFrom')::timestamptz) * 1000)::bigint, 0);
    CREATE INDEX listings_live_trade ON listings (occupation) WHERE NOT deleted;

    CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE signups (
      id text COLLATE "C" PRIMARY KEY,
      hall_id text NOT NULL,
      person text NOT NULL,
      occupations text[] NOT NULL,
      listing_id text,
      signed_up_at bigint NOT NULL
    );
    CREATE INDEX signups_at ON signups (signed_up_at);
    CREATE TABLE halls (
      hall_id text PRIMARY KEY,
      node_id text NOT NULL,
      session text NOT NULL,
      connected boolean NOT NULL,
      connected_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      cursor bigint NOT NULL DEFAULT 0,
      outbox_pending integer,
      outbox_oldest_at bigint,
      screens_online integer,
      screens_total integer
    );
    CREATE TABLE city_snapshots (
      day text NOT NULL,
      occupation text NOT NULL,
      demand integer NOT NULL,
      seekers integer NOT NULL,
      recorded_at bigint NOT NULL,
      PRIMARY KEY (day, occupation)
    );
  `);
  const key = randomBytes(32).toString('hex');
  await db.query("INSERT INTO hub_meta (key, value) VALUES ('person_key', $1)", [key]);
  const { rows } = await db.query<{ id: string; hall_id: string; type: string; payload: string; received_at: string }>(
    "SELECT id, hall_id, type, payload, received_at FROM submissions WHERE type = 'registration'",
  );
  for (const r of rows) {
    let payload: unknown;
    try {
      payload = JSON.parse(r.payload);
    } catch {
      continue;
    }
    const fact = signupFactOf(r.type, payload, Number(r.received_at), key);
    if (!fact) continue;
    await db.query(
      'INSERT INTO signups (id, hall_id, person, occupations, listing_id, signed_up_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [r.id, r.hall_id, fact.person, fact.occupations, fact.listingId, fact.signedUpAt],
    );
  }
}
