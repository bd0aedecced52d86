/**
 * Schema 10: one word for one thing. What a worker gives at the kiosk is a *sign-up* everywhere
 * in the code (README, "Architecture"), so its tables say so too: `registrations` becomes
 * `signups`, `registration_counters` `signup_counters`, and the index follows. Rows, columns
 * and the outbox items (type `registration`, the wire's name) are untouched; a rename in SQLite
 * moves the table's rows, indexes and constraints with it.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    ALTER TABLE registrations RENAME TO signups;
    ALTER TABLE registration_counters RENAME TO signup_counters;
    DROP INDEX registrations_created;
    CREATE INDEX signups_created ON signups (created_at);
  `);
}
