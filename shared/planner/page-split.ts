/**
 * How a screen's postings are cut into pages.
 *
 * `splitEvenly` splits into the fewest pages of at most `capacity`, as even as possible (13
 * postings on 12-card pages become 7 + 6, not 12 + 1, so no page looks empty).
 *
 * `splitStable` does the same within blocks of postings whose ends are chosen by the postings
 * themselves (content-defined: a block ends after a posting whose id hashes to a boundary), so
 * one posting added, changed or removed changes the pages of its own block only, not every page
 * after it. A wall with 20,000 postings then sends a live change as a patch of a page or two
 * instead of 1,700 shifted pages. Blocks are long (several pages on average, never shorter than
 * BLOCK_MIN_PAGES pages' worth), so a screen gets at most a few per cent more pages than the
 * fewest possible, and a screen of fewer than two blocks' postings is split exactly as evenly.
 */

/** A block holds at least this many pages' worth of postings... */
export const BLOCK_MIN_PAGES = 4;
/** ...ends after a boundary posting about every this many pages' worth beyond that... */
const BLOCK_SPREAD_PAGES = 4;
/** ...and never holds more than this many pages' worth. */
const BLOCK_MAX_PAGES = 16;

export function splitEvenly<T>(items: readonly T[], capacity: number): T[][] {
  if (items.length === 0) return [];
  const pageCount = Math.ceil(items.length / Math.max(1, capacity));
  const base = Math.floor(items.length / pageCount);
  const extra = items.length % pageCount;
  const pages: T[][] = [];
  let at = 0;
  for (let p = 0; p < pageCount; p++) {
    const size = base + (p < extra ? 1 : 0);
    pages.push(items.slice(at, at + size));
    at += size;
  }
  return pages;
}

/** FNV-1a of a string: where a posting sits in the block pattern, the same on every run. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Consecutive runs of `items` (in order, together exactly `items`) cut at content-defined
 * boundaries: a run is at least `minLen` long, ends after an item whose key hashes to 0 modulo
 * `spread` (or at `maxLen`), and the last run is never shorter than `minLen`.
 */
export function stableBlocks<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  minLen: number,
  spread: number,
  maxLen: number,
): T[][] {
  const blocks: T[][] = [];
  const n = items.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const len = i - start + 1;
    if (n - (i + 1) < minLen) break;
    if (len >= maxLen || (len >= minLen && idHash(keyOf(items[i]!)) % spread === 0)) {
      blocks.push(items.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < n) blocks.push(items.slice(start));
  return blocks;
}

/** splitEvenly within content-defined blocks (see above); `keyOf` names an item (its posting id). */
export function splitStable<T>(items: readonly T[], capacity: number, keyOf: (item: T) => string): T[][] {
  const cap = Math.max(1, capacity);
  return stableBlocks(items, keyOf, BLOCK_MIN_PAGES * cap, BLOCK_SPREAD_PAGES * cap, BLOCK_MAX_PAGES * cap).flatMap(
    (block) => splitEvenly(block, cap),
  );
}
