/**
 * What the board planner must learn from the database, in small pieces: first every valid,
 * visible posting (in rowid order), then the postings written since (`posting_changes`, filled
 * by triggers; migration 0007). Each call reads at most `maxRows` rows, so the host's thread is
 * never held for long however much changed: a first sync of 100,000 postings is fed in pieces
 * between which the host answers pages and sockets.
 *
 * A posting that is hidden, expired or deleted is sent as a removal.
 */
import type { Posting } from '../../../shared/schemas/posting';
import type { WritableDatabase } from '../db/handles';
import { rowToPosting, type PostingRow } from '../db/posting-row';
import { openChangeCursor, type ChangeCursor } from '../db/posting-changes';
import type { PostingDelta } from './plan-engine';

export const FEED_CHUNK_ROWS = 1000;

export interface PostingFeed {
  /** The next piece, or null when the planner is level with the database. */
  next(now: number, maxRows?: number): PostingDelta | null;
  /** Start over with a full load (the planner lost its copy). */
  reset(): void;
  /** Rows written that the planner has not been sent yet (an estimate, for /healthz). */
  behind(): number;
}

export function createPostingFeed(db: WritableDatabase): PostingFeed {
  const byRowid = db.prepare<{ after: number; now: number; limit: number }, PostingRow & { rowid: number }>(
    'SELECT rowid, * FROM postings WHERE rowid > @after AND hidden = 0 AND valid_until_ms > @now ORDER BY rowid LIMIT @limit',
  );
  const byIds = db.prepare<{ ids: string }, PostingRow>(
    'SELECT * FROM postings WHERE id IN (SELECT value FROM json_each(@ids))',
  );
  const cursor: ChangeCursor = openChangeCursor(db);

  /** Full load in progress: rowid reached so far (null once done). */
  let loadAfter: number | null = 0;
  let first = true;

  function startFull(): void {
    // Changes from here on are read after the load (a row read twice is simply upserted twice).
    cursor.skipToEnd();
    loadAfter = 0;
    first = true;
  }
  startFull();

  return {
    next(now, maxRows = FEED_CHUNK_ROWS) {
      if (loadAfter !== null) {
        const rows = byRowid.all({ after: loadAfter, now, limit: maxRows });
        const reset = first;
        first = false;
        loadAfter = rows.length < maxRows ? null : rows.at(-1)!.rowid;
        return { ...(reset ? { reset: true } : {}), upserts: rows.map(rowToPosting), removes: [] };
      }
      const ids = cursor.next(maxRows);
      if (ids.length === 0) return null;
      const found = new Map(byIds.all({ ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
      const upserts: Posting[] = [];
      const removes: string[] = [];
      for (const id of ids) {
        const row = found.get(id);
        if (row && row.hidden === 0 && row.valid_until_ms > now) upserts.push(rowToPosting(row));
        else removes.push(id);
      }
      return { upserts, removes };
    },
    reset: startFull,
    behind: () => cursor.behind() + (loadAfter !== null ? 1 : 0),
  };
}
