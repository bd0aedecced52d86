import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { lineBoxPx } from '../../../shared/planner/board-frame';
import { pulseCellFontPx } from '../../../shared/planner/pulse-layout';
import { textWidthPx } from '../../../shared/planner/text-measure';

/**
 * Ways a market-pulse page could overflow its screen or drop below the legibility minimum,
 * written from the layout's conventions (pulse-layout.ts), as readable problems.
 */
export function pulseProblems(plan: BoardPlan): string[] {
  const problems: string[] = [];
  const g = plan.geometry;
  const { width: W, height: H } = plan.viewport;
  const contentW = W - 2 * g.paddingPx;
  const contentH = H - 2 * g.paddingPx - g.headerHeightPx - g.gapPx;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const fits = (text: string, fontPx: number, boxPx: number, what: string) =>
    check(textWidthPx(text, fontPx) <= boxPx, `${what}: "${text}" is ${textWidthPx(text, fontPx)} px in a ${boxPx} px box`);
  for (const page of plan.pages) {
    const p = page.pulse;
    if (!p) continue;
    check(page.items.length === 0, 'the pulse page carries postings');
    check(p.bodyPx >= g.minGlyphPx && p.titlePx >= p.bodyPx, `pulse text below the minimum glyph (${p.bodyPx}/${p.titlePx} < ${g.minGlyphPx})`);
    check(p.rowHeightPx >= lineBoxPx(p.titlePx), 'pulse row shorter than its text');
    const height =
      lineBoxPx(p.titlePx) +
      (p.summary ? lineBoxPx(p.bodyPx) : 0) +
      g.gapPx +
      (p.empty !== null ? lineBoxPx(p.titlePx) : (p.rows.length + 1) * p.rowHeightPx) +
      (p.note ? g.gapPx + lineBoxPx(p.bodyPx) : 0);
    check(height <= contentH, `pulse page ${height} px tall in ${contentH} px`);
    check(p.columns.reduce((s, c) => s + c.widthPx, 0) + (p.columns.length - 1) * g.gapPx <= contentW, 'pulse table wider than the content area');
    for (const must of ['trade', 'demand', 'gap', 'ratio'] as const) check(p.columns.some((c) => c.key === must), `pulse table lost its ${must} column`);
    fits(p.headline, p.titlePx, contentW, 'pulse headline');
    fits(p.summary, p.bodyPx, contentW, 'pulse summary');
    fits(p.note, p.bodyPx, contentW, 'pulse note');
    if (p.empty !== null) fits(p.empty, p.titlePx, contentW, 'pulse empty text');
    for (const c of p.columns) fits(c.label, p.bodyPx, c.widthPx, 'pulse column label');
    for (const row of p.rows) {
      check(row.cells.length === p.columns.length, 'pulse row has a cell per column');
      row.cells.forEach((text, i) => fits(text, pulseCellFontPx(p.columns[i]!.key, p.bodyPx, p.titlePx), p.columns[i]!.widthPx, `pulse ${p.columns[i]!.key}`));
    }
  }
  return problems;
}
