import { atLeastFloor } from '../legibility';
import type { BoardGeometry } from '../schemas/board-plan';
import { lineBoxPx } from './board-frame';

/** Which bottom bands a screen needs now (an urgent posting for it, a hall notice). */
export interface BandsWanted {
  urgent: boolean;
  notice: boolean;
}

export type BottomBand = NonNullable<BoardGeometry['bottomBand']>;

/**
 * Heights of the bottom bands at legible sizes: the urgent banner a quarter larger than the
 * minimum glyph (it has to catch the eye), the notice at the minimum. Null when neither is live.
 */
export function bottomBand(minGlyphPx: number, wanted: BandsWanted | undefined): BottomBand | null {
  if (!wanted || (!wanted.urgent && !wanted.notice)) return null;
  const urgentFontPx = atLeastFloor(minGlyphPx * 1.25, minGlyphPx);
  const noticeFontPx = minGlyphPx;
  return {
    urgentFontPx,
    urgentHeightPx: wanted.urgent ? lineBoxPx(urgentFontPx) : 0,
    noticeFontPx,
    noticeHeightPx: wanted.notice ? lineBoxPx(noticeFontPx) : 0,
  };
}
