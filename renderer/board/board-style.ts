/**
 * The plan's geometry as CSS custom properties on the board root. The planner decided every
 * size; this only maps them to names board.css uses, plus a few derived values that are
 * fixed fractions of those sizes (never smaller than the plan's minimum glyph).
 */
import type { CSSProperties } from 'react';
import type { BoardGeometry } from '../../shared/schemas/board-plan';
import { cardBoxes } from '../../shared/planner/card-layout';
import { atLeastFloor, UNPLANNED_GLYPH_FLOOR_PX } from '../../shared/legibility';

const px = (n: number) => `${Math.round(n)}px`;

/** Sizes as CSS custom properties in whole px, for a page's own variables (pulse, group legend, share strip). */
export function pxVars(vars: Record<string, number>): CSSProperties {
  const out: Record<string, string> = {};
  for (const [name, n] of Object.entries(vars)) out[name] = px(n);
  return out as CSSProperties;
}

/** Card padding, badge padding and gap: the same fractions the planner reserved (card-layout.ts). */
export function cardBoxesFor(g: BoardGeometry) {
  return cardBoxes(g.cards?.cardWidthPx ?? 1, g.bodyPx, g.titlePx);
}

/** In the table, title and pay use the title size only when a title line fits the row. */
export function tableStrongPx(g: BoardGeometry): number {
  if (!g.table) return g.bodyPx;
  return Math.ceil(g.titlePx * g.lineHeight) <= g.table.rowHeightPx ? g.titlePx : g.bodyPx;
}

export function boardStyle(g: BoardGeometry): CSSProperties {
  const min = g.minGlyphPx;
  const atLeastMin = (n: number) => atLeastFloor(n, min);
  const boxes = cardBoxesFor(g);
  const vars: Record<string, string | number> = {
    '--min-glyph': px(min),
    '--body': px(atLeastMin(g.bodyPx)),
    '--title': px(atLeastMin(g.titlePx)),
    '--header': px(atLeastMin(g.headerPx)),
    '--lh': g.lineHeight,
    '--header-h': px(g.headerHeightPx),
    '--pad': px(g.paddingPx),
    '--gap': px(g.gapPx),
    '--card-pad': px(boxes.padPx),
    '--badge-pad': px(boxes.badgePadPx),
    '--badge-gap': px(boxes.badgeGapPx),
    // ticker-layout.ts: the side block's padding is a quarter of the minimum glyph.
    '--side-pad': px(Math.round(min * 0.25)),
    '--row-h': px(g.table?.rowHeightPx ?? Math.ceil(g.bodyPx * g.lineHeight)),
    '--row-strong': px(atLeastMin(tableStrongPx(g))),
    '--ticker-h': px(g.ticker?.lineHeightPx ?? Math.ceil(g.titlePx * g.lineHeight)),
    '--ticker-side': px(g.ticker?.sideWidthPx ?? 0),
    '--banner': px(atLeastMin(Math.min(g.bodyPx, g.headerPx))),
    '--notice': px(atLeastMin(g.titlePx)),
    '--notice-hint': px(atLeastMin(g.bodyPx)),
    // Bottom bands the plan keeps clear for the urgent banner and the notice line.
    ...(g.bottomBand
      ? {
          '--band-urgent-font': px(atLeastMin(g.bottomBand.urgentFontPx)),
          '--band-urgent-h': px(g.bottomBand.urgentHeightPx),
          '--band-notice-font': px(atLeastMin(g.bottomBand.noticeFontPx)),
          '--band-notice-h': px(g.bottomBand.noticeHeightPx),
          '--band-total': px(g.bottomBand.urgentHeightPx + g.bottomBand.noticeHeightPx),
        }
      : {}),
  };
  return vars as CSSProperties;
}

/** Before any plan: no screen to take a floor from, so the notices use the unplanned floor. */
export function bareBoardStyle(): CSSProperties {
  return { '--min-glyph': px(UNPLANNED_GLYPH_FLOOR_PX) } as CSSProperties;
}
