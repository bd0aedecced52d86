/**
 * Table layout, airport-FIDS style: a header row with the column names, then one posting per
 * row with alternating shading. Columns and their widths come from the plan.
 */
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem, TableColumn } from '../../shared/schemas/board-plan';
import { DailyTag, StatusTags, VerifiedMark } from './item-tags';

interface Props {
  items: readonly BoardItem[];
  table: NonNullable<BoardGeometry['table']>;
  live: boolean;
}

function Cell({ column, item }: { column: TableColumn; item: BoardItem }) {
  switch (column) {
    case 'title':
      return (
        <>
          <span className="line">{item.title}</span>
          <StatusTags item={item} />
        </>
      );
    case 'pay':
      return <span className="line">{item.pay}</span>;
    case 'settlement':
      return item.settlement === 'daily' ? <DailyTag item={item} /> : <span className="line">{item.settlementText}</span>;
    case 'district':
      return <span className="line">{item.district}</span>;
    case 'employer':
      return (
        <>
          <span className="line">{item.employer}</span>
          <VerifiedMark item={item} />
        </>
      );
    case 'phone':
      return <span className="line">{item.phone}</span>;
    default: {
      const never: never = column;
      throw new Error(`TablePage: unknown column ${String(never)}`);
    }
  }
}

export function TablePage({ items, table, live }: Props) {
  const { t } = useTranslation();
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
        <div
          key={item.id}
          role="row"
          className={`table__row${i % 2 === 1 ? ' table__row--alt' : ''}${item.urgent ? ' table__row--urgent' : ''}`}
          data-testid={live ? 'board-item' : undefined}
          data-listing-id={item.id}
        >
          {table.columns.map((c) => (
            <span key={c.key} role="cell" className={`table__cell table__cell--${c.key}`} style={{ width: c.widthPx }}>
              <Cell column={c.key} item={item} />
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
