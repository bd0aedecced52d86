/**
 * What a grouped screen draws of its wall group (wall-groups.ts): the line under the header
 * naming its trades ("本屏：建筑工地 · 搬运装卸 · 快递外卖"), and the legend page ("哪块屏有哪些工种",
 * one row per screen of the group). Texts are planned here (measured and cut to whole trades,
 * never below the glyph floor); the board draws them as given.
 */
import type { Locale } from '../format';
import type { OccupationCode } from '../occupations';
import type { GroupLegend } from '../schemas/board-plan';
import { atLeastFloor } from '../legibility';
import { tradeLabel } from '../pulse/pulse-labels';
import { lineBoxPx, type Frame } from './board-frame';
import { dwellWithinMs, readingChars, READ_CHARS_PER_S } from './dwell';
import { fitText, textWidthPx } from './text-measure';

export interface GroupTexts {
  share: string;
  /** After the trades that fit, when some do not: `total` trades in all, `shown` of them named. */
  more: (shown: number, total: number) => string;
  separator: string;
  legendTitle: string;
  /** Before the legend row of the screen it is shown on (never colour alone). */
  selfMark: string;
  /** A screen of the group with no postings now. */
  none: string;
}

export const GROUP_TEXT: Record<Locale, GroupTexts> = {
  'zh-CN': {
    share: '本屏：',
    more: (_shown, total) => ` 等${total}类`,
    separator: ' · ',
    legendTitle: '哪块屏有哪些工种',
    selfMark: '▶ ',
    none: '暂无岗位',
  },
  en: {
    share: 'This screen: ',
    more: (shown, total) => ` + ${total - shown} more`,
    separator: ' · ',
    legendTitle: 'Which screen shows which trade',
    selfMark: '▶ ',
    none: 'no postings now',
  },
};

/**
 * `prefix` and the trades joined, as many whole trades as fit `maxPx` at `fontPx` followed by
 * "等N类" when not all do; cut mid-word only when not even one trade fits.
 */
export function tradesLine(
  prefix: string,
  occupations: readonly OccupationCode[],
  locale: Locale,
  maxPx: number,
  fontPx: number,
): string {
  const t = GROUP_TEXT[locale];
  const labels = occupations.map((o) => tradeLabel(o, locale));
  if (labels.length === 0) return fitText(prefix + t.none, maxPx, fontPx);
  const all = prefix + labels.join(t.separator);
  if (textWidthPx(all, fontPx) <= maxPx) return all;
  for (let shown = labels.length - 1; shown >= 1; shown--) {
    const line = prefix + labels.slice(0, shown).join(t.separator) + t.more(shown, labels.length);
    if (textWidthPx(line, fontPx) <= maxPx) return line;
  }
  return fitText(all, maxPx, fontPx);
}

export interface ShareStrip {
  line: string;
  fontPx: number;
  /** Line box plus the gap below it. */
  stripHeightPx: number;
}

/** Height the share strip takes under the header at this glyph floor (its gap included). */
export function shareStripHeightPx(minGlyphPx: number): number {
  return lineBoxPx(minGlyphPx) + Math.round(minGlyphPx * 0.4);
}

/** The share line for a frame's width: the header's size (the glyph floor), whole trades. */
export function shareStrip(
  frame: Pick<Frame, 'minGlyphPx' | 'contentWidth'>,
  occupations: readonly OccupationCode[],
  locale: Locale,
): ShareStrip {
  const fontPx = frame.minGlyphPx;
  return {
    line: tradesLine(GROUP_TEXT[locale].share, occupations, locale, frame.contentWidth, fontPx),
    fontPx,
    stripHeightPx: shareStripHeightPx(frame.minGlyphPx),
  };
}

export interface LegendScreen {
  screenId: string;
  name: string;
  occupations: readonly OccupationCode[];
}

/** Sizes tried for the legend, largest first (multiples of the glyph floor). */
const LEGEND_SCALES = [2, 1.6, 1.3, 1] as const;
/** The name column takes at most this share of the width. */
const NAME_SHARE = 0.4;

/**
 * The legend page for a frame: title, then one row per screen (name, trades). The largest size
 * at which every row fits; null when not even the floor fits them all.
 */
export function layoutLegend(
  frame: Pick<Frame, 'minGlyphPx' | 'contentWidth' | 'contentHeight' | 'gapPx'>,
  screens: readonly LegendScreen[],
  selfId: string,
  locale: Locale,
  dwell: { minDwellS: number; maxDwellS: number },
): { legend: GroupLegend; dwellMs: number } | null {
  const t = GROUP_TEXT[locale];
  const m = frame.minGlyphPx;
  for (const scale of LEGEND_SCALES) {
    const bodyPx = atLeastFloor(m * scale, m);
    const titlePx = atLeastFloor(bodyPx * 1.15, m);
    const rowHeightPx = lineBoxPx(bodyPx);
    const height = lineBoxPx(titlePx) + frame.gapPx + screens.length * rowHeightPx;
    if (height > frame.contentHeight || textWidthPx(t.legendTitle, titlePx) > frame.contentWidth) continue;
    const names = screens.map((s) => (s.screenId === selfId ? t.selfMark : '') + s.name);
    const widest = Math.max(...names.map((n) => textWidthPx(n, bodyPx)), textWidthPx(t.selfMark, bodyPx) + 2 * bodyPx);
    const nameWidthPx = Math.min(widest, Math.floor(frame.contentWidth * NAME_SHARE));
    const tradesWidth = frame.contentWidth - nameWidthPx - bodyPx;
    if (tradesWidth < 4 * bodyPx) continue;
    const rows = screens.map((s, i) => ({
      screenId: s.screenId,
      name: fitText(names[i]!, nameWidthPx, bodyPx),
      trades: tradesLine('', s.occupations, locale, tradesWidth, bodyPx),
      self: s.screenId === selfId,
    }));
    const legend: GroupLegend = { title: t.legendTitle, titlePx, bodyPx, rowHeightPx, nameWidthPx, rows };
    return { legend, dwellMs: legendDwellMs(legend, dwell.minDwellS, dwell.maxDwellS) };
  }
  return null;
}

/** Reading time of the whole legend, within the screen's dwell bounds. */
function legendDwellMs(legend: GroupLegend, minDwellS: number, maxDwellS: number): number {
  let chars = readingChars(legend.title);
  for (const r of legend.rows) chars += readingChars(r.name) + readingChars(r.trades);
  return dwellWithinMs(chars / READ_CHARS_PER_S, minDwellS, maxDwellS);
}
