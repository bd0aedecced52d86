/** The hall's one notice line and one emergency message, kept across restarts. */
import type { WritableDatabase } from '../db/handles';
import type { Announcement } from '../../../shared/schemas/urgent';

export type AnnouncementKind = 'notice' | 'emergency';

interface Row {
  title: string;
  body: string;
  expires_at: number | null;
  set_at: number;
}

export interface AnnouncementStore {
  set(
    kind: AnnouncementKind,
    value: { title: string; body: string; expiresAt: number | null },
    by: string,
    now: number,
  ): void;
  /** True when there was one to clear. */
  clear(kind: AnnouncementKind): boolean;
  get(kind: AnnouncementKind, now: number): Announcement | null;
}

export function createAnnouncementStore(db: WritableDatabase): AnnouncementStore {
  const put = db.prepare<{
    kind: string;
    title: string;
    body: string;
    expires_at: number | null;
    set_at: number;
    set_by: string;
  }>(
    `INSERT INTO hall_announcements (kind, title, body, expires_at, set_at, set_by) VALUES (@kind, @title, @body, @expires_at, @set_at, @set_by)
     ON CONFLICT (kind) DO UPDATE SET title = excluded.title, body = excluded.body, expires_at = excluded.expires_at, set_at = excluded.set_at, set_by = excluded.set_by`,
  );
  const remove = db.prepare<{ kind: string }>('DELETE FROM hall_announcements WHERE kind = @kind');
  const select = db.prepare<{ kind: string }, Row>(
    'SELECT title, body, expires_at, set_at FROM hall_announcements WHERE kind = @kind',
  );
  return {
    set(kind, value, by, now) {
      put.run({ kind, title: value.title, body: value.body, expires_at: value.expiresAt, set_at: now, set_by: by });
    },
    clear: (kind) => remove.run({ kind }).changes > 0,
    get(kind, now) {
      const row = select.get({ kind });
      if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
      return { title: row.title, body: row.body, setAt: row.set_at, expiresAt: row.expires_at };
    },
  };
}
