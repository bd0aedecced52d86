/**
 * One header line (shared/planner/board-frame.ts): date and clock on the left, "updated HH:MM"
 * and the page indicator on the right, and between them the hall's line for visitors (name,
 * hotline, where to sign up), as much of it as the planner found room for, never cut. While the data is
 * stale or the host is unreachable, the band turns into that warning instead of the date and
 * name: the planner reserved no room for a separate banner, and covering postings is worse.
 */
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateWithWeekday } from '../common/format-time';
import { useNow } from '../common/use-now';
import { LinkLostText, StaleText } from './board-notices';

export interface HeaderAlert {
  /** Host ms since when the hall has not heard its upstream (null: unknown). */
  staleSince?: number | null;
  /** Host ms since when this screen has lost the host. */
  linkLostSince?: number;
}

interface Props {
  headerLine: string;
  locale: string;
  now: () => number;
  dataUpdatedAt: number | null;
  pageNumber: number;
  pageCount: number;
  /** The planner guarantees room for clock, updated and page; the date only when this is true. */
  showDate: boolean;
  alert: HeaderAlert | null;
}

export function BoardHeader({ headerLine, locale, now, dataUpdatedAt, pageNumber, pageCount, showDate, alert }: Props) {
  const { t } = useTranslation();
  const time = useNow(now, 1000);
  return (
    <header className="board-header" data-testid="board-header">
      {showDate && !alert && (
        <span className="board-header__date" data-testid="board-date">
          {formatDateWithWeekday(time, locale)}
        </span>
      )}
      <span className="board-header__clock" data-testid="board-clock">
        {formatClock(time, locale)}
      </span>
      {alert ? (
        <span className="board-header__alert">
          {alert.linkLostSince !== undefined && (
            <LinkLostText since={alert.linkLostSince} locale={locale} className="board-header__link-lost" />
          )}
          {alert.staleSince !== undefined && (
            <StaleText since={alert.staleSince} locale={locale} className="board-header__stale" />
          )}
        </span>
      ) : (
        <span className="board-header__line" data-testid="board-header-line">
          {headerLine}
        </span>
      )}
      <span className="board-header__updated" data-testid="board-updated">
        {dataUpdatedAt === null
          ? t('board.updatedNever')
          : t('board.updatedAt', { time: formatClock(dataUpdatedAt, locale) })}
      </span>
      {pageCount > 0 && (
        <span className="board-header__page" data-testid="board-page-indicator">
          {t('board.pageIndicator', { current: pageNumber, total: pageCount })}
        </span>
      )}
    </header>
  );
}
