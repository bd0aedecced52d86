/**
 * Applies a run of upstream changes in seq order and moves the cursor, all in ONE
 * transaction: after a crash the database holds either the whole run and its cursor or
 * neither, so a restart neither skips nor repeats a change.
 *
 * A change that fails validation is quarantined (with its reason) inside the same
 * transaction and the cursor moves past it: one bad posting never stops a hall.
 */
import { ListingSchema, describeIssues, type Listing } from '../../../shared/schemas/listing';
import type { ListingStore } from '../db/listing-store';
import type { QuarantineStore } from '../db/quarantine-store';
import type { Logger } from '../util/logger';
import { ChangeEnvelopeSchema, type SequencedChange } from './change-schema';

/** Where urgent notices go once the hall has a store for them; applied in the same transaction. */
export interface UrgentSink {
  upsert(id: string, data: unknown): void;
  remove(id: string): void;
}

export interface ApplyDeps {
  store: ListingStore;
  quarantine: QuarantineStore;
  clock: () => number;
  log: Logger;
  /** Recorded with quarantined changes: which upstream sent them. */
  source: string;
  urgent?: UrgentSink | undefined;
}

export interface ApplyResult {
  /** Changes that altered postings (upserts applied, deletes that removed a row). */
  changed: number;
  quarantined: number;
  /** seq at or below the cursor, already applied before. */
  duplicates: number;
  cursor: number;
}

/** Quarantined payloads are evidence, not data: keep enough to see what was wrong. */
const MAX_QUARANTINE_PAYLOAD = 16 * 1024;

function payloadText(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? 'undefined';
  } catch {
    text = String(raw);
  }
  return text.length > MAX_QUARANTINE_PAYLOAD ? `${text.slice(0, MAX_QUARANTINE_PAYLOAD)}…[truncated, ${text.length} characters]` : text;
}

export function createChangeApplier(deps: ApplyDeps) {
  const { store, quarantine, log } = deps;
  let warnedNoUrgentSink = false;

  function quarantineOne(seq: number, raw: unknown, reason: string): void {
    quarantine.add({ receivedAt: deps.clock(), source: deps.source, seq, reason, payload: payloadText(raw) });
    // Logged here, once: the cursor moves past it, so the same change is never seen again.
    log.warn({ seq, reason: reason.slice(0, 300) }, 'upstream change quarantined');
  }

  /**
   * `changes` must be in ascending seq order. `advanceTo` moves the cursor further (to the
   * hub's lastSeq at the end of a catch-up) when the log has nothing more for this hall.
   */
  function apply(changes: readonly SequencedChange[], advanceTo?: number): ApplyResult {
    return store.transaction(() => {
      const start = store.getCursor();
      let cursor = start;
      let changed = 0;
      let quarantined = 0;
      let duplicates = 0;
      let upserts: Listing[] = [];
      let deletes: string[] = [];
      const flush = () => {
        if (upserts.length > 0) changed += store.upsertMany(upserts).applied;
        if (deletes.length > 0) changed += store.remove(deletes);
        upserts = [];
        deletes = [];
      };

      for (const { seq, raw } of changes) {
        if (seq <= cursor) {
          duplicates++;
          continue;
        }
        cursor = seq;
        const envelope = ChangeEnvelopeSchema.safeParse(raw);
        if (!envelope.success) {
          quarantined++;
          quarantineOne(seq, raw, `change: ${describeIssues(envelope.error)}`);
          continue;
        }
        const c = envelope.data;
        if (c.type === 'urgent') {
          flush();
          if (deps.urgent) {
            if (c.op === 'upsert') deps.urgent.upsert(c.id, c.data);
            else deps.urgent.remove(c.id);
          } else if (!warnedNoUrgentSink) {
            warnedNoUrgentSink = true;
            log.warn({ seq }, 'urgent changes from the hub are passed over: no urgent store is wired into sync');
          }
          continue;
        }
        if (c.op === 'delete') {
          // keep upstream order: an upsert then a delete of the same id must end deleted
          if (upserts.length > 0) flush();
          deletes.push(c.id);
          continue;
        }
        const parsed = ListingSchema.safeParse(c.data);
        if (!parsed.success) {
          quarantined++;
          quarantineOne(seq, raw, `listing: ${describeIssues(parsed.error)}`);
          continue;
        }
        if (parsed.data.id !== c.id) {
          quarantined++;
          quarantineOne(seq, raw, `listing: data.id "${parsed.data.id}" differs from the change id "${c.id}"`);
          continue;
        }
        if (deletes.length > 0) flush();
        upserts.push(parsed.data);
      }
      flush();
      if (advanceTo !== undefined && advanceTo > cursor) cursor = advanceTo;
      if (cursor !== start) store.setCursor(cursor);
      return { changed, quarantined, duplicates, cursor };
    });
  }

  return { apply };
}

export type ChangeApplier = ReturnType<typeof createChangeApplier>;
