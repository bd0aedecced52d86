import type { BoardGeometry, BoardItem } from '../schemas/board-plan';
import { atLeastFloor } from '../legibility';
import type { Locale } from '../format';
import { BADGE_TEXT, VERIFIED_MARK, boothTagText } from './board-labels';
import { LINE_HEIGHT, lineBoxPx, type Frame } from './board-frame';
import { fitText, textWidthPx } from './text-measure';
import { IdentityMemo } from './identity-memo';

/** Between district, settlement and headcount on a card's third line. */
export const META_SEPARATOR = ' · ';

/** Title sizes tried, largest first: a bigger title and pay when the screen has room. */
const TITLE_SCALES = [1.35, 1.15, 1] as const;

/** A card is never narrower than this many body ems (so a title shows more than a stub). */
const MIN_CARD_INNER_EM = 12;
/** Pay is the line people read first: cards widen to show it whole, up to this many title ems. */
const MAX_PAY_EM = 11;

/**
 * Inside a card, top to bottom: title line (titlePx, badges on its right), pay (titlePx),
 * "district · settlement · headcount" (bodyPx), employer (bodyPx, ✓ before it when verified,
 * the booth tag "展位 A12" after it, never cut), phone (bodyPx). Every line is `innerWidth`
 * wide after `padPx` on each side.
 *
 * The trade is what a visitor looks for, so badges never take the title's room: when the whole
 * title and the badges do not fit one line, the badges move to the front of the third line
 * (`badgesBelow`). 日结 is shown once, as its badge; the third line then leaves it out.
 */
export interface CardBoxes {
  padPx: number;
  innerWidth: number;
  titleLinePx: number;
  bodyLinePx: number;
  badgePadPx: number;
  badgeGapPx: number;
}

export function cardBoxes(cardWidthPx: number, bodyPx: number, titlePx: number): CardBoxes {
  const padPx = Math.round(bodyPx * 0.4);
  return {
    padPx,
    innerWidth: cardWidthPx - 2 * padPx,
    titleLinePx: lineBoxPx(titlePx),
    bodyLinePx: lineBoxPx(bodyPx),
    badgePadPx: Math.round(bodyPx * 0.25),
    badgeGapPx: Math.round(bodyPx * 0.25),
  };
}

/** Badges on the title line, in drawing order: 急聘, 日结, 新. */
export function cardBadges(
  item: Pick<BoardItem, 'urgent' | 'settlement' | 'settlementText' | 'isNew'>,
  locale: Locale,
): string[] {
  const out: string[] = [];
  if (item.urgent) out.push(BADGE_TEXT[locale].urgent);
  if (item.settlement === 'daily') out.push(item.settlementText);
  if (item.isNew) out.push(BADGE_TEXT[locale].new);
  return out;
}

/** Room the badges take on the title line: each is its text plus padding, then a gap before it. */
export function badgesWidthPx(badges: readonly string[], bodyPx: number): number {
  const pad = Math.round(bodyPx * 0.25);
  let w = 0;
  for (const b of badges) w += textWidthPx(b, bodyPx) + 2 * pad + pad;
  return w;
}

export function verifiedMarkWidthPx(bodyPx: number): number {
  return textWidthPx(`${VERIFIED_MARK} `, bodyPx);
}

/** Room the booth tag ("展位 A12", a badge at bodyPx) takes at the end of the employer line; 0 without a booth. */
export function boothTagWidthPx(item: Pick<BoardItem, 'booth'>, bodyPx: number, locale: Locale): number {
  return item.booth ? badgesWidthPx([boothTagText(item.booth, locale)], bodyPx) : 0;
}

export function cardHeightPx(bodyPx: number, titlePx: number): number {
  const b = cardBoxes(1, bodyPx, titlePx);
  return 2 * b.padPx + 2 * b.titleLinePx + 3 * b.bodyLinePx;
}

/** The third line's fixed parts: settlement (unless 日结, which is a badge), headcount, separators. */
function metaFixedWidthPx(
  item: Pick<BoardItem, 'settlement' | 'settlementText' | 'headcount'>,
  bodyPx: number,
  sepPx: number,
): number {
  const daily = item.settlement === 'daily';
  return (
    (daily ? 1 : 2) * sepPx +
    (daily ? 0 : textWidthPx(item.settlementText, bodyPx)) +
    textWidthPx(item.headcount, bodyPx)
  );
}

