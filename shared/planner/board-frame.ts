import type { Locale } from '../format';
import { textWidthPx } from './text-measure';

/** Line height for every text line the planner lays out (DOMAIN.md: 1.35–1.7). */
export const LINE_HEIGHT = 1.4;

/** Height of one line of text at `fontPx`, whole pixels, never short. */
export function lineBoxPx(fontPx: number): number {
  return Math.ceil(fontPx * LINE_HEIGHT);
}

/**
 * Widest strings the header ever shows, per part. The header is a single line: date and clock
 * on the left, "updated HH:MM" and the page indicator on the right, one em apart.
 */
export const HEADER_SAMPLES: Record<Locale, { date: string; clock: string; updated: string; page: string }> = {
  'zh-CN': { date: '12月31日 星期三', clock: '23:59', updated: '更新 23:59', page: '888/888' },
  en: { date: 'Wed 31 Dec', clock: '23:59', updated: 'Updated 23:59', page: '888/888' },
};

/** Whether the header fits `widthPx` with the date; clock, updated and page always must. */
export function headerFit(widthPx: number, headerPx: number, locale: Locale): { fits: boolean; withDate: boolean } {
  const s = HEADER_SAMPLES[locale];
  const gap = headerPx;
  const core =
    textWidthPx(s.clock, headerPx) + textWidthPx(s.updated, headerPx) + textWidthPx(s.page, headerPx) + 2 * gap;
  const withDate = core + textWidthPx(s.date, headerPx) + gap;
  return { fits: core <= widthPx, withDate: withDate <= widthPx };
}

/**
 * Room left in the header's centre (the hall's line) once date (when it fits), clock, updated
 * and page indicator have theirs: the centre sits one gap from its neighbours.
 */
export function headerCentreWidthPx(widthPx: number, headerPx: number, locale: Locale): number {
  const s = HEADER_SAMPLES[locale];
  const { withDate } = headerFit(widthPx, headerPx, locale);
  const sides =
    (withDate ? textWidthPx(s.date, headerPx) + headerPx : 0) +
    textWidthPx(s.clock, headerPx) +
    textWidthPx(s.updated, headerPx) +
    textWidthPx(s.page, headerPx) +
    3 * headerPx;
  return Math.max(0, Math.floor(widthPx - sides));
}

/**
 * The frame shared by cards and table: an outer padding, the header line at the top, one gap,
 * then the content area.
 */
export interface Frame {
  minGlyphPx: number;
  headerPx: number;
  paddingPx: number;
  gapPx: number;
  headerHeightPx: number;
  contentWidth: number;
  contentHeight: number;
}

export function frameFor(
  viewport: { width: number; height: number },
  minGlyphPx: number,
  locale: Locale,
): Frame | null {
  const headerPx = minGlyphPx;
  const paddingPx = Math.round(minGlyphPx * 0.4);
  const gapPx = Math.round(minGlyphPx * 0.4);
  const headerHeightPx = lineBoxPx(headerPx);
  const contentWidth = viewport.width - 2 * paddingPx;
  const contentHeight = viewport.height - 2 * paddingPx - headerHeightPx - gapPx;
  if (contentWidth <= 0 || contentHeight <= 0) return null;
  if (!headerFit(contentWidth, headerPx, locale).fits) return null;
  return { minGlyphPx, headerPx, paddingPx, gapPx, headerHeightPx, contentWidth, contentHeight };
}
