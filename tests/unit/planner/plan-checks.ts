import type { BoardItem, BoardPlan } from '../../../shared/schemas/board-plan';
import { headerFit, lineBoxPx } from '../../../shared/planner/board-frame';
import { badgesWidthPx, cardBadges, cardBoxes, cardHeightPx, META_SEPARATOR, verifiedMarkWidthPx } from '../../../shared/planner/card-layout';
import { cellFontPx, tableBadges } from '../../../shared/planner/table-layout';
import { TABLE_LABELS } from '../../../shared/planner/board-labels';
import { sideBlockWidthPx, tickerPageText, tickerSideParts } from '../../../shared/planner/ticker-layout';
import { textWidthPx } from '../../../shared/planner/text-measure';
import { pulseProblems } from './pulse-checks';

/**
 * Every way a plan could overflow its screen, as a list of human-readable problems (empty when
 * the plan fits). Written from the layout conventions, not from the planner's own arithmetic.
 */
export function overflowProblems(full: BoardPlan): string[] {
  const problems: string[] = [];
  const g = full.geometry;
  // While an urgent banner or the notice line is live, content must end above their bands.
  const band = g.bottomBand;
  const bandPx = band ? band.urgentHeightPx + band.noticeHeightPx : 0;
  const plan: BoardPlan = bandPx > 0 ? { ...full, viewport: { ...full.viewport, height: full.viewport.height - bandPx } } : full;
  const { width: W, height: H } = plan.viewport;
  const p = g.paddingPx;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const fits = (text: string, fontPx: number, boxPx: number, what: string) =>
    check(textWidthPx(text, fontPx) <= boxPx, `${what}: "${text}" is ${textWidthPx(text, fontPx)} px in a ${boxPx} px box`);

  if (band) {
    check(band.urgentFontPx >= g.minGlyphPx && band.noticeFontPx >= g.minGlyphPx, 'bottom band text below the minimum glyph');
    check(band.urgentHeightPx === 0 || band.urgentHeightPx >= lineBoxPx(band.urgentFontPx), 'urgent band shorter than its text');
    check(band.noticeHeightPx === 0 || band.noticeHeightPx >= lineBoxPx(band.noticeFontPx), 'notice band shorter than its text');
  }

  if (plan.layout !== 'ticker') {
    check(g.headerHeightPx >= lineBoxPx(g.headerPx), 'header line shorter than its text');
    check(headerFit(W - 2 * p, g.headerPx, plan.locale).fits, 'header text wider than the screen');
  }

  if (g.cards) {
    const c = g.cards;
    check(2 * p + g.headerHeightPx + g.gapPx + c.rows * c.cardHeightPx + (c.rows - 1) * g.gapPx <= H, 'card grid taller than viewport');
    check(2 * p + c.columns * c.cardWidthPx + (c.columns - 1) * g.gapPx <= W, 'card grid wider than viewport');
    check(cardHeightPx(g.bodyPx, g.titlePx) <= c.cardHeightPx, 'card lines taller than the card');
    const box = cardBoxes(c.cardWidthPx, g.bodyPx, g.titlePx);
    const inner = box.innerWidth;
    for (const page of plan.pages) {
      check(page.items.length <= c.columns * c.rows, `page ${page.index} has more cards than the grid`);
      for (const it of page.items) {
        fits(it.title, g.titlePx, inner - badgesWidthPx(cardBadges(it, plan.locale), g.bodyPx), 'card title');
        fits(it.pay, g.titlePx, inner, 'card pay');
        fits([it.district, it.settlementText, it.headcount].join(META_SEPARATOR), g.bodyPx, inner, 'card meta line');
        fits(it.employer, g.bodyPx, inner - (it.verified ? verifiedMarkWidthPx(g.bodyPx) : 0), 'card employer');
        fits(it.phone, g.bodyPx, inner, 'card phone');
      }
    }
  }

  if (g.table) {
    const t = g.table;
    const keys = t.columns.map((c) => c.key);
    for (const must of ['title', 'pay', 'district', 'phone'] as const) check(keys.includes(must), `table lost its ${must} column`);
    check(2 * p + g.headerHeightPx + g.gapPx + (t.rowsPerPage + 1) * t.rowHeightPx <= H, 'table taller than viewport');
    check(2 * p + t.columns.reduce((s, c) => s + c.widthPx, 0) + (t.columns.length - 1) * g.gapPx <= W, 'table wider than viewport');
    check(lineBoxPx(g.titlePx) <= t.rowHeightPx, 'table row shorter than its text');
    for (const col of t.columns) fits(TABLE_LABELS[plan.locale][col.key], g.bodyPx, col.widthPx, 'table label');
    for (const page of plan.pages) {
      check(page.items.length <= t.rowsPerPage, `page ${page.index} has more rows than fit`);
      for (const it of page.items) {
        for (const col of t.columns) {
          const font = cellFontPx(col.key, g.bodyPx, g.titlePx);
          const text = col.key === 'settlement' ? it.settlementText : it[col.key];
          const reserve = col.key === 'title' ? badgesWidthPx(tableBadges(it, keys, plan.locale), g.bodyPx) : 0;
          fits(text, font, col.widthPx - reserve, `table ${col.key}`);
        }
      }
    }
  }

  if (g.ticker) {
    const k = g.ticker;
    check(2 * p + k.lineHeightPx <= H, 'ticker line taller than viewport');
    check(lineBoxPx(g.bodyPx) <= k.lineHeightPx && lineBoxPx(g.headerPx) <= k.lineHeightPx, 'ticker text taller than its line');
    const scrollW = W - 2 * p - (k.sideWidthPx > 0 ? k.sideWidthPx + g.gapPx : 0);
    check(scrollW >= 4 * g.bodyPx, 'ticker scroll area narrower than four characters');
    if (k.sideWidthPx > 0) {
      const pad = Math.round(g.headerPx * 0.25);
      check(
        tickerSideParts(plan.locale).some((parts) => sideBlockWidthPx(parts, g.headerPx, pad) <= k.sideWidthPx && parts.length > 0),
        'ticker side block cannot hold the clock',
      );
    }
    check(Math.abs(k.speedPxPerS - 3.5 * g.bodyPx) < 1e-9, 'ticker speed is not 3.5 characters per second');
    for (const page of plan.pages) {
      const textW = textWidthPx(tickerPageText(page.items, plan.locale), g.bodyPx);
      check(page.dwellMs >= ((textW + scrollW) / k.speedPxPerS) * 1000, `ticker page ${page.index} ends before its text has passed`);
    }
  }
  // The market-pulse page, where a screen has one (pulse-checks.ts).
  problems.push(...pulseProblems(plan));
  return problems;
}

export function allItems(plan: BoardPlan): BoardItem[] {
  return plan.pages.flatMap((pg) => pg.items);
}
