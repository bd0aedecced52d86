import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoardItem, BoardPlan, TableColumn } from '../../../shared/schemas/board-plan';
import { fontWidthPx } from '../../support/text-width-model';
import { pulseProblems } from './pulse-checks';

/**
 * Every way a plan could overflow its screen, as a list of human-readable problems (empty when
 * the plan fits). Nothing here calls the planner: text is measured with the font's own advances
 * (tests/support/text-width-model.ts), the boxes are the ones board.css draws from the plan's
 * geometry, the words are the board's i18n catalogue, and heights use DOMAIN.md's line height.
 */

type Locale = BoardPlan['locale'];
const ROOT = join(import.meta.dirname, '../../..');
const CATALOGUE: Record<Locale, { board: Record<string, unknown> }> = {
  'zh-CN': JSON.parse(readFileSync(join(ROOT, 'renderer/common/locales/zh-CN.json'), 'utf8')),
  en: JSON.parse(readFileSync(join(ROOT, 'renderer/common/locales/en.json'), 'utf8')),
};
const word = (locale: Locale, key: string): string => {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], CATALOGUE[locale].board);
  if (typeof value !== 'string') throw new Error(`plan-checks: board.${key} is not a string in ${locale}`);
  return value;
};
/** i18next's {{name}} interpolation, enough for the board's few templates. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

/** board.css: card padding, badge padding and the gap on the title row (board-style.ts). */
const cardPad = (bodyPx: number) => Math.round(bodyPx * 0.4);
const badgePad = (bodyPx: number) => Math.round(bodyPx * 0.25);
const badgeGap = (bodyPx: number) => Math.round(bodyPx * 0.25);
/** The widest clock a board shows (HH:MM). */
const WIDEST_CLOCK = '23:59';

