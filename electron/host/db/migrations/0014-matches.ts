/**
 * Schema 14: matches (electron/host/matching/). One row per sign-up and posting the matcher
 * (shared/matching/) paired: the score, the reasons (i18n keys with parameters, packed by
 * shared/matching/reason-codes.ts), when
 * it matched and the posting's validity then, and what staff made of it — 已通知 `notified`,
 * 未接通 `unreachable`, 不合适 `unsuitable`, 已上岗 `placed` — with when and who.
 *
 * Keyed by posting first: a new posting's entries sit together in the table (a few pages
 * written, not one per person); `matches_signup` finds a person's matches.
 *
 * A match belongs to its sign-up (ON DELETE CASCADE): the retention purge that deletes a
 * sign-up deletes its matches in the same statement. It does not belong to the posting: the
 * queue joins the postings, so a posting that is gone, hidden or past its validity leaves the
 * queue, while the outcome (with the trade, kept here) still counts in the pulse.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE matches (
      signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
      posting_id TEXT NOT NULL,
      occupation TEXT NOT NULL,
      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
      reasons TEXT NOT NULL DEFAULT '',
      matched_at INTEGER NOT NULL,
      valid_until_ms INTEGER NOT NULL,
      outcome TEXT CHECK (outcome IN ('notified', 'unreachable', 'unsuitable', 'placed')),
      outcome_at INTEGER,
      outcome_by TEXT,
      -- first 已通知 (or 已上岗, which implies it): the pulse's time from sign-up to a call
      notified_at INTEGER,
      PRIMARY KEY (posting_id, signup_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX matches_signup ON matches (signup_id, outcome);
    CREATE INDEX matches_queue ON matches (valid_until_ms, outcome);
  `);
}
