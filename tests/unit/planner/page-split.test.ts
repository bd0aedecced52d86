import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK_MIN_PAGES, splitEvenly, splitStable, stableBlocks } from '../../../shared/planner/page-split';

const ids = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const same = (x: string) => x;

/** How many pages of `b` are not a page of `a` (by content). */
function pagesChanged(a: string[][], b: string[][]): number {
  const known = new Set(a.map((p) => p.join(',')));
  return b.filter((p) => !known.has(p.join(','))).length;
}

describe('page splitting', () => {
  it('splits evenly: the fewest pages, none much emptier than another', () => {
    expect(splitEvenly(ids(13), 12).map((p) => p.length)).toEqual([7, 6]);
    expect(splitEvenly([], 12)).toEqual([]);
  });

  it('splits stably: every item once, in order, pages within capacity, and exactly as evenly when there are few', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), (n, capacity) => {
        const items = ids(n);
        const pages = splitStable(items, capacity, same);
        expect(pages.flat()).toEqual(items);
        for (const p of pages) {
          expect(p.length).toBeGreaterThan(0);
          expect(p.length).toBeLessThanOrEqual(capacity);
        }
        if (n < 2 * BLOCK_MIN_PAGES * capacity) expect(pages).toEqual(splitEvenly(items, capacity));
        // a few per cent more pages than the fewest, at most
        if (n > 0) expect(pages.length).toBeLessThanOrEqual(Math.ceil(n / capacity) * 1.25 + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('changes few pages when one item is added, removed or moved, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 20_000 }),
        fc.integer({ min: 4, max: 24 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, capacity, where) => {
          const items = ids(n);
          const at = Math.floor(where * n);
          const before = splitStable(items, capacity, same);
          const added = splitStable([...items.slice(0, at), 'new', ...items.slice(at)], capacity, same);
          const removed = splitStable([...items.slice(0, at), ...items.slice(at + 1)], capacity, same);
          // one block and now and then the next one (a block holds at most 16 pages' worth)
          expect(pagesChanged(before, added)).toBeLessThanOrEqual(40);
          expect(pagesChanged(before, removed)).toBeLessThanOrEqual(40);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('cuts blocks at the same items whatever comes before them', () => {
    const items = ids(5000);
    const blocks = stableBlocks(items, same, 48, 48, 192);
    const shifted = stableBlocks(['x', ...items], same, 48, 48, 192);
    const ends = new Set(blocks.map((b) => b.at(-1)));
    const shiftedEnds = shifted.map((b) => b.at(-1));
    expect(shiftedEnds.filter((e) => ends.has(e)).length).toBeGreaterThanOrEqual(blocks.length - 3);
  });
});
