import type { PostingStore } from './posting-store';
import type { Logger } from '../util/logger';

/**
 * Drains the full-text backlog (postings_fts_pending) in small transactions after writes have
 * committed, yielding to the event loop between batches so boards and routes stay responsive
 * while a large sync is indexed. Search is correct throughout: pending rows are scanned.
 */
export interface SearchIndexer {
  /** Something was written: index it soon. */
  kick(): void;
  /** Resolves when the backlog is empty (tests, benchmarks). */
  drained(): Promise<void>;
  close(): void;
}

export function createSearchIndexer(
  store: PostingStore,
  options: { batch?: number; pollMs?: number; log?: Logger } = {},
): SearchIndexer {
  const batch = options.batch ?? 2_000;
  // Every writer (sync, seeding, staff edits, imports) leaves its rows in the backlog; a cheap
  // poll finds them without each writer having to know about the indexer.
  const poll = setInterval(() => {
    if (!scheduled && store.searchBacklog() > 0) schedule();
  }, options.pollMs ?? 1_000);
  poll.unref();
  let scheduled = false;
  let closed = false;
  let waiters: Array<() => void> = [];

  const settle = () => {
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const step = () => {
    scheduled = false;
    if (closed) return settle();
    try {
      if (store.indexSearchBacklog(batch) >= batch) return schedule();
    } catch (error) {
      // The backlog stays and search keeps scanning it; the next write tries again.
      options.log?.error({ err: error }, 'search indexer: a batch failed');
    }
    settle();
  };

  function schedule(): void {
    if (scheduled || closed) return;
    scheduled = true;
    setImmediate(step);
  }

  return {
    kick: schedule,
    drained() {
      if (!scheduled && store.searchBacklog() === 0) return Promise.resolve();
      schedule();
      return new Promise((resolve) => waiters.push(resolve));
    },
    close() {
      closed = true;
      clearInterval(poll);
      settle();
    },
  };
}