/** The narrowest card interior that shows every posting's phone, badges, meta and (nearly any) pay uncut. */
function minInnerWidth(items: readonly BoardItem[], bodyPx: number, titlePx: number, locale: Locale): number {
  let w = MIN_CARD_INNER_EM * bodyPx;
  const sep = textWidthPx(META_SEPARATOR, bodyPx);
  // measured once per posting object and size (a re-plan of 20,000 measures the changed ones)
  const variant = `${bodyPx}|${titlePx}|${locale}`;
  for (const it of items)
    w = Math.max(
      w,
      itemWidths.get(it, variant, () => itemMinInnerWidth(it, bodyPx, titlePx, sep, locale)),
    );
  return w;
}

const itemWidths = new IdentityMemo<BoardItem, number>();

function itemMinInnerWidth(it: BoardItem, bodyPx: number, titlePx: number, sep: number, locale: Locale): number {
  // the badges may have to share the third line with at least two characters of the district
  return Math.max(
    textWidthPx(it.phone, bodyPx),
    Math.min(textWidthPx(it.pay, titlePx), MAX_PAY_EM * titlePx),
    3 * titlePx,
    badgesWidthPx(cardBadges(it, locale), bodyPx) + metaFixedWidthPx(it, bodyPx, sep) + 2 * bodyPx,
    // the booth is never cut: its tag and two characters of the employer share the line
    it.booth ? employerMarksWidthPx(it, bodyPx, locale) + 2 * bodyPx : 0,
  );
}

/** What shares the employer line with the name: ✓ before it, the booth tag after it. */
function employerMarksWidthPx(it: BoardItem, bodyPx: number, locale: Locale): number {
  return (it.verified ? verifiedMarkWidthPx(bodyPx) : 0) + boothTagWidthPx(it, bodyPx, locale);
}

export interface GridLayout {
  cards: NonNullable<BoardGeometry['cards']>;
  bodyPx: number;
  titlePx: number;
  lineHeight: number;
}

/** The grid for the frame's content area, or null when not even one card fits. */
export function cardGrid(frame: Frame, items: readonly BoardItem[], locale: Locale): GridLayout | null {
  const bodyPx = frame.minGlyphPx;
  const gap = frame.gapPx;
  for (const scale of TITLE_SCALES) {
    const titlePx = atLeastFloor(bodyPx * scale, frame.minGlyphPx);
    const minCardW = minInnerWidth(items, bodyPx, titlePx, locale) + 2 * cardBoxes(1, bodyPx, titlePx).padPx;
    const minCardH = cardHeightPx(bodyPx, titlePx);
    const columns = Math.floor((frame.contentWidth + gap) / (minCardW + gap));
    const rows = Math.floor((frame.contentHeight + gap) / (minCardH + gap));
    if (columns < 1 || rows < 1) continue;
    return {
      bodyPx,
      titlePx,
      lineHeight: LINE_HEIGHT,
      cards: {
        columns,
        rows,
        cardWidthPx: Math.floor((frame.contentWidth - gap * (columns - 1)) / columns),
        cardHeightPx: Math.floor((frame.contentHeight - gap * (rows - 1)) / rows),
      },
    };
  }
  return null;
}

/** Cuts an item's strings to its card's boxes. */
const fittedCards = new IdentityMemo<BoardItem, BoardItem>();

export function fitCardItem(item: BoardItem, grid: GridLayout, locale: Locale): BoardItem {
  return cardFitter(grid, locale)(item);
}

/** fitCardItem for every item of one grid (the memo's key made once, not per item). */
export function cardFitter(grid: GridLayout, locale: Locale): (item: BoardItem) => BoardItem {
  const variant = `${grid.cards.cardWidthPx}|${grid.bodyPx}|${grid.titlePx}|${locale}`;
  return (item) => fittedCards.get(item, variant, () => fitCard(item, grid, locale));
}

function fitCard(item: BoardItem, grid: GridLayout, locale: Locale): BoardItem {
  const { bodyPx, titlePx } = grid;
  const box = cardBoxes(grid.cards.cardWidthPx, bodyPx, titlePx);
  const inner = box.innerWidth;
  const badges = cardBadges(item, locale);
  const badgesW = badgesWidthPx(badges, bodyPx);
  const badgesBelow = badges.length > 0 && textWidthPx(item.title, titlePx) > inner - badgesW;
  const fixedMeta = metaFixedWidthPx(item, bodyPx, textWidthPx(META_SEPARATOR, bodyPx)) + (badgesBelow ? badgesW : 0);
  return {
    ...item,
    ...(badgesBelow ? { badgesBelow } : {}),
    title: fitText(item.title, badgesBelow ? inner : inner - badgesW, titlePx),
    pay: fitText(item.pay, inner, titlePx),
    district: fitText(item.district, inner - fixedMeta, bodyPx),
    employer: fitText(item.employer, inner - employerMarksWidthPx(item, bodyPx, locale), bodyPx),
    phone: fitText(item.phone, inner, bodyPx),
  };
}
