/**
 * Filled tags with text — never colour alone (DOMAIN.md): 急聘, 日结, 新, 展位 A12, and ✓ before a
 * verified employer. The planner reserved room for exactly these words (shared/planner/
 * board-labels.ts): text plus 0.25 em padding each side, 0.25 em apart, at bodyPx.
 */
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../shared/schemas/board-plan';

/** 日结 shows the plan's own settlement text, so its width is the one the planner measured. */
function DailyTag({ item }: { item: BoardItem }) {
  return (
    <span className="tag tag--daily" data-testid="tag-daily">
      {item.settlementText}
    </span>
  );
}

/** Badges in the planner's order: 急聘, 日结 (when `withDaily`), 新. */
export function ItemBadges({ item, withDaily }: { item: BoardItem; withDaily: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {item.urgent && (
        <span className="tag tag--urgent" data-testid="tag-urgent">
          {t('board.urgent')}
        </span>
      )}
      {withDaily && item.settlement === 'daily' && <DailyTag item={item} />}
      {item.isNew && (
        <span className="tag tag--new" data-testid="tag-new">
          {t('board.new')}
        </span>
      )}
    </>
  );
}

/** "展位 A12": where the visitor walks to; the planner reserved its width as a badge (boothTagText). */
export function BoothTag({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  if (!item.booth) return null;
  return (
    <span className="tag tag--booth" data-testid="tag-booth">
      {t('board.booth', { code: item.booth })}
    </span>
  );
}

export function VerifiedMark({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  if (!item.verified) return null;
  return (
    <span className="verified" data-testid="verified" title={t('board.verified')} aria-label={t('board.verified')}>
      {t('board.verifiedMark')}
    </span>
  );
}
