/**
 * Checkpointing for bursts of writes. In WAL mode SQLite copies the log back into the database
 * file after any commit that leaves the log longer than `wal_autocheckpoint` pages (1000 by
 * default, about 4 MB). A first sync commits a page of postings at a time, each page larger
 * than that, so every commit paid for a checkpoint — a sixth of the ingest time. During a burst
 * the threshold is raised instead (the log still cannot grow without bound), and one
 * checkpoint runs at the end.
 */
import type { WritableDatabase } from './handles';

/** Log pages allowed during a burst before SQLite checkpoints anyway (256 MB of 4 KB pages). */
export const BULK_CHECKPOINT_PAGES = 65_536;

/** Raises the checkpoint threshold; the returned function restores it and checkpoints once. */
export function beginBulkWrites(db: WritableDatabase, pages = BULK_CHECKPOINT_PAGES): () => void {
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(previous, pages)}`);
  let ended = false;
  return () => {
    if (ended || !db.open) return;
    ended = true;
    db.pragma(`wal_autocheckpoint = ${previous}`);
    // PASSIVE: copies what no reader still needs and never waits for a board's read.
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}
