/**
 * The plan's geometry as CSS custom properties on the board root. The planner decided every
 * size; this only maps them to names board.css uses, plus a few derived values that are
 * fixed fractions of those sizes (never smaller than the plan's minimum glyph).
 */
import type { CSSProperties } from 'react';
import type { BoardGeometry } from '../../shared/schemas/board-plan';

const px = (n: number) => `${Math.round(n)}px`;

/** Card inner padding; the planner's card model reserves these (see card line model in report). */
export function cardPadding(g: BoardGeometry): { x: number; y: number } {
  return { x: Math.max(4, Math.round(g.bodyPx * 0.4)), y: Math.max(2, Math.round(g.bodyPx * 0.2)) };
}

/** In the table, title and pay use the title size only when a title line fits the row. */
export function tableStrongPx(g: BoardGeometry): number {
  if (!g.table) return g.bodyPx;
  return Math.ceil(g.titlePx * g.lineHeight) <= g.table.rowHeightPx ? g.titlePx : g.bodyPx;
}

export function boardStyle(g: BoardGeometry): CSSProperties {
  const min = g.minGlyphPx;
  const atLeastMin = (n: number) => Math.max(min, n);
  const pad = cardPadding(g);
  const vars: Record<string, string | number> = {
    '--min-glyph': px(min),
    '--body': px(atLeastMin(g.bodyPx)),
    '--title': px(atLeastMin(g.titlePx)),
    '--header': px(atLeastMin(g.headerPx)),
    '--lh': g.lineHeight,
    '--header-h': px(g.headerHeightPx),
    '--pad': px(g.paddingPx),
    '--gap': px(g.gapPx),
    '--card-pad-x': px(pad.x),
    '--card-pad-y': px(pad.y),
    '--row-h': px(g.table?.rowHeightPx ?? Math.ceil(g.bodyPx * g.lineHeight)),
    '--row-strong': px(atLeastMin(tableStrongPx(g))),
    '--ticker-h': px(g.ticker?.lineHeightPx ?? Math.ceil(g.titlePx * g.lineHeight)),
    '--ticker-side': px(g.ticker?.sideWidthPx ?? 0),
    '--banner': px(atLeastMin(Math.min(g.bodyPx, g.headerPx))),
    '--notice': px(atLeastMin(g.titlePx)),
    '--notice-hint': px(atLeastMin(g.bodyPx)),
  };
  return vars as CSSProperties;
}