export function overflowProblems(full: BoardPlan): string[] {
  const problems: string[] = [];
  const g = full.geometry;
  const locale = full.locale;
  // While an urgent banner or the notice line is live, content must end above their bands.
  const band = g.bottomBand;
  const bandPx = band ? band.urgentHeightPx + band.noticeHeightPx : 0;
  const plan: BoardPlan =
    bandPx > 0 ? { ...full, viewport: { ...full.viewport, height: full.viewport.height - bandPx } } : full;
  const { width: W, height: H } = plan.viewport;
  const p = g.paddingPx;
  const lh = g.lineHeight;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const fits = (text: string, fontPx: number, boxPx: number, what: string) => {
    const w = fontWidthPx(text, fontPx);
    check(w <= boxPx + 1e-6, `${what}: "${text}" is ${w.toFixed(1)} px in a ${boxPx} px box`);
  };
  const badgeBox = (text: string) => fontWidthPx(text, g.bodyPx) + 2 * badgePad(g.bodyPx);
  const updatedWidest = Math.max(
    fontWidthPx(fill(word(locale, 'updatedAt'), { time: WIDEST_CLOCK }), g.headerPx),
    fontWidthPx(word(locale, 'updatedNever'), g.headerPx),
  );
  const pageCount = plan.pages.length;
  const pageIndicator = fill(word(locale, 'pageIndicator'), { current: pageCount, total: pageCount });

  if (band) {
    check(
      band.urgentFontPx >= g.minGlyphPx && band.noticeFontPx >= g.minGlyphPx,
      'bottom band text below the minimum glyph',
    );
    check(
      band.urgentHeightPx === 0 || band.urgentHeightPx >= band.urgentFontPx * 1.35,
      'urgent band shorter than its text',
    );
    check(
      band.noticeHeightPx === 0 || band.noticeHeightPx >= band.noticeFontPx * 1.35,
      'notice band shorter than its text',
    );
  }

  if (plan.layout !== 'ticker' && pageCount > 0) {
    check(g.headerHeightPx >= g.headerPx * 1.35, 'header line shorter than its text');
    // board-header.tsx: clock, the hall's line (drawn whole, never cut), updated, page; a
    // header-sized gap between each of them.
    const header =
      fontWidthPx(WIDEST_CLOCK, g.headerPx) +
      fontWidthPx(plan.headerLine, g.headerPx) +
      updatedWidest +
      fontWidthPx(pageIndicator, g.headerPx) +
      3 * g.headerPx;
    check(header <= W - 2 * p, `header is ${header.toFixed(1)} px on a ${W - 2 * p} px line`);
  }

  if (g.cards) {
    const c = g.cards;
    check(
      2 * p + g.headerHeightPx + g.gapPx + c.rows * c.cardHeightPx + (c.rows - 1) * g.gapPx <= H,
      'card grid taller than viewport',
    );
    check(2 * p + c.columns * c.cardWidthPx + (c.columns - 1) * g.gapPx <= W, 'card grid wider than viewport');
    // title, pay (titlePx), meta, employer, phone (bodyPx) inside the padding
    const lines = 2 * g.titlePx * lh + 3 * g.bodyPx * lh;
    check(
      2 * cardPad(g.bodyPx) + lines <= c.cardHeightPx,
      `card lines (${lines.toFixed(1)} px) taller than the card (${c.cardHeightPx} px)`,
    );
    const inner = c.cardWidthPx - 2 * cardPad(g.bodyPx);
    for (const page of plan.pages) {
      check(page.items.length <= c.columns * c.rows, `page ${page.index} has more cards than the grid`);
      for (const it of page.items) {
        // the badges stand on the title line, or (badgesBelow) at the start of the third line
        const badges = cardBadges(it, locale);
        const badgesW = badges.reduce((s, b) => s + badgeBox(b) + badgeGap(g.bodyPx), 0);
        fits(it.title, g.titlePx, it.badgesBelow ? inner : inner - badgesW, 'card title');
        fits(it.pay, g.titlePx, inner, 'card pay');
        // 日结 is its badge only: the third line does not repeat it
        const meta =
          it.settlement === 'daily' ? [it.district, it.headcount] : [it.district, it.settlementText, it.headcount];
        fits(meta.join(word(locale, 'separator')), g.bodyPx, inner - (it.badgesBelow ? badgesW : 0), 'card meta line');
        // ✓ then 0.3 em of margin before a verified employer
        const mark = it.verified ? fontWidthPx(word(locale, 'verifiedMark'), g.bodyPx) + 0.3 * g.bodyPx : 0;
        // the booth tag ("展位 A12", a badge) after the employer, whole
        const booth = it.booth ? fill(word(locale, 'booth'), { code: it.booth }) : null;
        const boothW = booth ? badgeBox(booth) + badgeGap(g.bodyPx) : 0;
        if (booth) check(/^[A-Z0-9-]{1,8}$/.test(it.booth!), `card booth cut: "${it.booth}"`);
        fits(it.employer, g.bodyPx, inner - mark - boothW, 'card employer');
        fits(it.phone, g.bodyPx, inner, 'card phone');
      }
    }
  }

  if (g.table) {
    const t = g.table;
    const keys = t.columns.map((col) => col.key);
    for (const must of ['title', 'pay', 'district', 'phone'] as const)
      check(keys.includes(must), `table lost its ${must} column`);
    check(2 * p + g.headerHeightPx + g.gapPx + (t.rowsPerPage + 1) * t.rowHeightPx <= H, 'table taller than viewport');
    // table rows run edge to edge with the padding inside them
    check(
      2 * p + t.columns.reduce((s, col) => s + col.widthPx, 0) + (t.columns.length - 1) * g.gapPx <= W,
      'table wider than viewport',
    );
    check(g.bodyPx * lh <= t.rowHeightPx, 'table row shorter than its text');
    // board-style.ts: title and pay at the title size when a title line fits the row
    const strong = Math.ceil(g.titlePx * lh) <= t.rowHeightPx ? g.titlePx : g.bodyPx;
    const font = (key: TableColumn) => (key === 'title' || key === 'pay' ? strong : g.bodyPx);
    for (const col of t.columns) fits(word(locale, `column.${col.key}`), g.bodyPx, col.widthPx, 'table label');
    const withSettlement = keys.includes('settlement');
    for (const page of plan.pages) {
      check(page.items.length <= t.rowsPerPage, `page ${page.index} has more rows than fit`);
      for (const it of page.items) {
        for (const col of t.columns) {
          const text =
            col.key === 'settlement' ? it.settlementText : col.key === 'booth' ? (it.booth ?? '') : it[col.key];
          const badges = col.key === 'title' ? tableBadges(it, withSettlement, locale) : [];
          // the booth is a tag: its padding inside the cell
          const box =
            col.widthPx -
            badges.reduce((s, b) => s + badgeBox(b) + badgeGap(g.bodyPx), 0) -
            (col.key === 'booth' && it.booth ? 2 * badgePad(g.bodyPx) : 0);
          fits(text, font(col.key), box, `table ${col.key}`);
        }
      }
    }
  }

  if (g.ticker) {
    const k = g.ticker;
    check(2 * p + k.lineHeightPx <= H, 'ticker line taller than viewport');
    check(g.bodyPx * 1.35 <= k.lineHeightPx && g.headerPx * 1.35 <= k.lineHeightPx, 'ticker text taller than its line');
    const scrollW = W - 2 * p - (k.sideWidthPx > 0 ? k.sideWidthPx + g.gapPx : 0);
    check(scrollW >= 4 * g.bodyPx, 'ticker scroll area narrower than four characters');
    if (k.sideWidthPx > 0) {
      // at least the clock, with the side block's quarter-glyph padding (board-style.ts)
      const clock = fontWidthPx(WIDEST_CLOCK, g.headerPx) + 2 * Math.round(g.minGlyphPx * 0.25);
      check(
        clock <= k.sideWidthPx,
        `ticker side block (${k.sideWidthPx} px) cannot hold the clock (${clock.toFixed(1)} px)`,
      );
    }
    // DOMAIN.md: Chinese is read at about 4 characters a second; a line must not move faster.
    check(k.speedPxPerS <= 4 * g.bodyPx, `ticker moves ${(k.speedPxPerS / g.bodyPx).toFixed(2)} characters a second`);
    for (const page of plan.pages) {
      const textW = fontWidthPx(tickerLine(page.items, locale), g.bodyPx);
      check(
        page.dwellMs >= ((textW + scrollW) / k.speedPxPerS) * 1000,
        `ticker page ${page.index} ends before its text has passed`,
      );
    }
  }
  // The market-pulse page, where a screen has one (pulse-checks.ts).
  problems.push(...pulseProblems(plan));
  return problems;
}

