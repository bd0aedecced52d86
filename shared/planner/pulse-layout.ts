/**
 * The market-pulse board page: a headline, a one-line summary of today's demand, a table of
 * the trades most short of workers (then the other trades with demand), and a note on how the
 * ratio is counted. Like the other layouts it decides every size and cuts every string, never
 * below the screen's minimum glyph, so the board only draws.
 *
 * Vertical order inside the frame's content area:
 *   headline (titlePx line) · summary (bodyPx line) · gap · head row · rows · gap · note (bodyPx line)
 */
import { atLeastFloor } from '../legibility';
import type { Locale } from '../format';
import type { MarketPulse, TradePulse } from '../pulse/market-pulse';
import { publicRatio, PULSE_TEXT, tradeLabel } from '../pulse/pulse-labels';
import type { OccupationCode } from '../occupations';
import { PULSE_COLUMNS, type PulseColumn, type PulsePage } from '../schemas/pulse-page';
import { lineBoxPx, type Frame } from './board-frame';
import { readingChars, READ_CHARS_PER_S } from './dwell';
import { fitText, textWidthPx } from './text-measure';

/** More rows than this is more than a passer-by reads in one page's dwell. */
export const PULSE_MAX_ROWS = 8;

/** Columns given up, in this order, when the screen is too narrow. */
const DROP_ORDER: readonly PulseColumn[] = ['yearAgo', 'seekers', 'rank'];

export interface PulseLaid {
  page: PulsePage;
  dwellMs: number;
}

export function pulseCellFontPx(column: PulseColumn, bodyPx: number, titlePx: number): number {
  return column === 'trade' ? titlePx : bodyPx;
}

function cellText(t: TradePulse, column: PulseColumn, locale: Locale, pulse: MarketPulse): string {
  const x = PULSE_TEXT[locale];
  switch (column) {
    case 'rank':
      return t.shortageRank === null ? x.unranked : String(t.shortageRank);
    case 'trade':
      return tradeLabel(t.occupation, locale);
    case 'demand':
      return x.people(t.demand);
    case 'seekers':
      return x.people(t.seekers);
    case 'gap':
      return t.gap > 0 ? `+${x.people(t.gap)}` : t.gap < 0 ? `−${x.people(-t.gap)}` : x.people(0);
    case 'ratio':
      return publicRatio(t.demand, t.seekers, pulse, locale);
    case 'yearAgo':
      return t.yearAgo ? publicRatio(t.yearAgo.demand, t.yearAgo.seekers, pulse, locale) : x.noRatio;
    default: {
      const never: never = column;
      throw new Error(`cellText: unknown column ${String(never)}`);
    }
  }
}

/** Ranked trades first, then the others that have any demand; limited to the screen's trades. */
export function pulseRows(pulse: MarketPulse, occupations: readonly OccupationCode[]): TradePulse[] {
  const mine = occupations.length === 0 ? pulse.trades : pulse.trades.filter((t) => occupations.includes(t.occupation));
  return mine.filter((t) => t.shortageRank !== null || t.demand > 0);
}

interface Budget {
  rows: number;
  withSummary: boolean;
  withNote: boolean;
}

function heightBudget(frame: Frame, titlePx: number, bodyPx: number, rowHeightPx: number): Budget | null {
  const headline = lineBoxPx(titlePx);
  const body = lineBoxPx(bodyPx);
  for (const [withSummary, withNote] of [
    [true, true],
    [true, false],
    [false, false],
  ] as const) {
    const fixed = headline + (withSummary ? body : 0) + frame.gapPx + (withNote ? frame.gapPx + body : 0);
    const rows = Math.floor((frame.contentHeight - fixed) / rowHeightPx) - 1;
    if (rows >= 1) return { rows: Math.min(rows, PULSE_MAX_ROWS), withSummary, withNote };
  }
  return null;
}

/** Space inside each column after its widest text, in body ems: columns never touch. */
const CELL_PAD_EM = 0.6;
/** A column grows past its content by at most this many body ems; what is left stays at the right. */
const MAX_GROW_EM = 1.5;

function columnWidths(
  frame: Frame,
  rows: readonly TradePulse[],
  locale: Locale,
  columns: PulseColumn[],
  sizes: { bodyPx: number; titlePx: number },
  pulse: MarketPulse,
): Map<PulseColumn, number> | null {
  const { bodyPx, titlePx } = sizes;
  const labels = PULSE_TEXT[locale].columns;
  const pad = Math.round(CELL_PAD_EM * bodyPx);
  const need = new Map<PulseColumn, number>();
  const min = new Map<PulseColumn, number>();
  for (const col of columns) {
    const font = pulseCellFontPx(col, bodyPx, titlePx);
    let w = textWidthPx(labels[col], bodyPx);
    for (const r of rows) w = Math.max(w, textWidthPx(cellText(r, col, locale, pulse), font));
    need.set(col, Math.ceil(w) + pad);
    // Only the trade name may be cut (to 4 characters); numbers never are.
    const floor = col === 'trade' ? Math.max(textWidthPx(labels.trade, bodyPx), Math.min(w, 4 * titlePx)) : w;
    min.set(col, Math.ceil(floor) + pad);
  }
  const gaps = frame.gapPx * (columns.length - 1);
  const sum = columns.reduce((s, c) => s + min.get(c)!, 0) + gaps;
  if (sum > frame.contentWidth) return null;
  // Columns sized to their content: the trade gets its whole name first, then every column a
  // little air, and the rest of the width is left at the right rather than pulled into gaps.
  const widths = new Map(min);
  let extra = frame.contentWidth - sum;
  const grow = Math.min(extra, need.get('trade')! - widths.get('trade')!);
  widths.set('trade', widths.get('trade')! + Math.max(0, grow));
  extra -= Math.max(0, grow);
  const share = Math.min(Math.floor(extra / columns.length), Math.round(MAX_GROW_EM * bodyPx));
  for (const c of columns) widths.set(c, widths.get(c)! + share);
  return widths;
}

