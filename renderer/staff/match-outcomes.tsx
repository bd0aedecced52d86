/**
 * What matching did, per trade, in the console's pulse page (never on a board): people who
 * signed up in the window with at least one match, how many were called and the median time
 * from sign-up to 已通知, and 已上岗.
 */
import { useTranslation } from 'react-i18next';
import { MATCHING_ROUTES, staffApi } from './staff-api';
import { TableHead } from './table-head';
import { usePoll } from './use-poll';

/** 95 min → "1 小时 35 分", 3 days → "3 天 0 小时". */
function waited(t: (key: string, params?: Record<string, number>) => string, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('staff.matchPulse.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('staff.matchPulse.hours', { h: hours, m: minutes % 60 });
  return t('staff.matchPulse.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

export function MatchOutcomes() {
  const { t } = useTranslation();
  const { data } = usePoll(() => staffApi.call(MATCHING_ROUTES.matchPulse, {}), 15_000);
  if (!data) return null;
  return (
    <div data-testid="match-pulse">
      <h3>{t('staff.matchPulse.title', { days: data.windowDays })}</h3>
      {data.trades.length === 0 ? (
        <p className="hint">{t('staff.matchPulse.none')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('staff.pulse.col.trade'),
              t('staff.matchPulse.col.matched'),
              t('staff.matchPulse.col.notified'),
              t('staff.matchPulse.col.median'),
              t('staff.matchPulse.col.placed'),
            ]}
          />
          <tbody>
            {data.trades.map((r) => (
              <tr key={r.occupation} data-testid="match-pulse-row" data-occupation={r.occupation}>
                <td>
                  <strong>{t(`occupation.${r.occupation}`)}</strong>
                </td>
                <td>{r.signupsMatched}</td>
                <td>{r.notified}</td>
                <td>{r.medianToNotifiedMs === null ? '—' : waited(t, r.medianToNotifiedMs)}</td>
                <td>{r.placed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
