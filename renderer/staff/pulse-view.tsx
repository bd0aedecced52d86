/**
 * Market pulse in the console: per trade, open demand vs seekers of the window, the gap, the
 * vacancy ratio (only where demand reaches the minimum) and last year's ratio where the hall
 * has one; the two settings; and which screens show the pulse page in their rotation.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradePulse } from '../../shared/pulse/market-pulse';
import { apiErrorText } from '../common/api-error-text';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';
import { usePoll } from './use-poll';
import { TableHead } from './table-head';
import { MatchOutcomes } from './match-outcomes';

// The chart library is most of the console's weight: only the pulse tab loads it, when opened.
const PulseCharts = lazy(() => import('./pulse-charts').then((m) => ({ default: m.PulseCharts })));

/** One whole-number setting: empty keeps the current value, shown as the placeholder. */
function NumberSetting(props: {
  label: string;
  value: string;
  current: number | undefined;
  max?: number;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        min="1"
        {...(props.max !== undefined ? { max: String(props.max) } : {})}
        value={props.value}
        placeholder={props.current === undefined ? '' : String(props.current)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

export function PulseView() {
  const { t } = useTranslation();
  const { data, refresh } = usePoll(() => staffApi.call(STAFF_DATA_ROUTES.pulse, {}), 15_000);
  const [minDemand, setMinDemand] = useState('');
  const [windowDays, setWindowDays] = useState('');
  const [minSeekers, setMinSeekers] = useState('');
  const [error, setError] = useState<string | null>(null);

  const ratio = (tp: TradePulse) =>
    tp.status === 'ratio' ? tp.ratio!.toFixed(2) : t(`staff.pulse.status.${tp.status}`);

  async function save() {
    if (!data) return;
    try {
      await staffApi.call(STAFF_DATA_ROUTES.pulseSettings, {
        body: {
          minDemand: minDemand === '' ? data.settings.minDemand : Number(minDemand),
          windowDays: windowDays === '' ? data.settings.windowDays : Number(windowDays),
          ...(minSeekers === '' ? {} : { minSeekers: Number(minSeekers) }),
        },
      });
      setMinDemand('');
      setWindowDays('');
      setMinSeekers('');
      setError(null);
      refresh();
    } catch (e) {
      setError(apiErrorText(t, e));
    }
  }

  async function toggleScreen(id: string, on: boolean) {
    await staffApi
      .call(STAFF_DATA_ROUTES.pulseScreen, { params: { id }, body: { pulsePage: on } })
      .catch((e: unknown) => setError(apiErrorText(t, e)));
    refresh();
  }

  if (!data) return null;
  const { pulse } = data;
  return (
    <div className="columns">
      <section className="panel" data-testid="pulse-console">
        <h2>{t('staff.pulse.title')}</h2>
        <p className="pulse-totals">
          {t('staff.pulse.totals', {
            demand: pulse.totals.demand,
            seekers: pulse.totals.seekers,
            days: pulse.windowDays,
            ratio:
              pulse.totals.ratio !== null
                ? pulse.totals.ratio.toFixed(2)
                : pulse.totals.demand >= pulse.minDemand && pulse.totals.seekers === 0
                  ? t('staff.pulse.status.no-seekers')
                  : '—',
          })}
        </p>
        <p className="hint">{t('staff.pulse.explain', { days: pulse.windowDays, min: pulse.minDemand })}</p>
        <table data-testid="pulse-table">
          <TableHead
            scope="staff.pulse.col"
            columns={['rank', 'trade', 'demand', 'seekers', 'gap', 'ratio', 'yearAgo']}
          />
          <tbody>
            {pulse.trades.map((tp) => (
              <tr
                key={tp.occupation}
                data-testid="pulse-console-row"
                data-occupation={tp.occupation}
                className={tp.shortageRank !== null ? 'short-row' : undefined}
              >
                <td>{tp.shortageRank ?? '—'}</td>
                <td>
                  <strong>{t(`occupation.${tp.occupation}`)}</strong>
                </td>
                <td>{tp.demand}</td>
                <td>{tp.seekers}</td>
                <td>{tp.gap > 0 ? `+${tp.gap}` : tp.gap}</td>
                <td>{ratio(tp)}</td>
                <td>
                  {tp.yearAgo === null
                    ? t('staff.pulse.noYearAgo')
                    : tp.yearAgo.ratio === null
                      ? `${tp.yearAgo.demand} / ${tp.yearAgo.seekers}`
                      : tp.yearAgo.ratio.toFixed(2)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          {data.yearAgoDay ? t('staff.pulse.yearAgoDay', { day: data.yearAgoDay }) : t('staff.pulse.yearAgoNone')}
        </p>
        <MatchOutcomes />
      </section>
      <div>
        <Suspense fallback={<p className="panel hint">{t('staff.pulse.chart.loading')}</p>}>
          <PulseCharts windowDays={pulse.windowDays} />
        </Suspense>
        <section className="panel">
          <h2>{t('staff.pulse.boardTitle')}</h2>
          <p className="hint">{t('staff.pulse.boardHint')}</p>
          {data.screens.map((s) => (
            <label key={s.id} className="inline" data-testid="pulse-screen">
              <input
                type="checkbox"
                checked={s.pulsePage}
                disabled={s.layout === 'ticker'}
                onChange={(e) => void toggleScreen(s.id, e.target.checked)}
                data-screen-id={s.id}
              />
              {s.name}（/board/{s.id}）{s.layout === 'ticker' ? ` · ${t('staff.pulse.tickerNo')}` : ''}
            </label>
          ))}
        </section>
        <section className="panel">
          <h2>{t('staff.pulse.settings')}</h2>
          <NumberSetting
            label={t('staff.pulse.minDemand')}
            value={minDemand}
            current={data.settings.minDemand}
            onChange={setMinDemand}
          />
          <NumberSetting
            label={t('staff.pulse.minSeekers')}
            value={minSeekers}
            current={data.settings.minSeekers}
            onChange={setMinSeekers}
          />
          <NumberSetting
            label={t('staff.pulse.windowDays')}
            value={windowDays}
            current={data.settings.windowDays}
            max={365}
            onChange={setWindowDays}
          />
          {error ? <p className="error">{error}</p> : null}
          <button type="button" onClick={() => void save()}>
            {t('staff.pulse.save')}
          </button>
        </section>
      </div>
    </div>
  );
}
