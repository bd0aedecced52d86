import type { BoardItem } from '../schemas/board-plan';
import { IdentityMemo } from './identity-memo';

/** DOMAIN.md: Chinese is read at about 4 characters per second. */
export const READ_CHARS_PER_S = 4;

/**
 * Characters as read: CJK counts 1, ASCII 0.5 (digits and units are taken in by the group,
 * "300" is one glance, not three), spaces and separators nothing.
 */
export function readingChars(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x20 || cp === 0x3000 || ch === '·' || ch === '…') continue;
    n += cp < 0x80 ? 0.5 : 1;
  }
  return n;
}

/**
 * How long a page needs, in seconds. A visitor scans the titles of a page to find a trade,
 * then reads the one posting that interests them in full (pay, place, phone to dial). So:
 * every title once, plus the longest posting once. A page of 12 cards lands near 20 s, a page of
 * 2 near the 8 s floor, which matches DOMAIN.md's 8–20 s for a page.
 */
export function pageReadingS(items: readonly BoardItem[]): number {
  let titles = 0;
  let longest = 0;
  for (const it of items) {
    const { title, full } = reading.get(it, '', () => itemReading(it));
    titles += title;
    longest = Math.max(longest, full);
  }
  return (titles + longest) / READ_CHARS_PER_S;
}

const reading = new IdentityMemo<BoardItem, { title: number; full: number }>();

function itemReading(it: BoardItem): { title: number; full: number } {
  const title = readingChars(it.title);
  const full =
    title +
    readingChars(it.pay) +
    readingChars(it.settlementText) +
    readingChars(it.district) +
    readingChars(it.headcount) +
    readingChars(it.employer) +
    readingChars(it.phone);
  return { title, full };
}

/** Page dwell in whole ms, clamped to the screen's bounds (a reversed pair counts as min). */
export function pageDwellMs(items: readonly BoardItem[], minDwellS: number, maxDwellS: number): number {
  return dwellWithinMs(pageReadingS(items), minDwellS, maxDwellS);
}

/** A reading time in whole ms, clamped to the screen's dwell bounds (a reversed pair counts as min). */
export function dwellWithinMs(readingS: number, minDwellS: number, maxDwellS: number): number {
  const lo = Math.ceil(minDwellS * 1000);
  const hi = Math.max(lo, Math.floor(Math.max(minDwellS, maxDwellS) * 1000));
  return Math.max(1, Math.min(hi, Math.max(lo, Math.round(readingS * 1000))));
}

/** The longest a page may stay on this screen, ms (what pageDwellMs never exceeds). */
export function longestDwellMs(minDwellS: number, maxDwellS: number): number {
  return Math.max(Math.ceil(minDwellS * 1000), Math.floor(Math.max(minDwellS, maxDwellS) * 1000), 1);
}