function pulseDwellMs(page: PulsePage, minDwellS: number, maxDwellS: number): number {
  let chars = readingChars(page.headline) + readingChars(page.summary);
  for (const r of page.rows) chars += r.cells.reduce((s, c) => s + readingChars(c), 0);
  const lo = Math.ceil(minDwellS * 1000);
  const hi = Math.max(lo, Math.floor(Math.max(minDwellS, maxDwellS) * 1000));
  return Math.max(1, Math.min(hi, Math.max(lo, Math.round((chars / READ_CHARS_PER_S) * 1000))));
}

/**
 * Body sizes tried, largest first, in minimum glyphs: the page is filled with larger text when
 * every row it would show, the summary and the note fit as well, and every column stays.
 */
const BODY_SCALES = [1.6, 1.45, 1.3, 1.15] as const;

/** The pulse page for a frame, or null when not even one row of rank-free figures fits. */
export function layoutPulsePage(
  frame: Frame,
  pulse: MarketPulse,
  locale: Locale,
  occupations: readonly OccupationCode[],
  dwell: { minDwellS: number; maxDwellS: number },
): PulseLaid | null {
  const all = pulseRows(pulse, occupations);
  const wanted = Math.min(all.length, PULSE_MAX_ROWS);
  const m = frame.minGlyphPx;
  const first = all.slice(0, wanted);
  const fullColumns = PULSE_COLUMNS.filter((c) => c !== 'yearAgo' || first.some((r) => r.yearAgo !== null));
  // larger text only while nothing is given up for it
  for (const scale of BODY_SCALES) {
    const bodyPx = atLeastFloor(m * scale, m);
    const titlePx = atLeastFloor(bodyPx * 1.25, m);
    const rowHeightPx = lineBoxPx(titlePx);
    const budget = heightBudget(frame, titlePx, bodyPx, rowHeightPx);
    if (!budget || budget.rows < Math.max(1, wanted) || !budget.withSummary || !budget.withNote) continue;
    const widths = columnWidths(frame, first, locale, fullColumns, { bodyPx, titlePx }, pulse);
    if (widths)
      return laid(frame, pulse, locale, first, fullColumns, widths, { bodyPx, titlePx, rowHeightPx }, budget, dwell);
  }
  const bodyPx = m;
  for (const scale of [1.25, 1] as const) {
    const titlePx = atLeastFloor(bodyPx * scale, m);
    const rowHeightPx = lineBoxPx(titlePx);
    const budget = heightBudget(frame, titlePx, bodyPx, rowHeightPx);
    if (!budget) continue;
    const rows = all.slice(0, budget.rows);
    let columns: PulseColumn[] = PULSE_COLUMNS.filter((c) => c !== 'yearAgo' || rows.some((r) => r.yearAgo !== null));
    let widths = columnWidths(frame, rows, locale, columns, { bodyPx, titlePx }, pulse);
    for (let dropped = 0; !widths && dropped < DROP_ORDER.length; dropped++) {
      const drop = DROP_ORDER[dropped];
      columns = columns.filter((c) => c !== drop);
      widths = columnWidths(frame, rows, locale, columns, { bodyPx, titlePx }, pulse);
    }
    if (widths)
      return laid(frame, pulse, locale, rows, columns, widths, { bodyPx, titlePx, rowHeightPx }, budget, dwell);
  }
  return null;
}

function laid(
  frame: Frame,
  pulse: MarketPulse,
  locale: Locale,
  rows: readonly TradePulse[],
  columns: readonly PulseColumn[],
  widths: Map<PulseColumn, number>,
  sizes: { bodyPx: number; titlePx: number; rowHeightPx: number },
  budget: Budget,
  dwell: { minDwellS: number; maxDwellS: number },
): PulseLaid {
  const x = PULSE_TEXT[locale];
  const { bodyPx, titlePx, rowHeightPx } = sizes;
  const pad = Math.round(CELL_PAD_EM * bodyPx);
  const totals = pulse.totals;
  const totalRatio = publicRatio(totals.demand, totals.seekers, pulse, locale);
  const page: PulsePage = {
    titlePx,
    bodyPx,
    rowHeightPx,
    headline: fitText(x.headline, frame.contentWidth, titlePx),
    summary: budget.withSummary
      ? fitText(x.summary(totals.demand, totals.seekers, pulse.windowDays, totalRatio), frame.contentWidth, bodyPx)
      : '',
    note: budget.withNote
      ? fitText(x.note(pulse.windowDays, pulse.minDemand, pulse.minSeekers), frame.contentWidth, bodyPx)
      : '',
    columns: columns.map((key) => ({ key, label: x.columns[key], widthPx: widths.get(key)! })),
    rows: rows.map((r) => ({
      occupation: r.occupation,
      shortage: r.shortageRank !== null,
      cells: columns.map((c) =>
        fitText(cellText(r, c, locale, pulse), widths.get(c)! - pad, pulseCellFontPx(c, bodyPx, titlePx)),
      ),
    })),
    empty: rows.length === 0 ? fitText(x.empty, frame.contentWidth, titlePx) : null,
  };
  return { page, dwellMs: pulseDwellMs(page, dwell.minDwellS, dwell.maxDwellS) };
}
