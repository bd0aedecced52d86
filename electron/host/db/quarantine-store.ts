/**
 * Upstream changes that failed validation, kept with their reason so staff can see what was
 * refused. Writes join the caller's transaction, so the sync client can quarantine a change
 * and move its cursor past it atomically.
 */
import type { WritableDatabase } from './handles';

export interface QuarantineEntry {
  id: number;
  receivedAt: number;
  source: string;
  seq: number | null;
  reason: string;
  /** The raw change as received, JSON text. */
  payload: string;
}

export interface QuarantineStore {
  add(entry: Omit<QuarantineEntry, 'id'>): number;
  list(limit?: number): QuarantineEntry[];
  count(): number;
}

interface QuarantineRow {
  id: number;
  received_at: number;
  source: string;
  seq: number | null;
  reason: string;
  payload: string;
}

export function createQuarantineStore(db: WritableDatabase): QuarantineStore {
  const insert = db.prepare<Omit<QuarantineRow, 'id'>>(
    'INSERT INTO quarantine (received_at, source, seq, reason, payload) VALUES (@received_at, @source, @seq, @reason, @payload)',
  );
  const select = db.prepare<{ limit: number }, QuarantineRow>('SELECT * FROM quarantine ORDER BY id DESC LIMIT @limit');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM quarantine');
  return {
    add(e) {
      const info = insert.run({
        received_at: e.receivedAt,
        source: e.source,
        seq: e.seq,
        reason: e.reason,
        payload: e.payload,
      });
      return Number(info.lastInsertRowid);
    },
    list: (limit = 100) =>
      select.all({ limit }).map((r) => ({
        id: r.id,
        receivedAt: r.received_at,
        source: r.source,
        seq: r.seq,
        reason: r.reason,
        payload: r.payload,
      })),
    count: () => countAll.get()?.n ?? 0,
  };
}
