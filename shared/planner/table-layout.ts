import { TABLE_COLUMNS, type BoardGeometry, type BoardItem, type TableColumn } from '../schemas/board-plan';
import { atLeastFloor } from '../legibility';
import type { Locale } from '../format';
import { BADGE_TEXT, TABLE_LABELS } from './board-labels';
import { LINE_HEIGHT, lineBoxPx, type Frame } from './board-frame';
import { badgesWidthPx } from './card-layout';
import { fitText, textWidthPx } from './text-measure';
import { IdentityMemo } from './identity-memo';

/** Columns given up, in this order, when the screen is too narrow for all of them. */
const DROP_ORDER: readonly TableColumn[] = ['employer', 'settlement', 'booth'];

const TITLE_SCALES = [1.25, 1] as const;

/**
 * FIDS-style table: the first row holds the column labels (bodyPx), then `rowsPerPage`
 * posting rows, all `rowHeightPx` high, no gap between rows; columns are `gapPx` apart.
 * Title and pay cells use titlePx, the others bodyPx.
 */
export function cellFontPx(column: TableColumn, bodyPx: number, titlePx: number): number {
  return column === 'title' || column === 'pay' ? titlePx : bodyPx;
}

/** Badges before the title cell: 急聘, 新, and 日结 only when the settlement column is gone. */
export function tableBadges(
  item: Pick<BoardItem, 'urgent' | 'settlement' | 'settlementText' | 'isNew'>,
  columns: readonly TableColumn[],
  locale: Locale,
): string[] {
  const out: string[] = [];
  if (item.urgent) out.push(BADGE_TEXT[locale].urgent);
  if (item.settlement === 'daily' && !columns.includes('settlement')) out.push(item.settlementText);
  if (item.isNew) out.push(BADGE_TEXT[locale].new);
  return out;
}

function cellText(item: BoardItem, column: TableColumn): string {
  return column === 'settlement' ? item.settlementText : column === 'booth' ? (item.booth ?? '') : item[column];
}

export interface TableLayout {
  table: NonNullable<BoardGeometry['table']>;
  bodyPx: number;
  titlePx: number;
  lineHeight: number;
}

function tryTable(frame: Frame, items: readonly BoardItem[], locale: Locale, titlePx: number): TableLayout | null {
  const bodyPx = frame.minGlyphPx;
  const rowHeightPx = lineBoxPx(titlePx);
  const rowsPerPage = Math.floor(frame.contentHeight / rowHeightPx) - 1;
  if (rowsPerPage < 1) return null;

  // The booth column ("展位": A12) only where some posting has a booth; never cut, like the phone.
  const withBooth = items.some((it) => it.booth);
  let columns: TableColumn[] = TABLE_COLUMNS.filter((c) => c !== 'booth' || withBooth);
  for (let dropped = 0; ; dropped++) {
    const need = new Map<TableColumn, number>();
    const min = new Map<TableColumn, number>();
    for (const col of columns) {
      const font = cellFontPx(col, bodyPx, titlePx);
      let w = textWidthPx(TABLE_LABELS[locale][col], bodyPx);
      let badges = 0;
      for (const it of items) {
        // the booth is drawn as a tag: its text and the tag's padding
        const b =
          col === 'title'
            ? badgesWidthPx(tableBadges(it, columns, locale), bodyPx)
            : col === 'booth' && it.booth
              ? 2 * Math.round(bodyPx * 0.25)
              : 0;
        badges = Math.max(badges, b);
        w = Math.max(w, textWidthPx(cellText(it, col), font) + b);
      }
      need.set(col, w);
      // Phone and settlement are never cut; the rest may be, down to a few characters.
      const floor =
        col === 'title'
          ? badges + 4 * titlePx
          : col === 'pay'
            ? 9 * titlePx
            : col === 'district'
              ? 4 * bodyPx
              : col === 'employer'
                ? 6 * bodyPx
                : w;
      min.set(col, Math.max(textWidthPx(TABLE_LABELS[locale][col], bodyPx), Math.min(w, floor)));
    }
    const gaps = frame.gapPx * (columns.length - 1);
    const sum = columns.reduce((s, c) => s + min.get(c)!, 0) + gaps;
    if (sum <= frame.contentWidth) {
      const widths = new Map(min);
      let extra = frame.contentWidth - sum;
      // Pay and place first: a cut title still names the trade, a cut pay says nothing.
      for (const col of ['pay', 'district', 'title', 'employer'] as const) {
        if (!widths.has(col)) continue;
        const grow = Math.min(extra, need.get(col)! - widths.get(col)!);
        if (grow > 0) {
          widths.set(col, widths.get(col)! + grow);
          extra -= grow;
        }
      }
      widths.set('title', widths.get('title')! + extra);
      return {
        bodyPx,
        titlePx,
        lineHeight: LINE_HEIGHT,
        table: { columns: columns.map((key) => ({ key, widthPx: widths.get(key)! })), rowHeightPx, rowsPerPage },
      };
    }
    const drop = DROP_ORDER[dropped];
    if (drop === undefined) return null;
    columns = columns.filter((c) => c !== drop);
  }
}

/** The table for the frame's content area, or null when not one row with title, pay, district and phone fits. */
export function tableLayout(frame: Frame, items: readonly BoardItem[], locale: Locale): TableLayout | null {
  for (const scale of TITLE_SCALES) {
    const titlePx = atLeastFloor(frame.minGlyphPx * scale, frame.minGlyphPx);
    const t = tryTable(frame, items, locale, titlePx);
    if (t) return t;
  }
  return null;
}

/** Cuts an item's strings to its row's cells; text of a dropped column becomes ''. */
const fittedRows = new IdentityMemo<BoardItem, BoardItem>();

export function fitTableItem(item: BoardItem, layout: TableLayout, locale: Locale): BoardItem {
  return rowFitter(layout, locale)(item);
}

/** fitTableItem for every item of one table (the memo's key made once, not per item). */
export function rowFitter(layout: TableLayout, locale: Locale): (item: BoardItem) => BoardItem {
  const variant = `${layout.table.columns.map((c) => `${c.key}:${c.widthPx}`).join(',')}|${layout.bodyPx}|${layout.titlePx}|${locale}`;
  return (item) => fittedRows.get(item, variant, () => fitRow(item, layout, locale));
}

function fitRow(item: BoardItem, layout: TableLayout, locale: Locale): BoardItem {
  const { bodyPx, titlePx } = layout;
  const keys = layout.table.columns.map((c) => c.key);
  const width = (key: TableColumn) => layout.table.columns.find((c) => c.key === key)?.widthPx;
  const fit = (key: TableColumn, text: string) => {
    const w = width(key);
    return w === undefined ? '' : fitText(text, w, cellFontPx(key, bodyPx, titlePx));
  };
  return {
    ...item,
    title: fitText(item.title, width('title')! - badgesWidthPx(tableBadges(item, keys, locale), bodyPx), titlePx),
    pay: fit('pay', item.pay),
    // The settlement text doubles as the 日结 badge when its column is gone: keep it whole then.
    settlementText: keys.includes('settlement') ? fit('settlement', item.settlementText) : item.settlementText,
    district: fit('district', item.district),
    employer: fit('employer', item.employer),
    phone: fit('phone', item.phone),
  };
}
