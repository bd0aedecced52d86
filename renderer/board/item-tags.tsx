/** Filled tags with text — never colour alone (DOMAIN.md): 日结, 急, 新, ✓ 已认证. */
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../shared/schemas/board-plan';

export function DailyTag({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  if (item.settlement !== 'daily') return null;
  return (
    <span className="tag tag--daily" data-testid="tag-daily">
      {t('board.daily')}
    </span>
  );
}

export function StatusTags({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.urgent && (
        <span className="tag tag--urgent" data-testid="tag-urgent">
          {t('board.urgent')}
        </span>
      )}
      {item.isNew && (
        <span className="tag tag--new" data-testid="tag-new">
          {t('board.new')}
        </span>
      )}
    </>
  );
}

export function VerifiedMark({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  if (!item.verified) return null;
  return (
    <span className="verified" data-testid="verified">
      {t('board.verifiedMark')} {t('board.verified')}
    </span>
  );
}
