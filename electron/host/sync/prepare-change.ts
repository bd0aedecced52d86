/**
 * Turning raw upstream changes into what the applier writes: every check that needs no
 * database — the envelope, the posting inside it, the page's seq order — lives here, so it can
 * run wherever is cheapest (a catch-up runs it in the page worker, off the thread that writes;
 * a live change runs it in place). The applier then only compares seqs and writes.
 *
 * A change that fails a check is not an error here: it becomes a `quarantine` entry carrying
 * its reason and a bounded copy of the payload, and the applier records it and moves on.
 */
import { PostingSchema, describeIssues, type Posting } from '../../../shared/schemas/posting';
import { ChangeEnvelopeSchema } from '../../../shared/api/hub-wire';
import { seqOf, type SequencedChange } from './sequenced-change';
import { HubRequestError } from './hub-api';

export type PreparedChange =
  | { seq: number; kind: 'posting-upsert'; posting: Posting }
  | { seq: number; kind: 'posting-delete'; id: string }
  | { seq: number; kind: 'urgent-upsert'; id: string; data: unknown }
  | { seq: number; kind: 'urgent-delete'; id: string }
  | { seq: number; kind: 'quarantine'; reason: string; payload: string };

export interface PreparedPage {
  changes: PreparedChange[];
  /** The hub's last seq when it answered. */
  lastSeq: number;
  hasMore: boolean;
  /** Where the next page starts: the last change's seq, or `since` when the page is empty. */
  through: number;
}

/** Quarantined payloads are evidence, not data: keep enough to see what was wrong. */
const MAX_QUARANTINE_PAYLOAD = 16 * 1024;

export function payloadText(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? 'undefined';
  } catch {
    text = String(raw);
  }
  return text.length > MAX_QUARANTINE_PAYLOAD
    ? `${text.slice(0, MAX_QUARANTINE_PAYLOAD)}…[truncated, ${text.length} characters]`
    : text;
}

export function prepareChange({ seq, raw }: SequencedChange): PreparedChange {
  const quarantine = (reason: string): PreparedChange => ({
    seq,
    kind: 'quarantine',
    reason,
    payload: payloadText(raw),
  });
  const envelope = ChangeEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return quarantine(`change: ${describeIssues(envelope.error)}`);
  const c = envelope.data;
  if (c.type === 'urgent')
    return c.op === 'upsert'
      ? { seq, kind: 'urgent-upsert', id: c.id, data: c.data }
      : { seq, kind: 'urgent-delete', id: c.id };
  if (c.op === 'delete') return { seq, kind: 'posting-delete', id: c.id };
  const parsed = PostingSchema.safeParse(c.data);
  if (!parsed.success) return quarantine(`listing: ${describeIssues(parsed.error)}`);
  if (parsed.data.id !== c.id)
    return quarantine(`listing: data.id "${parsed.data.id}" differs from the change id "${c.id}"`);
  return { seq, kind: 'posting-upsert', posting: parsed.data };
}

/**
 * Reads the seqs of a page's raw changes, refusing the page when they do not strictly increase
 * from `since`: a change without a usable seq cannot be ordered, so it cannot be quarantined
 * and passed either. Cheap — the catch-up uses it to ask for the next page before checking
 * the rest of this one.
 */
export function sequencePage(since: number, changes: readonly unknown[], hasMore: boolean): SequencedChange[] {
  const run: SequencedChange[] = [];
  let previous = since;
  for (const raw of changes) {
    const seq = seqOf(raw);
    if (seq === null || seq <= previous) {
      throw new HubRequestError(
        `sync: the hub's page after ${since} holds a change without an increasing seq`,
        null,
        'bad_page',
      );
    }
    previous = seq;
    run.push({ seq, raw });
  }
  if (hasMore && run.length === 0)
    throw new HubRequestError('sync: the hub said it has more changes but sent none', null, 'bad_page');
  return run;
}

export function preparePage(
  since: number,
  page: { changes: readonly unknown[]; lastSeq: number; hasMore: boolean },
): PreparedPage {
  const run = sequencePage(since, page.changes, page.hasMore);
  return {
    changes: run.map(prepareChange),
    lastSeq: page.lastSeq,
    hasMore: page.hasMore,
    through: run.at(-1)?.seq ?? since,
  };
}
