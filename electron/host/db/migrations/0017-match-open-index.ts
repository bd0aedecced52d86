/**
 * Schema 17: a person's open matches counted from the index alone. Matching a person against
 * what is there keeps their best 20 open matches (matching/match-store.ts), so every such write
 * counts the person's open matches whose posting is still valid; with `valid_until_ms` in the
 * index that count never reads the table (the re-match writes 200,000 rows, each counted).
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    DROP INDEX matches_signup;
    CREATE INDEX matches_signup ON matches (signup_id, outcome, valid_until_ms);
  `);
}
