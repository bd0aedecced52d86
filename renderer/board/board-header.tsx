/**
 * One header line (planner's frame): date and clock on the left, the screen's name in the
 * middle (it gets whatever room is left), "updated HH:MM" and the page indicator on the right.
 */
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateWithWeekday } from '../common/format-time';
import { useNow } from '../common/use-now';

interface Props {
  screenName: string;
  locale: string;
  now: () => number;
  dataUpdatedAt: number | null;
  pageNumber: number;
  pageCount: number;
}

export function BoardHeader({ screenName, locale, now, dataUpdatedAt, pageNumber, pageCount }: Props) {
  const { t } = useTranslation();
  const time = useNow(now, 1000);
  return (
    <header className="board-header" data-testid="board-header">
      <span className="board-header__date" data-testid="board-date">
        {formatDateWithWeekday(time, locale)}
      </span>
      <span className="board-header__clock" data-testid="board-clock">
        {formatClock(time, locale)}
      </span>
      <span className="board-header__name" data-testid="board-screen-name">
        {screenName}
      </span>
      <span className="board-header__updated" data-testid="board-updated">
        {dataUpdatedAt === null ? t('board.updatedNever') : t('board.updatedAt', { time: formatClock(dataUpdatedAt, locale) })}
      </span>
      {pageCount > 0 && (
        <span className="board-header__page" data-testid="board-page-indicator">
          {t('board.pageIndicator', { current: pageNumber, total: pageCount })}
        </span>
      )}
    </header>
  );
}
