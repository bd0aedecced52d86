/**
 * Table layout, airport-FIDS style (shared/planner/table-layout.ts): a label row at bodyPx,
 * then one posting per row, every row `rowHeightPx` high, columns exactly their planned
 * width and `gapPx` apart; title and pay at titlePx. Rows are shaded edge to edge.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem, TableColumn } from '../../shared/schemas/board-plan';
import { ItemBadges } from './item-tags';
import { itemKey, useMountedRef } from './live-keys';

interface Props {
  items: readonly BoardItem[];
  table: NonNullable<BoardGeometry['table']>;
  live: boolean;
}

function Cell({ column, item, hasSettlement }: { column: TableColumn; item: BoardItem; hasSettlement: boolean }) {
  switch (column) {
    case 'title':
      return (
        <>
          <ItemBadges item={item} withDaily={!hasSettlement} />
          <span className="line">{item.title}</span>
        </>
      );
    case 'pay':
      return <span className="line">{item.pay}</span>;
    case 'settlement':
      return (
        <span
          className={item.settlement === 'daily' ? 'line daily-mark' : 'line'}
          data-testid={item.settlement === 'daily' ? 'tag-daily' : undefined}
        >
          {item.settlementText}
        </span>
      );
    case 'district':
      return <span className="line">{item.district}</span>;
    case 'employer':
      // No ✓ here: the planner gives the employer cell's whole width to the name.
      return <span className="line">{item.employer}</span>;
    case 'booth':
      return item.booth ? (
        <span className="tag tag--booth" data-testid="tag-booth">
          {item.booth}
        </span>
      ) : null;
    case 'phone':
      return (
        <span className="line" data-testid="item-phone">
          {item.phone}
        </span>
      );
    default: {
      const never: never = column;
      throw new Error(`TablePage: unknown column ${String(never)}`);
    }
  }
}

interface RowProps {
  item: BoardItem;
  alt: boolean;
  table: Props['table'];
  hasSettlement: boolean;
  live: boolean;
  /** The row came in by a live change on the page already up (it animates once). */
  changed: boolean;
}

function Row({ item, alt, table, hasSettlement, live, changed }: RowProps) {
  const [animate] = useState(changed);
  return (
    <div
      role="row"
      className={`table__row${alt ? ' table__row--alt' : ''}${item.urgent ? ' table__row--urgent' : ''}${animate ? ' table__row--changed' : ''}`}
      data-testid={live ? 'board-item' : undefined}
      data-posting-id={item.id}
    >
      {table.columns.map((c) => (
        <span key={c.key} role="cell" className={`table__cell table__cell--${c.key}`} style={{ width: c.widthPx }}>
          <Cell column={c.key} item={item} hasSettlement={hasSettlement} />
        </span>
      ))}
    </div>
  );
}

export function TablePage({ items, table, live }: Props) {
  const { t } = useTranslation();
  const mounted = useMountedRef();
  const hasSettlement = table.columns.some((c) => c.key === 'settlement');
  return (
    <div className="table" role="table">
      <div className="table__row table__row--head" role="row" data-testid="board-table-head">
        {table.columns.map((c) => (
          <span key={c.key} className="table__cell" role="columnheader" style={{ width: c.widthPx }}>
            <span className="line">{t(`board.column.${c.key}`)}</span>
          </span>
        ))}
      </div>
      {items.map((item, i) => (
        <Row
          key={itemKey(item)}
          item={item}
          alt={i % 2 === 1}
          table={table}
          hasSettlement={hasSettlement}
          live={live}
          changed={mounted.current}
        />
      ))}
    </div>
  );
}
