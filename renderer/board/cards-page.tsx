/**
 * Cards layout: a grid of `columns × rows` cards of exactly the planned size. Inside a card,
 * as the planner laid it out (shared/planner/card-layout.ts): title with 急聘/日结/新 on its
 * right (or, when the whole title needs the line, at the start of the third), pay,
 * "district · settlement · headcount" (日结 only as its badge), ✓ employer 展位 A12, phone.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem } from '../../shared/schemas/board-plan';
import { BoothTag, ItemBadges, VerifiedMark } from './item-tags';
import { itemKey, useMountedRef } from './live-keys';

interface Props {
  items: readonly BoardItem[];
  cards: NonNullable<BoardGeometry['cards']>;
  live: boolean;
}

/** `changed`: the card came in by a live change on the page already up (it animates once). */
function Card({ item, live, changed }: { item: BoardItem; live: boolean; changed: boolean }) {
  const { t } = useTranslation();
  const [animate] = useState(changed);
  const sep = t('board.separator');
  // 日结 is its badge; the third line does not say it again
  const daily = item.settlement === 'daily';
  return (
    <article
      className={`card${item.urgent ? ' card--urgent' : ''}${daily ? ' card--daily' : ''}${animate ? ' card--changed' : ''}`}
      data-testid={live ? 'board-item' : undefined}
      data-posting-id={item.id}
    >
      <div className="card__row card__row--title">
        <span className="card__title line">{item.title}</span>
        {!item.badgesBelow && <ItemBadges item={item} withDaily />}
      </div>
      <span className="card__pay line">{item.pay}</span>
      <div className="card__row card__row--meta">
        {item.badgesBelow && <ItemBadges item={item} withDaily />}
        <span className="card__meta line">
          {item.district}
          {daily ? null : (
            <>
              {sep}
              {item.settlementText}
            </>
          )}
          {sep}
          {item.headcount}
        </span>
      </div>
      <div className="card__row">
        <VerifiedMark item={item} />
        <span className="card__employer line">{item.employer}</span>
        <BoothTag item={item} />
      </div>
      <span className="card__phone line" data-testid="item-phone">
        {item.phone}
      </span>
    </article>
  );
}

export function CardsPage({ items, cards, live }: Props) {
  const mounted = useMountedRef();
  return (
    <div
      className="cards"
      style={{
        gridTemplateColumns: `repeat(${cards.columns}, ${cards.cardWidthPx}px)`,
        gridAutoRows: `${cards.cardHeightPx}px`,
      }}
    >
      {items.map((item) => (
        <Card key={itemKey(item)} item={item} live={live} changed={mounted.current} />
      ))}
    </div>
  );
}
