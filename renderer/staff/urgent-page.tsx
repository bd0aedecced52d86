/** The console's first page: push an urgent posting and watch every screen confirm it. */
import { useTranslation } from 'react-i18next';
import type { ScreenView, UrgentView } from '../../shared/staff-contract';
import { apiErrorText } from '../common/api-error-text';
import { Announcements } from './announcements';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { UrgentForm } from './urgent-form';
import { UrgentList } from './urgent-list';
import { usePoll } from './use-poll';

/** Delivery proof is live: a screen's confirmation shows up within a second. */
const POLL_MS = 1000;

export function UrgentPage({ screens }: { screens: ScreenView[] }) {
  const { t } = useTranslation();
  const { data, error, refresh } = usePoll(() => staffApi.call(STAFF_ROUTES.urgentList, {}), POLL_MS);

  async function retract(item: UrgentView) {
    if (!window.confirm(t('staff.urgent.retractConfirm', { title: item.title }))) return;
    await staffApi.call(STAFF_ROUTES.urgentRetract, { params: { id: item.id } });
    refresh();
  }

  return (
    <div className="columns">
      <div>
        <UrgentForm screens={screens} onPushed={refresh} />
        <Announcements notice={data?.notice ?? null} onChanged={refresh} />
      </div>
      <section className="panel" aria-labelledby="urgent-live">
        <h2 id="urgent-live">{t('staff.urgent.listTitle')}</h2>
        {error ? (
          <p className="error" role="alert">
            {apiErrorText(t, error)}
          </p>
        ) : null}
        {data ? <UrgentList items={data.urgent} onRetract={(u) => void retract(u)} /> : null}
      </section>
    </div>
  );
}
