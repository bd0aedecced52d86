/**
 * A change of the hub's feed as the hall first holds it: its seq, and the rest still raw. The
 * wire shapes themselves are shared with the hub (shared/api/hub-wire.ts); the envelope is
 * checked item by item in prepare-change.ts, the posting inside when it is applied.
 */

/** A change whose seq could be read; everything else about it may still be wrong. */
export interface SequencedChange {
  seq: number;
  raw: unknown;
}

/**
 * The seq of a raw change, or null when it has none usable. A change without a seq cannot be
 * ordered, so it cannot be quarantined-and-passed either; the caller refuses its page.
 */
export function seqOf(raw: unknown): number | null {
  if (!raw || typeof raw !== 'object') return null;
  const seq = (raw as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}
