/**
 * The change intake: what comes from the hub goes into the applier here, and only here.
 *
 * Live `change` events are the fast path — applied when they are exactly the next seq, skipped
 * when already applied, and a gap starts a catch-up. The catch-up pages through the REST feed
 * from the cursor (page-source.ts); live changes that arrive meanwhile are buffered and drained
 * after it. A failed apply or page is retried by another catch-up, with back-off. This moves the
 * cursor and the hub's last seq in the shared SyncState; sync-client.ts wires it to the socket
 * (sync-connection.ts), which calls onLive for each `change` and startCatchUp on connect and
 * when a heartbeat ack shows the hall behind.
 */
import { setImmediate } from 'node:timers/promises';
import type { ApplyResult } from './apply-changes';
import { backoffDelay } from './backoff';
import { seqOf, type SequencedChange } from './sequenced-change';
import { HubAuthError, type HubRequestError } from './hub-api';
import type { PageSource } from './page-source';
import type { SyncClientDeps, SyncState, SyncTuning } from './sync-client';

export interface SyncIntakeDeps extends Pick<
  SyncClientDeps,
  'applier' | 'random' | 'onDataChanged' | 'onStatusChanged' | 'beginBulkWrites'
> {
  tuning: SyncTuning;
  state: SyncState;
  pages: PageSource;
  signal: AbortSignal;
  setError(code: string, message: string): void;
  markSynced(): void;
  /** REST refused the token: drop the hub socket (its disconnect then backs off slowly). */
  dropSocket(): void;
}

export interface SyncIntake {
  /** A live `change` event from the current socket. */
  onLive(raw: unknown): void;
  startCatchUp(): Promise<void>;
  /** The running catch-up, or null. */
  running(): Promise<void> | null;
  /** Live changes held for after the running catch-up. */
  buffered(): number;
  /** Offline or closing: no catch-up retry is due any more. */
  cancelRetry(): void;
}

