/**
 * Applies a run of upstream changes in seq order and moves the cursor, all in ONE
 * transaction: after a crash the database holds either the whole run and its cursor or
 * neither, so a restart neither skips nor repeats a change.
 *
 * A change that fails validation is quarantined (with its reason) inside the same
 * transaction and the cursor moves past it: one bad posting never stops a hall. Validation
 * itself happens before the transaction (prepare-change.ts): a catch-up brings its pages
 * already checked, and `apply` checks raw changes first.
 */
import type { Posting } from '../../../shared/schemas/posting';
import type { PostingStore } from '../db/posting-store';
import type { QuarantineStore } from '../db/quarantine-store';
import type { Logger } from '../util/logger';
import type { SequencedChange } from './sequenced-change';
import { prepareChange, type PreparedChange } from './prepare-change';

/** Where urgent notices go once the hall has a store for them; applied in the same transaction. */
export interface UrgentSink {
  upsert(id: string, data: unknown): void;
  remove(id: string): void;
}

export interface ApplyDeps {
  store: PostingStore;
  quarantine: QuarantineStore;
  clock: () => number;
  log: Logger;
  /** Recorded with quarantined changes: which upstream sent them. */
  source: string;
  urgent?: UrgentSink | undefined;
  /** Test-only: called inside each transaction after its writes, just before it commits. */
  insideTransaction?: ((run: { fromCursor: number; toCursor: number; changes: number }) => void) | undefined;
}

export interface ApplyResult {
  /** Changes that altered postings (upserts applied, deletes that removed a row). */
  changed: number;
  quarantined: number;
  /** seq at or below the cursor, already applied before. */
  duplicates: number;
  cursor: number;
}

export function createChangeApplier(deps: ApplyDeps) {
  const { store, quarantine, log } = deps;
  let warnedNoUrgentSink = false;

  function quarantineOne(seq: number, reason: string, payload: string): void {
    quarantine.add({ receivedAt: deps.clock(), source: deps.source, seq, reason, payload });
    // Logged here, once: the cursor moves past it, so the same change is never seen again.
    log.warn({ seq, reason: reason.slice(0, 300) }, 'upstream change quarantined');
  }

  /**
   * `changes` must be in ascending seq order. `advanceTo` moves the cursor further (to the
   * hub's lastSeq at the end of a catch-up) when the log has nothing more for this hall.
   */
  function applyPrepared(changes: readonly PreparedChange[], advanceTo?: number): ApplyResult {
    return store.transaction(() => {
      const start = store.getCursor();
      let cursor = start;
      let changed = 0;
      let quarantined = 0;
      let duplicates = 0;
      let upserts: Posting[] = [];
      let deletes: string[] = [];
      const flush = () => {
        if (upserts.length > 0) changed += store.upsertMany(upserts).applied;
        if (deletes.length > 0) changed += store.remove(deletes);
        upserts = [];
        deletes = [];
      };

      for (const c of changes) {
        if (c.seq <= cursor) {
          duplicates++;
          continue;
        }
        cursor = c.seq;
        switch (c.kind) {
          case 'quarantine':
            quarantined++;
            quarantineOne(c.seq, c.reason, c.payload);
            break;
          case 'urgent-upsert':
          case 'urgent-delete':
            flush();
            if (deps.urgent) {
              if (c.kind === 'urgent-upsert') deps.urgent.upsert(c.id, c.data);
              else deps.urgent.remove(c.id);
            } else if (!warnedNoUrgentSink) {
              warnedNoUrgentSink = true;
              log.warn(
                { seq: c.seq },
                'urgent changes from the hub are passed over: no urgent store is wired into sync',
              );
            }
            break;
          case 'posting-delete':
            // keep upstream order: an upsert then a delete of the same id must end deleted
            if (upserts.length > 0) flush();
            deletes.push(c.id);
            break;
          case 'posting-upsert':
            if (deletes.length > 0) flush();
            upserts.push(c.posting);
            break;
        }
      }
      flush();
      if (advanceTo !== undefined && advanceTo > cursor) cursor = advanceTo;
      if (cursor !== start) store.setCursor(cursor);
      deps.insideTransaction?.({ fromCursor: start, toCursor: cursor, changes: changes.length });
      return { changed, quarantined, duplicates, cursor };
    });
  }

  /** Raw changes (a live event, a test): checked here, then applied as above. */
  function apply(changes: readonly SequencedChange[], advanceTo?: number): ApplyResult {
    return applyPrepared(changes.map(prepareChange), advanceTo);
  }

  return { apply, applyPrepared };
}

export type ChangeApplier = ReturnType<typeof createChangeApplier>;
