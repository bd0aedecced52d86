/**
 * Proof of play, stored: the `play_counts` table (migration 0012), one row per hall day,
 * screen and posting with how many times and how many milliseconds it was on a painted page.
 *
 * Writes are batched: the tracker's counts add up in memory and go to the database in one
 * transaction every `flushEveryMs` (and when the pending map gets large, and on close), never
 * one write per heartbeat. Reads flush first, so staff see what was counted up to now. Rows
 * older than `retentionDays` are purged at start and then hourly. Counts only, no personal data.
 */
import type { WritableDatabase } from '../db/handles';
import type { Logger } from '../util/logger';
import { hallDayBefore } from './play-credit';
import type { PlaySink } from './play-tracker';

export interface PlayTotals {
  postingId: string;
  /** Times on a painted page. */
  shows: number;
  /** Screens it was on. */
  screens: number;
  shownMs: number;
}

export interface PlayStore extends PlaySink {
  /** Writes what is pending now (one transaction). */
  flush(): void;
  /** Totals per posting over hall days `from`–`to` (inclusive), optionally for some postings only. */
  totals(from: string, to: string, postingIds?: readonly string[]): PlayTotals[];
  /** The same for one screen (`screens` is then 1 for every posting it showed). */
  totalsByScreen(from: string, to: string, screenId: string): PlayTotals[];
  /** Deletes rows older than the retention period; returns how many went. */
  purge(): number;
  pending(): number;
  readonly retentionDays: number;
  close(): void;
}

export interface PlayStoreOptions {
  clock: () => number;
  log: Logger;
  /** Default 30 s. */
  flushEveryMs?: number;
  /** Default 90 days. */
  retentionDays?: number;
}

export const DEFAULT_PLAY_RETENTION_DAYS = 90;
const FLUSH_EVERY_MS = 30_000;
const PURGE_EVERY_MS = 3600_000;
/** Pending (day, screen, posting) counts that make a flush come early. */
const MAX_PENDING = 20_000;

interface Pending {
  day: string;
  screenId: string;
  postingId: string;
  shows: number;
  ms: number;
}

export function createPlayStore(db: WritableDatabase, options: PlayStoreOptions): PlayStore {
  const { clock, log } = options;
  const retentionDays = options.retentionDays ?? DEFAULT_PLAY_RETENTION_DAYS;
  const pending = new Map<string, Pending>();
  const upsert = db.prepare<Pending>(
    `INSERT INTO play_counts (day, screen_id, posting_id, shows, shown_ms) VALUES (@day, @screenId, @postingId, @shows, @ms)
     ON CONFLICT (day, screen_id, posting_id) DO UPDATE SET shows = shows + excluded.shows, shown_ms = shown_ms + excluded.shown_ms`,
  );
  const write = db.transaction((rows: Pending[]) => {
    for (const row of rows) upsert.run(row);
  });
  const remove = db.prepare<{ before: string }>('DELETE FROM play_counts WHERE day < @before');
  const totalsSql = `SELECT posting_id AS postingId, SUM(shows) AS shows, COUNT(DISTINCT screen_id) AS screens, SUM(shown_ms) AS shownMs
     FROM play_counts WHERE day >= @from AND day <= @to`;
  const allTotals = db.prepare<{ from: string; to: string }, PlayTotals>(`${totalsSql} GROUP BY posting_id`);
  const someTotals = db.prepare<{ from: string; to: string; ids: string }, PlayTotals>(
    `${totalsSql} AND posting_id IN (SELECT value FROM json_each(@ids)) GROUP BY posting_id`,
  );

  const screenTotals = db.prepare<{ from: string; to: string; screenId: string }, PlayTotals>(
    `${totalsSql} AND screen_id = @screenId GROUP BY posting_id`,
  );
  const numbers = (rows: PlayTotals[]) =>
    rows.map((r) => ({ ...r, shows: Number(r.shows), screens: Number(r.screens), shownMs: Number(r.shownMs) }));

  function flush(): void {
    if (pending.size === 0) return;
    const rows = [...pending.values()];
    pending.clear();
    try {
      write(rows.map((r) => ({ ...r, ms: Math.round(r.ms) })));
    } catch (error) {
      // put them back: the next flush tries again
      for (const row of rows) add(row.day, row.screenId, row.postingId, row.shows, row.ms);
      log.warn(
        { err: error, rows: rows.length },
        'proof of play: could not write counts; keeping them for the next flush',
      );
    }
  }

  function add(day: string, screenId: string, postingId: string, shows: number, ms: number): void {
    const key = `${day}\u0000${screenId}\u0000${postingId}`;
    const row = pending.get(key);
    if (row) {
      row.shows += shows;
      row.ms += ms;
    } else {
      pending.set(key, { day, screenId, postingId, shows, ms });
    }
    if (pending.size >= MAX_PENDING) flush();
  }

  function purge(): number {
    const before = hallDayBefore(clock(), retentionDays);
    const removed = remove.run({ before }).changes;
    if (removed > 0) log.info({ removed, before }, 'proof of play: purged old counts');
    return removed;
  }

  const flushTimer = setInterval(flush, options.flushEveryMs ?? FLUSH_EVERY_MS);
  flushTimer.unref();
  purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();

  return {
    add,
    flush,
    totals(from, to, postingIds) {
      flush();
      return numbers(
        postingIds ? someTotals.all({ from, to, ids: JSON.stringify(postingIds) }) : allTotals.all({ from, to }),
      );
    },
    totalsByScreen(from, to, screenId) {
      flush();
      return numbers(screenTotals.all({ from, to, screenId }));
    },
    purge,
    pending: () => pending.size,
    retentionDays,
    close() {
      clearInterval(flushTimer);
      clearInterval(purgeTimer);
      flush();
    },
  };
}
