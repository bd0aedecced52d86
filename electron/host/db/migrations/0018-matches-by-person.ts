/**
 * Schema 18: the matches table keyed by person first, the shape its writes have.
 *
 * A full re-match replaces every person's call list (20 rows each, 200,000 for a city) and a
 * new posting touches a few people's lists; reads are by person too (the kiosk's "N 个适合您的
 * 岗位", the retention purge's cascade). Keyed by posting (schema 14), every person's 20 rows
 * landed on 20 scattered pages, and with an index of validity dates beside it a re-match wrote
 * 200,000 random B-tree entries three times over. Now a person's rows sit together, and:
 *
 * - how many untouched matches a person has and the lowest score among them is read from a
 *   page or two of the table itself (a new posting enters a list only when it beats that), so
 *   no index by person is needed beside the key;
 * - `district_code` is the posting's district when it matched (as `occupation` is its trade):
 *   a posting edited to another trade or district no longer shows the matches it made before
 *   (the queue compares them) without a posting-keyed index to find and delete them; the
 *   hourly prune removes them;
 * - `matches_placed` counts 已上岗 per posting (a full posting matches nobody), small because
 *   only placements are in it.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE matches_by_person (
      signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
      posting_id TEXT NOT NULL,
      occupation TEXT NOT NULL,
      district_code TEXT NOT NULL,
      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
      reasons TEXT NOT NULL DEFAULT '',
      matched_at INTEGER NOT NULL,
      valid_until_ms INTEGER NOT NULL,
      outcome TEXT CHECK (outcome IN ('notified', 'unreachable', 'unsuitable', 'placed')),
      outcome_at INTEGER,
      outcome_by TEXT,
      notified_at INTEGER,
      PRIMARY KEY (signup_id, posting_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO matches_by_person (signup_id, posting_id, occupation, district_code, score, reasons, matched_at,
        valid_until_ms, outcome, outcome_at, outcome_by, notified_at)
      SELECT m.signup_id, m.posting_id, m.occupation, COALESCE(p.district_code, ''), m.score, m.reasons, m.matched_at,
        m.valid_until_ms, m.outcome, m.outcome_at, m.outcome_by, m.notified_at
      FROM matches m LEFT JOIN postings p ON p.id = m.posting_id;
    DROP TABLE matches;
    ALTER TABLE matches_by_person RENAME TO matches;
    CREATE INDEX matches_placed ON matches (posting_id) WHERE outcome = 'placed';
  `);
}
