/**
 * Schema 15: a name and a place staff give each paired kiosk ("入口左侧一体机", "二楼服务区"),
 * so the console's device list says which machine is which instead of `kiosk-19f0fa80`.
 * Empty for kiosks paired before; staff name them on the screens page.
 */
import type { Database } from '../handles';

export function migrate(db: Database): void {
  db.exec(`
    ALTER TABLE kiosk_devices ADD COLUMN label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 30);
    ALTER TABLE kiosk_devices ADD COLUMN place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 30);
  `);
}
