import type { BoardGeometry, BoardItem } from '../schemas/board-plan';
import { atLeastFloor } from '../legibility';
import type { Locale } from '../format';
import { BADGE_TEXT, boothTagText } from './board-labels';
import { HEADER_SAMPLES, LINE_HEIGHT, lineBoxPx } from './board-frame';
import { textWidthPx } from './text-measure';

/** Between the fields of one posting in the ticker line. */
export const TICKER_FIELD_GAP = '  ';
/** Between postings in the ticker line (full-width spaces around a diamond). */
export const TICKER_ITEM_SEPARATOR = '\u3000◆\u3000';
/** DOMAIN.md: about 4 CJK characters per second; a little slower reads easier on a moving line. */
export const TICKER_CHARS_PER_S = 3.5;
/**
 * A ticker page holds postings until its text alone takes about this long to pass, and at least
 * three screen widths: each page starts and ends on a part-empty line, which should be brief.
 */
const TICKER_PAGE_TEXT_S = 45;
const TICKER_PAGE_MIN_SCREENS = 3;
/** The scrolling part must show at least this many body characters at once. */
const MIN_SCROLL_EM = 6;
/** Below this many characters of room the screen cannot carry a ticker at all. */
const MIN_LINE_EM = 4;
/**
 * The ticker's text grows with a tall strip up to this multiple of the minimum glyph: one line
 * on a 640 px strip at 1.5× looked like a thread across a black wall; bigger text also carries
 * further than the configured viewing distance, which a ticker is often read from.
 */
const MAX_TICKER_SCALE = 3;

/** One posting as the ticker shows it (the renderer draws exactly this). */
export function tickerItemText(item: BoardItem, locale: Locale): string {
  const parts = [
    item.urgent ? `【${BADGE_TEXT[locale].urgent}】` : '',
    item.title,
    item.pay,
    item.settlementText,
    item.district,
    item.headcount,
    item.employer,
    item.booth ? boothTagText(item.booth, locale) : '',
    item.phone,
  ];
  return parts.filter((p) => p !== '').join(TICKER_FIELD_GAP);
}

/** A ticker page's whole line: its postings joined by the separator. */
export function tickerPageText(items: readonly BoardItem[], locale: Locale): string {
  return items.map((it) => tickerItemText(it, locale)).join(TICKER_ITEM_SEPARATOR);
}

/**
 * What the fixed side block holds, widest first; the planner picks the widest that leaves the
 * scrolling part at least MIN_SCROLL_EM characters. Parts are drawn on one line, 0.5 em apart.
 */
export function tickerSideParts(locale: Locale): string[][] {
  const s = HEADER_SAMPLES[locale];
  return [[s.clock, s.updated, s.page], [s.clock, s.updated], [s.clock]];
}

export function sideBlockWidthPx(parts: readonly string[], headerPx: number, padPx: number): number {
  const gaps = Math.ceil(0.5 * headerPx) * (parts.length - 1);
  return parts.reduce((w, p) => w + textWidthPx(p, headerPx), 0) + gaps + 2 * padPx;
}

export interface TickerLayout {
  ticker: NonNullable<BoardGeometry['ticker']>;
  bodyPx: number;
  headerPx: number;
  paddingPx: number;
  gapPx: number;
  lineHeight: number;
  /** Width of the scrolling part: viewport minus padding, side block and gap. */
  scrollWidthPx: number;
}

/**
 * One line, vertically centred: [padding][side block][gap][scrolling text][padding].
 * Null when not even one line at the minimum glyph size fits.
 */
export function tickerLayout(
  viewport: { width: number; height: number },
  minGlyphPx: number,
  locale: Locale,
): TickerLayout | null {
  const m = minGlyphPx;
  const minLine = lineBoxPx(m);
  if (viewport.height < minLine || viewport.width < MIN_LINE_EM * m) return null;
  // Padding gives way before text does on a small strip.
  const paddingPx = Math.min(
    Math.round(m * 0.4),
    Math.floor((viewport.height - minLine) / 2),
    Math.floor((viewport.width - MIN_LINE_EM * m) / 2),
  );
  const gapPx = Math.round(m * 0.4);
  const innerW = viewport.width - 2 * paddingPx;
  const innerH = viewport.height - 2 * paddingPx;
  let bodyPx = atLeastFloor(Math.min(Math.floor(m * MAX_TICKER_SCALE), Math.floor(innerH / LINE_HEIGHT)), m);
  while (bodyPx > m && lineBoxPx(bodyPx) > innerH) bodyPx--;
  while (bodyPx > m && innerW < (MIN_SCROLL_EM + 2) * bodyPx) bodyPx--;

  let sideWidthPx = 0;
  for (const parts of tickerSideParts(locale)) {
    const w = sideBlockWidthPx(parts, m, Math.round(m * 0.25));
    if (innerW - w - gapPx >= MIN_SCROLL_EM * bodyPx) {
      sideWidthPx = w;
      break;
    }
  }
  const scrollWidthPx = innerW - (sideWidthPx > 0 ? sideWidthPx + gapPx : 0);
  return {
    bodyPx,
    headerPx: m,
    paddingPx,
    gapPx,
    lineHeight: LINE_HEIGHT,
    scrollWidthPx,
    ticker: { speedPxPerS: TICKER_CHARS_PER_S * bodyPx, lineHeightPx: lineBoxPx(bodyPx), sideWidthPx },
  };
}

/**
 * Ticker pages: postings in order, a page closing once its text would pass the budget above.
 * A page lasts until its last character has left: (textWidth + scrollWidth) / speed.
 */
export function tickerPages(
  items: readonly BoardItem[],
  layout: TickerLayout,
  locale: Locale,
): { items: BoardItem[]; dwellMs: number }[] {
  const { bodyPx, scrollWidthPx } = layout;
  const speed = layout.ticker.speedPxPerS;
  const sepW = textWidthPx(TICKER_ITEM_SEPARATOR, bodyPx);
  const budget = Math.max(TICKER_PAGE_TEXT_S * speed, TICKER_PAGE_MIN_SCREENS * scrollWidthPx);
  const pages: { items: BoardItem[]; dwellMs: number }[] = [];
  let current: BoardItem[] = [];
  let width = 0;
  const close = () => {
    const textW = textWidthPx(tickerPageText(current, locale), bodyPx);
    pages.push({ items: current, dwellMs: Math.ceil(((textW + scrollWidthPx) / speed) * 1000) });
    current = [];
    width = 0;
  };
  for (const it of items) {
    const w = textWidthPx(tickerItemText(it, locale), bodyPx);
    if (current.length > 0 && width + sepW + w > budget) close();
    width += (current.length > 0 ? sepW : 0) + w;
    current.push(it);
  }
  if (current.length > 0) close();
  return pages;
}
