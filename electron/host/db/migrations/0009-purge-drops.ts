/**
 * Schema 9: a sign-up purge records how many undelivered outbox items it dropped. Past the
 * retention period a sign-up's outbox item goes too, delivered or not: its copy of the phone
 * and name must not outlive the sign-up because the platform was unreachable.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec('ALTER TABLE signup_purges ADD COLUMN outbox_dropped INTEGER NOT NULL DEFAULT 0;');
}
