/**
 * Splits `items` into the fewest pages of at most `capacity`, as even as possible (13 postings
 * on 12-card pages become 7 + 6, not 12 + 1, so no page looks empty).
 */
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
