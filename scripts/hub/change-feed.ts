/**
 * A hub node's live fan-out: emits every change of the log to this node's halls exactly once,
 * in seq order, and never one whose predecessor it has not emitted.
 *
 * The node remembers the last seq it emitted. Changes it wrote itself are offered right after
 * their commit and go out at once when they continue that position. Anything else — a change
 * another node wrote (announced by PostgreSQL NOTIFY, see postgres-fanout.ts), a missed
 * notification, an offered batch that does not continue the position — makes the node read the
 * log from its position and emit what it reads. Since the store's committed seqs are always a
 * prefix 1…last, what a read returns is contiguous, so live events can never run ahead of a
 * committed predecessor, whichever node wrote it. A slow poll of lastSeq is the backstop for a
 * notification lost while the listening connection was down.
 *
 * Halls still treat live events as a fast path only (DESIGN.md "Sync rules"): if this node dies
 * between commit and emit, the hall's next heartbeat or catch-up finds the change.
 */
import type { Logger } from 'pino';
import { serialTask } from '../../electron/host/util/serial-task';
import type { HubChange, HubStore } from './hub-store';

export interface ChangeFeedDeps {
  store: Pick<HubStore, 'changesSince' | 'lastSeq'>;
  emit: (change: HubChange) => void;
  /** The last seq already in the log when the node started (halls catch up to it by REST). */
  startAt: number;
  log: Logger;
  /** Check lastSeq this often as a backstop; 0 or absent: never (a single SQLite node). */
  pollMs?: number;
  /** Changes read per round when catching up from the log. */
  readBatch?: number;
}

export interface ChangeFeed {
  /** Changes this node has just committed. */
  offer(changes: readonly HubChange[]): void;
  /** The log is known to reach `seq` (a notification from another node). */
  notify(seq: number): void;
  /** Read the log from the position now (after the listener reconnected). */
  pull(): void;
  /** The last seq emitted. */
  position(): number;
  /** Resolves when no read is running (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

export function createChangeFeed(deps: ChangeFeedDeps): ChangeFeed {
  const { store, emit, log } = deps;
  const readBatch = deps.readBatch ?? 1000;
  let position = deps.startAt;
  let known = deps.startAt;
  let closed = false;
  let failures = 0;

  function emitInOrder(change: HubChange): void {
    if (change.seq !== position + 1) return;
    position = change.seq;
    try {
      emit(change);
    } catch (error) {
      log.error({ err: error, seq: change.seq }, 'change feed: emitting a change failed');
    }
  }

  // Reads the log from the position; asked again while it reads, it reads once more after.
  const reading = serialTask(
    async () => {
      for (;;) {
        if (closed) return;
        const page = await store.changesSince(position, readBatch);
        // The log as this snapshot has it is the truth; a notification can only be older.
        known = page.lastSeq;
        for (const change of page.changes) emitInOrder(change);
        if (!page.hasMore || page.changes.length === 0) break;
      }
    },
    {
      onDone: () => {
        failures = 0;
      },
      onError: (error) => {
        // The database is away; the poll (or the next notification) tries again.
        if (failures++ === 0) log.warn({ err: error, position }, 'change feed: reading the log failed; will retry');
      },
    },
  );
  const pull = () => reading.request();

  const poll =
    deps.pollMs && deps.pollMs > 0
      ? setInterval(() => {
          store.lastSeq().then(
            (last) => {
              if (last > position) notify(last);
            },
            () => undefined,
          );
        }, deps.pollMs)
      : null;
  poll?.unref();

  function notify(seq: number): void {
    if (!Number.isSafeInteger(seq)) return;
    known = Math.max(known, seq);
    if (seq > position) pull();
  }

  return {
    offer(changes) {
      if (closed || changes.length === 0) return;
      const sorted = [...changes].sort((a, b) => a.seq - b.seq);
      known = Math.max(known, sorted.at(-1)!.seq);
      // Straight out while nothing else is being read and the batch continues the position;
      // otherwise the read from the log brings them in order.
      if (!reading.busy() && sorted[0]!.seq <= position + 1) {
        for (const c of sorted) emitInOrder(c);
        if (position >= known) return;
      }
      pull();
    },
    notify,
    pull,
    position: () => position,
    idle: () => reading.idle(),
    close() {
      closed = true;
      if (poll) clearInterval(poll);
      void reading.stop();
    },
  };
}
