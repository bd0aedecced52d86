/**
 * Schema 16: sign-ups by phone, so the console can say "this number signed up before (A-0003)"
 * for each row of a page without reading every sign-up.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec('CREATE INDEX signups_phone ON signups (phone, created_at)');
}
