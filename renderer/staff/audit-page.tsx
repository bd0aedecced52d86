/** The audit log: who did what, when, from where. */
import { useTranslation } from 'react-i18next';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { formatDateTime } from './format';
import { usePoll } from './use-poll';
import { TableHead } from './table-head';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { data } = usePoll(() => staffApi.call(STAFF_ROUTES.audit, { query: { limit: 200 } }), 5000);
  return (
    <section className="panel">
      <h2>{t('staff.audit.title')}</h2>
      <table className="audit" data-testid="audit-table">
        <TableHead
          columns={[
            t('staff.audit.when'),
            t('staff.audit.who'),
            t('staff.audit.what'),
            t('staff.audit.target'),
            t('staff.audit.from'),
          ]}
        />
        <tbody>
          {(data?.entries ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, i18n.language)}</td>
              <td>{e.accountName ?? t('staff.audit.nobody')}</td>
              <td>{t(`staff.audit.actions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}</td>
              <td className="hint">{typeof e.detail.title === 'string' ? e.detail.title : (e.target ?? '')}</td>
              <td className="hint">{e.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
