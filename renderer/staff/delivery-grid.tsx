/** Delivery proof of one urgent posting: one cell per open board page (and per screen with none). */
import { useTranslation } from 'react-i18next';
import type { DeliveryCell } from '../../shared/staff-contract';
import { formatTime } from './format';

export function DeliveryGrid({ cells }: { cells: DeliveryCell[] }) {
  const { t, i18n } = useTranslation();
  const confirmed = cells.filter((c) => c.showingSince !== null).length;
  return (
    <div className="delivery">
      <div
        className="delivery__summary"
        data-testid="delivery-summary"
        data-confirmed={confirmed}
        data-total={cells.length}
      >
        {t('staff.delivery.summary', { confirmed, total: cells.length })}
      </div>
      <ul className="delivery__grid" data-testid="delivery-grid">
        {cells.map((c) => {
          const state = c.showingSince !== null ? 'ok' : c.flagged ? 'flagged' : 'waiting';
          return (
            <li
              key={`${c.screenId}/${c.pageId ?? 'none'}`}
              className={`delivery__cell delivery__cell--${state}`}
              data-testid="delivery-cell"
              data-state={state}
              data-screen-id={c.screenId}
            >
              <span className="delivery__screen">
                {c.screenName} <small>({c.screenId})</small>
              </span>
              <span className="delivery__state">
                {c.showingSince !== null
                  ? t('staff.delivery.showingSince', { time: formatTime(c.showingSince, i18n.language) })
                  : !c.online
                    ? t('staff.delivery.offline')
                    : t('staff.delivery.notConfirmed')}
              </span>
              {c.retries > 0 ? (
                <span className="delivery__retries">{t('staff.delivery.retried', { count: c.retries })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
