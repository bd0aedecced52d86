import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { fontWidthPx } from '../../support/text-width-model';

/**
 * Ways a market-pulse page could overflow its screen or drop below the legibility minimum, as
 * readable problems. As in plan-checks.ts nothing here calls the planner: boxes are the ones
 * pulse.css draws from the page's sizes, text is measured with the font's own advances.
 */
export function pulseProblems(plan: BoardPlan): string[] {
  const problems: string[] = [];
  const g = plan.geometry;
  const { width: W, height: H } = plan.viewport;
  const lh = g.lineHeight;
  const contentW = W - 2 * g.paddingPx;
  const contentH = H - 2 * g.paddingPx - g.headerHeightPx - g.gapPx;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const fits = (text: string, fontPx: number, boxPx: number, what: string) => {
    const w = fontWidthPx(text, fontPx);
    check(w <= boxPx + 1e-6, `${what}: "${text}" is ${w.toFixed(1)} px in a ${boxPx} px box`);
  };
  for (const page of plan.pages) {
    const p = page.pulse;
    if (!p) continue;
    check(page.items.length === 0, 'the pulse page carries postings');
    check(
      p.bodyPx >= g.minGlyphPx && p.titlePx >= p.bodyPx,
      `pulse text below the minimum glyph (${p.bodyPx}/${p.titlePx} < ${g.minGlyphPx})`,
    );
    check(p.rowHeightPx >= p.titlePx * lh, 'pulse row shorter than its text');
    // pulse.css, top to bottom: headline, summary, gap, the table (or the empty line), the note
    // pushed to the bottom with a gap at least.
    const height =
      p.titlePx * lh +
      (p.summary ? p.bodyPx * lh : 0) +
      g.gapPx +
      (p.empty !== null ? p.titlePx * lh : (p.rows.length + 1) * p.rowHeightPx) +
      (p.note ? g.gapPx + p.bodyPx * lh : 0);
    check(height <= contentH + 1e-6, `pulse page ${height.toFixed(1)} px tall in ${contentH} px`);
    check(
      p.columns.reduce((s, c) => s + c.widthPx, 0) + (p.columns.length - 1) * g.gapPx <= contentW,
      'pulse table wider than the content area',
    );
    for (const must of ['trade', 'demand', 'gap', 'ratio'] as const)
      check(
        p.columns.some((c) => c.key === must),
        `pulse table lost its ${must} column`,
      );
    fits(p.headline, p.titlePx, contentW, 'pulse headline');
    fits(p.summary, p.bodyPx, contentW, 'pulse summary');
    fits(p.note, p.bodyPx, contentW, 'pulse note');
    if (p.empty !== null) fits(p.empty, p.titlePx, contentW, 'pulse empty text');
    for (const c of p.columns) fits(c.label, p.bodyPx, c.widthPx, 'pulse column label');
    for (const row of p.rows) {
      check(row.cells.length === p.columns.length, 'pulse row has a cell per column');
      // the trade's name is drawn at the title size, the figures at the body size
      row.cells.forEach((text, i) =>
        fits(
          text,
          p.columns[i]!.key === 'trade' ? p.titlePx : p.bodyPx,
          p.columns[i]!.widthPx,
          `pulse ${p.columns[i]!.key}`,
        ),
      );
    }
  }
  return problems;
}
