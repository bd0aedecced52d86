/**
 * Schema 12: the employer's booth in the hall today (DOMAIN.md, `booth`, e.g. A12). NULL for
 * every posting stored before it: no booth is known until the platform, an import or staff
 * give one. The column is not in the full-text index (a code like A12 is searched by the
 * visitor walking to it, not typed into the kiosk).
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec('ALTER TABLE postings ADD COLUMN booth TEXT;');
}
