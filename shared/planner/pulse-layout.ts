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
import { formatRatio, PULSE_TEXT, tradeLabel } from '../pulse/pulse-labels';
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

function cellText(t: TradePulse, column: PulseColumn, locale: Locale): string {
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
      return t.status === 'ratio' && t.ratio !== null
        ? formatRatio(t.ratio)
        : t.status === 'no-seekers'
          ? x.noSeekers
          : x.noRatio;
    case 'yearAgo':
      return t.yearAgo?.ratio != null ? formatRatio(t.yearAgo.ratio) : x.noRatio;
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

function columnWidths(
  frame: Frame,
  rows: readonly TradePulse[],
  locale: Locale,
  columns: PulseColumn[],
  bodyPx: number,
  titlePx: number,
): Map<PulseColumn, number> | null {
  const labels = PULSE_TEXT[locale].columns;
  const need = new Map<PulseColumn, number>();
  const min = new Map<PulseColumn, number>();
  for (const col of columns) {
    const font = pulseCellFontPx(col, bodyPx, titlePx);
    let w = textWidthPx(labels[col], bodyPx);
    for (const r of rows) w = Math.max(w, textWidthPx(cellText(r, col, locale), font));
    need.set(col, w);
    // Only the trade name may be cut (to 4 characters); numbers never are.
    min.set(col, col === 'trade' ? Math.max(textWidthPx(labels.trade, bodyPx), Math.min(w, 4 * titlePx)) : w);
  }
  const gaps = frame.gapPx * (columns.length - 1);
  const sum = columns.reduce((s, c) => s + min.get(c)!, 0) + gaps;
  if (sum > frame.contentWidth) return null;
  const widths = new Map(min);
  let extra = frame.contentWidth - sum;
  const grow = Math.min(extra, need.get('trade')! - widths.get('trade')!);
  widths.set('trade', widths.get('trade')! + Math.max(0, grow));
  extra -= Math.max(0, grow);
  // What is left is shared by the number columns, so the table spans the wall.
  const numeric = columns.filter((c) => c !== 'trade');
  const share = numeric.length > 0 ? Math.floor(extra / numeric.length) : 0;
  for (const c of numeric) widths.set(c, widths.get(c)! + share);
  widths.set('trade', widths.get('trade')! + (extra - share * numeric.length));
  return widths;
}

function pulseDwellMs(page: PulsePage, minDwellS: number, maxDwellS: number): number {
  let chars = readingChars(page.headline) + readingChars(page.summary);
  for (const r of page.rows) chars += r.cells.reduce((s, c) => s + readingChars(c), 0);
  const lo = Math.ceil(minDwellS * 1000);
  const hi = Math.max(lo, Math.floor(Math.max(minDwellS, maxDwellS) * 1000));
  return Math.max(1, Math.min(hi, Math.max(lo, Math.round((chars / READ_CHARS_PER_S) * 1000))));
}

/** The pulse page for a frame, or null when not even one row of rank-free figures fits. */
export function layoutPulsePage(
  frame: Frame,
  pulse: MarketPulse,
  locale: Locale,
  occupations: readonly OccupationCode[],
  dwell: { minDwellS: number; maxDwellS: number },
): PulseLaid | null {
  const x = PULSE_TEXT[locale];
  const bodyPx = frame.minGlyphPx;
  for (const scale of [1.25, 1] as const) {
    const titlePx = atLeastFloor(bodyPx * scale, frame.minGlyphPx);
    const rowHeightPx = lineBoxPx(titlePx);
    const budget = heightBudget(frame, titlePx, bodyPx, rowHeightPx);
    if (!budget) continue;
    const all = pulseRows(pulse, occupations);
    const rows = all.slice(0, budget.rows);
    let columns: PulseColumn[] = PULSE_COLUMNS.filter((c) => c !== 'yearAgo' || rows.some((r) => r.yearAgo !== null));
    let widths: Map<PulseColumn, number> | null = null;
    for (let dropped = 0; ; dropped++) {
      widths = columnWidths(frame, rows, locale, columns, bodyPx, titlePx);
      if (widths) break;
      const drop = DROP_ORDER[dropped];
      if (drop === undefined) break;
      columns = columns.filter((c) => c !== drop);
    }
    if (!widths) continue;
    const totals = pulse.totals;
    const totalRatio =
      totals.ratio !== null
        ? formatRatio(totals.ratio)
        : totals.demand >= pulse.minDemand && totals.seekers === 0
          ? x.noSeekers
          : x.noRatio;
    const page: PulsePage = {
      titlePx,
      bodyPx,
      rowHeightPx,
      headline: fitText(x.headline, frame.contentWidth, titlePx),
      summary: budget.withSummary
        ? fitText(x.summary(totals.demand, totals.seekers, pulse.windowDays, totalRatio), frame.contentWidth, bodyPx)
        : '',
      note: budget.withNote ? fitText(x.note(pulse.windowDays, pulse.minDemand), frame.contentWidth, bodyPx) : '',
      columns: columns.map((key) => ({ key, label: x.columns[key], widthPx: widths.get(key)! })),
      rows: rows.map((r) => ({
        occupation: r.occupation,
        shortage: r.shortageRank !== null,
        cells: columns.map((c) => fitText(cellText(r, c, locale), widths.get(c)!, pulseCellFontPx(c, bodyPx, titlePx))),
      })),
      empty: rows.length === 0 ? fitText(x.empty, frame.contentWidth, titlePx) : null,
    };
    return { page, dwellMs: pulseDwellMs(page, dwell.minDwellS, dwell.maxDwellS) };
  }
  return null;
}
