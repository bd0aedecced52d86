/**
 * Schema 8: `board_devices`, the board pages on the hall network that staff paired.
 *
 * A board page from the LAN (a smart TV, an LED controller's browser) pairs like a browser
 * kiosk: it shows a code, staff approve it in 屏幕管理, and it keeps a device token. The token
 * is bound to one screen, so a paired page can only ever show and report for that screen. Only
 * a SHA-256 of the token is stored: a copied database cannot connect as a screen.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE board_devices (
      id TEXT PRIMARY KEY NOT NULL,
      screen_id TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      approved_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER,
      revoked_at INTEGER
    ) STRICT;
  `);
}
