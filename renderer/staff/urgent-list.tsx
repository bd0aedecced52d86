/** Live and recent urgent postings, each with its delivery grid and a retract button. */
import { useTranslation } from 'react-i18next';
import type { UrgentView } from '../../shared/staff-contract';
import { DeliveryGrid } from './delivery-grid';
import { formatDateTime } from './format';

export function UrgentList({ items, onRetract }: { items: UrgentView[]; onRetract: (item: UrgentView) => void }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="hint">{t('staff.urgent.none')}</p>;
  return (
    <ul className="urgent-list" data-testid="urgent-list">
      {items.map((u) => (
        <li
          key={u.id}
          className={`urgent-item${u.live ? '' : ' urgent-item--ended'}`}
          data-testid="urgent-item"
          data-urgent-id={u.id}
          data-live={String(u.live)}
        >
          <div className="urgent-item__head">
            <strong>{u.title}</strong>
            {u.origin === 'hub' ? <span className="badge">{t('staff.urgent.fromHub')}</span> : null}
            <span className="urgent-item__meta">
              {t('staff.urgent.meta', {
                by: u.createdBy ?? t('staff.urgent.hub'),
                at: formatDateTime(u.createdAt, i18n.language),
                until: formatDateTime(u.expiresAt, i18n.language),
              })}
              {' · '}
              {u.screens === null
                ? t('staff.urgent.allScreens')
                : t('staff.urgent.someScreens', { list: u.screens.join(', ') })}
            </span>
            {u.live ? (
              <button type="button" className="danger" onClick={() => onRetract(u)} data-testid="urgent-retract">
                {t('staff.urgent.retract')}
              </button>
            ) : (
              <span className="badge badge--muted">
                {u.retractedAt !== null ? t('staff.urgent.retracted') : t('staff.urgent.expired')}
              </span>
            )}
          </div>
          {u.body ? <p className="urgent-item__body">{u.body}</p> : null}
          {u.live ? <DeliveryGrid cells={u.delivery} /> : null}
        </li>
      ))}
    </ul>
  );
}