export function createSyncIntake(deps: SyncIntakeDeps): SyncIntake {
  const { applier, tuning, state, pages, setError, markSynced } = deps;
  let catchUp: Promise<void> | null = null;
  let catchUpAgain = false;
  let buffer: SequencedChange[] = [];
  let bufferOverflowed = false;
  let retryCatchUpTimer: NodeJS.Timeout | null = null;
  let catchUpFailures = 0;

  // ---- applying --------------------------------------------------------------------------

  /** Takes in what one applier transaction committed. */
  function applied(result: ApplyResult): void {
    state.cursor = result.cursor;
    if (state.hubLastSeq === null || state.cursor > state.hubLastSeq) state.hubLastSeq = state.cursor;
    if (result.changed > 0) deps.onDataChanged();
  }

  function handleLive(change: SequencedChange): void {
    if (change.seq <= state.cursor) return;
    if (change.seq === state.cursor + 1) {
      applied(applier.apply([change]));
      markSynced();
      return;
    }
    buffer.push(change);
    startCatchUp();
  }

  function onLive(raw: unknown): void {
    if (state.closed) return;
    const seq = seqOf(raw);
    if (seq === null) {
      setError(
        'bad_live_change',
        'sync: ignored a live change without a usable seq; the next catch-up reads it from the feed',
      );
      return;
    }
    if (state.hubLastSeq === null || seq > state.hubLastSeq) state.hubLastSeq = seq;
    if (catchUp) {
      if (buffer.length < tuning.maxBuffered) buffer.push({ seq, raw });
      else bufferOverflowed = true;
      return;
    }
    try {
      handleLive({ seq, raw });
    } catch (error) {
      // The transaction rolled back and the cursor did not move: the feed will replay it.
      setError(
        'apply_failed',
        `sync: applying change ${seq} failed (${(error as Error).message}); retrying by catch-up`,
      );
      scheduleCatchUpRetry();
    }
  }

  // ---- catch-up --------------------------------------------------------------------------

  async function runCatchUp(): Promise<void> {
    // One stream of pages from the cursor (the page source reads ahead while this thread
    // writes); a new stream whenever the cursor moved some other way between pages.
    for (;;) {
      let restart = false;
      let synced = false;
      for await (const page of pages.pages(state.cursor, deps.signal)) {
        if (state.closed) return;
        state.hubLastSeq = Math.max(state.hubLastSeq ?? 0, page.lastSeq);
        const done = !page.hasMore;
        // At the end of the feed the cursor may move to lastSeq: nothing lies in between.
        applied(applier.applyPrepared(page.changes, done ? page.lastSeq : undefined));
        if (done) {
          if (page.lastSeq < state.cursor) {
            setError(
              'hub_behind',
              `sync: the hub's log ends at ${page.lastSeq} but this hall has applied up to ${state.cursor}; was the hub reset?`,
            );
          }
          markSynced();
          synced = true;
          break;
        }
        if (state.cursor !== page.through) {
          restart = true;
          break;
        }
        // Pages the worker sent together arrive in one turn of the event loop, and taking the
        // next one never leaves the microtask queue: turn the loop, so boards, kiosks and
        // /healthz are served between two pages' writes, not after the whole catch-up.
        await setImmediate();
      }
      // the stream is closed now; the page worker's heap is not needed until the next catch-up
      if (synced) await pages.rest();
      if (!restart || state.closed) return;
    }
  }

  function drainBuffer(): void {
    const pending = buffer.sort((a, b) => a.seq - b.seq);
    buffer = [];
    for (const change of pending) {
      if (catchUp) {
        buffer.push(change);
        continue;
      }
      handleLive(change);
    }
  }

  function startCatchUp(): Promise<void> {
    if (catchUp) {
      catchUpAgain = true;
      return catchUp;
    }
    if (retryCatchUpTimer) {
      clearTimeout(retryCatchUpTimer);
      retryCatchUpTimer = null;
    }
    catchUp = (async () => {
      const endBulkWrites = deps.beginBulkWrites?.() ?? (() => undefined);
      try {
        do {
          catchUpAgain = false;
          bufferOverflowed = false;
          await runCatchUp();
        } while ((catchUpAgain || bufferOverflowed) && !state.closed);
        endBulkWrites();
        catchUpFailures = 0;
        if (state.lastError && state.lastError.code !== 'hub_behind') state.lastError = null;
        deps.onStatusChanged();
      } catch (error) {
        if (state.closed) return;
        if (error instanceof HubAuthError) {
          setError('unauthorized', error.message);
          // The socket may still be up with a revoked token; drop it and back off slowly.
          state.authFailures++;
          state.tokenRefused = true;
          deps.dropSocket();
          return;
        }
        setError((error as HubRequestError).code ?? 'catch_up_failed', (error as Error).message);
        scheduleCatchUpRetry();
      } finally {
        catchUp = null;
        endBulkWrites();
      }
      if (!state.closed) {
        try {
          drainBuffer();
        } catch (error) {
          setError('apply_failed', `sync: applying buffered changes failed (${(error as Error).message})`);
          scheduleCatchUpRetry();
        }
      }
    })();
    return catchUp;
  }

  function scheduleCatchUpRetry(): void {
    if (state.closed || !state.connected || retryCatchUpTimer) return;
    catchUpFailures++;
    const delay = backoffDelay(tuning.reconnect, catchUpFailures, deps.random);
    retryCatchUpTimer = setTimeout(() => {
      retryCatchUpTimer = null;
      if (state.connected && !state.closed) void startCatchUp();
    }, delay);
    retryCatchUpTimer.unref();
  }

  return {
    onLive,
    startCatchUp,
    running: () => catchUp,
    buffered: () => buffer.length,
    cancelRetry() {
      if (retryCatchUpTimer) clearTimeout(retryCatchUpTimer);
      retryCatchUpTimer = null;
    },
  };
}