/** item-tags.tsx: 急聘, 日结, 新 on a card's title line, in that order. */
function cardBadges(it: BoardItem, locale: Locale): string[] {
  return [
    it.urgent ? word(locale, 'urgent') : null,
    it.settlement === 'daily' ? it.settlementText : null,
    it.isNew ? word(locale, 'new') : null,
  ].filter((b): b is string => b !== null);
}

/** In the table, 日结 is a badge only once its own column is gone. */
function tableBadges(it: BoardItem, withSettlement: boolean, locale: Locale): string[] {
  return [
    it.urgent ? word(locale, 'urgent') : null,
    it.settlement === 'daily' && !withSettlement ? it.settlementText : null,
    it.isNew ? word(locale, 'new') : null,
  ].filter((b): b is string => b !== null);
}

/** ticker-page.tsx: 【急聘】, title, pay, settlement, district, headcount, employer, 展位 A12, phone; two spaces between fields, "\u3000◆\u3000" between postings. */
function tickerLine(items: readonly BoardItem[], locale: Locale): string {
  return items
    .map((it) =>
      [
        it.urgent ? `【${word(locale, 'urgent')}】` : '',
        it.title,
        it.pay,
        it.settlementText,
        it.district,
        it.headcount,
        it.employer,
        it.booth ? fill(word(locale, 'booth'), { code: it.booth }) : '',
        it.phone,
      ]
        .filter((s) => s !== '')
        .join('  '),
    )
    .join('\u3000◆\u3000');
}

export function allItems(plan: BoardPlan): BoardItem[] {
  return plan.pages.flatMap((pg) => pg.items);
}
