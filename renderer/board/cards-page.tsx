/**
 * Cards layout: a grid of `columns × rows` cards of exactly the planned size. Each card has
 * five lines: title (+ 急/新), pay (+ 日结), district · settlement · headcount, employer
 * (+ ✓ verified), phone.
 */
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem } from '../../shared/schemas/board-plan';
import { DailyTag, StatusTags, VerifiedMark } from './item-tags';

interface Props {
  items: readonly BoardItem[];
  cards: NonNullable<BoardGeometry['cards']>;
  live: boolean;
}

function Card({ item, live }: { item: BoardItem; live: boolean }) {
  const { t } = useTranslation();
  const sep = t('board.separator');
  return (
    <article
      className={item.urgent ? 'card card--urgent' : 'card'}
      data-testid={live ? 'board-item' : undefined}
      data-listing-id={item.id}
    >
      <div className="card__row">
        <span className="card__title line">{item.title}</span>
        <StatusTags item={item} />
      </div>
      <div className="card__row">
        <span className="card__pay line">{item.pay}</span>
        <DailyTag item={item} />
      </div>
      <span className="card__meta line">
        {item.district}
        {sep}
        {item.settlementText}
        {sep}
        {item.headcount}
      </span>
      <div className="card__row">
        <span className="card__employer line">{item.employer}</span>
        <VerifiedMark item={item} />
      </div>
      <span className="card__phone line">
        {t('board.phoneMark')} {item.phone}
      </span>
    </article>
  );
}

export function CardsPage({ items, cards, live }: Props) {
  return (
    <div
      className="cards"
      style={{
        gridTemplateColumns: `repeat(${cards.columns}, ${cards.cardWidthPx}px)`,
        gridAutoRows: `${cards.cardHeightPx}px`,
      }}
    >
      {items.map((item) => (
        <Card key={item.id} item={item} live={live} />
      ))}
    </div>
  );
}
