/**
 * Readers of `posting_changes` (migration 0007): each in-memory copy of the postings (the board
 * planner's, the kiosk's headline index) has a cursor and reads the ids written after it.
 * Rows every cursor has passed are pruned; the newest row always stays, so a seq is never
 * handed out twice (it is a plain rowid).
 */
import type { Database } from './handles';

export interface ChangeCursor {
  /** Ids written after the cursor (at most `maxRows` changes, in order), moving the cursor past them. */
  next(maxRows: number): string[];
  /** Changes after the cursor, not yet read. */
  behind(): number;
  /** Moves the cursor to the newest change (the reader is about to load everything anyway). */
  skipToEnd(): void;
  close(): void;
}

interface Log {
  cursors: Set<{ seq: number }>;
  maxSeq: () => number;
  changes: (after: number, limit: number) => { seq: number; id: string }[];
  count: (after: number) => number;
  prune: (below: number) => void;
}

const logs = new WeakMap<Database, Log>();

function logOf(db: Database): Log {
  let log = logs.get(db);
  if (log) return log;
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM posting_changes');
  const changes = db.prepare<{ after: number; limit: number }, { seq: number; id: string }>(
    'SELECT seq, id FROM posting_changes WHERE seq > @after ORDER BY seq LIMIT @limit',
  );
  const count = db.prepare<{ after: number }, { n: number }>(
    'SELECT COUNT(*) AS n FROM posting_changes WHERE seq > @after',
  );
  const prune = db.prepare<{ below: number }>('DELETE FROM posting_changes WHERE seq < @below');
  log = {
    cursors: new Set(),
    maxSeq: () => maxSeq.get()?.seq ?? 0,
    changes: (after, limit) => changes.all({ after, limit }),
    count: (after) => count.get({ after })?.n ?? 0,
    prune: (below) => void prune.run({ below }),
  };
  logs.set(db, log);
  return log;
}

/** A cursor at the newest change: what is written from now on. */
export function openChangeCursor(db: Database): ChangeCursor {
  const log = logOf(db);
  const state = { seq: log.maxSeq() };
  log.cursors.add(state);
  const pruneBehind = () => {
    let low = Infinity;
    for (const c of log.cursors) low = Math.min(low, c.seq);
    if (Number.isFinite(low) && low > 0 && !db.readonly) log.prune(low);
  };
  pruneBehind();
  return {
    next(maxRows) {
      const run = log.changes(state.seq, maxRows);
      if (run.length === 0) return [];
      state.seq = run.at(-1)!.seq;
      pruneBehind();
      return [...new Set(run.map((c) => c.id))];
    },
    behind: () => log.count(state.seq),
    skipToEnd() {
      state.seq = log.maxSeq();
      pruneBehind();
    },
    close() {
      log.cursors.delete(state);
    },
  };
}
