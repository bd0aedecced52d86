/**
 * The `meta` key/value table: small facts about the data (sync cursor, last change time) that
 * must be written in the same transaction as the rows they describe.
 */
import type { Database } from './handles';

export const META_KEYS = {
  syncCursor: 'sync.cursor',
  dataUpdatedAt: 'data.updatedAt',
} as const;

export interface MetaStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export function createMetaStore(db: Database): MetaStore {
  const select = db.prepare<{ key: string }, { value: string }>('SELECT value FROM meta WHERE key = @key');
  const upsert = db.prepare<{ key: string; value: string }>(
    'INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<{ key: string }>('DELETE FROM meta WHERE key = @key');
  return {
    get: (key) => select.get({ key })?.value,
    set: (key, value) => void upsert.run({ key, value }),
    delete: (key) => void remove.run({ key }),
  };
}

/** A stored integer, or `fallback` when the key is missing or holds something else. */
export function readInteger(meta: MetaStore, key: string, fallback: number): number;
export function readInteger(meta: MetaStore, key: string, fallback: null): number | null;
export function readInteger(meta: MetaStore, key: string, fallback: number | null): number | null {
  const raw = meta.get(key);
  if (raw === undefined || !/^-?\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : fallback;
}
