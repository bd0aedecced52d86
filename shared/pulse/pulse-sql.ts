/**
 * The market pulse's counts as SQLite queries, for the hall's database (electron/host/pulse/
 * pulse-query.ts) and the reference hub's SQLite store (scripts/hub/sqlite-store.ts) alike: one
 * definition of D and S (DOMAIN.md "Market indices") over each one's own names.
 *
 * D: open headcount of the postings valid at `@now`, by trade. S: distinct people who signed up
 * in `@since`…`@now`, by trade — a sign-up that names no trade counts for its posting's trade —
 * and over all trades, each person once. Pure text: nothing here touches a database.
 */

export interface PulseTables {
  /** The postings table (the hall: `postings`; the hub keeps the platform's `listings`). */
  postings: string;
  /** The condition that keeps a posting on the market besides its validity (`hidden = 0`). */
  listed: string;
  /** The column that names a person (the hall: `phone`; the hub: a hashed `person`). */
  person: string;
  /** The column with a sign-up's time in ms. */
  signedUpAt: string;
}

/** `{ occupation, n }` per trade: D. Parameter `@now`. */
export function demandByTradeSql(t: PulseTables): string {
  return `SELECT occupation, SUM(headcount) AS n FROM ${t.postings}
     WHERE ${t.listed} AND valid_from_ms <= @now AND valid_until_ms > @now GROUP BY occupation`;
}

/** `{ occupation, n }` per trade: S. Parameters `@since`, `@now`. */
export function seekersByTradeSql(t: PulseTables): string {
  return `WITH recent AS (
       SELECT ${t.person} AS person, occupations, listing_id FROM signups WHERE ${t.signedUpAt} >= @since AND ${t.signedUpAt} <= @now
     ), pairs AS (
       SELECT j.value AS occupation, r.person AS person FROM recent r, json_each(r.occupations) j
       UNION
       SELECT l.occupation, r.person FROM recent r JOIN ${t.postings} l ON l.id = r.listing_id WHERE r.occupations = '[]'
     )
     SELECT occupation, COUNT(DISTINCT person) AS n FROM pairs GROUP BY occupation`;
}

/** `{ n }`: S over all trades, each person once. Parameters `@since`, `@now`. */
export function seekersTotalSql(t: PulseTables): string {
  return `SELECT COUNT(DISTINCT ${t.person}) AS n FROM signups WHERE ${t.signedUpAt} >= @since AND ${t.signedUpAt} <= @now`;
}
