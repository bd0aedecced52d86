/**
 * Proof of play in the console: the line under each posting ("本周展示 N 次 · M 块屏 · 共 T
 * 分钟"), and the employer report — CSV download and a printable page — of what each posting
 * was shown, on how many screens, for how long, and the kiosk sign-ups it drew. Counts only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayReport, PlayTotalsView } from '../../shared/api/play-routes';
import { apiErrorText } from '../common/api-error-text';
import { downloadFile } from './data-api';
import { ErrorLine } from './error-line';
import { formatDateTime } from './format';
import { PLAY_ROUTES, staffApi } from './staff-api';
import { usePoll } from './use-poll';
import { TableHead } from './table-head';

/** The hall's calendar day (China, UTC+8) `daysBack` days before today. */
function hallDay(daysBack = 0): string {
  return new Date(Date.now() + 8 * 3600_000 - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/** This week's totals of the postings on the page, by posting id (refreshed every 30 s). */
export function usePlayWeek(postingIds: readonly string[]): Map<string, PlayTotalsView> {
  const ids = postingIds.join(',');
  const { data, refresh } = usePoll(
    () =>
      ids === ''
        ? Promise.resolve(null)
        : staffApi.call(PLAY_ROUTES.playSummary, { query: { ids, days: 7 } }).then((r) => ({ ids, r })),
    30_000,
  );
  const [lastIds, setLastIds] = useState(ids);
  if (ids !== lastIds) {
    setLastIds(ids);
    refresh();
  }
  return new Map((data?.r.postings ?? []).map((p) => [p.postingId, p]));
}

export function PlayWeekLine({ totals }: { totals: PlayTotalsView | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="hint play-week" data-testid="posting-play">
      {totals && totals.shows > 0
        ? t('staff.play.week', { shows: totals.shows, screens: totals.screens, minutes: totals.minutes })
        : t('staff.play.never')}
    </div>
  );
}

/** The employer report: days, an optional employer, then CSV or the printable page. */
export function PlayReportPanel() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => hallDay(6));
  const [to, setTo] = useState(() => hallDay());
  const [employer, setEmployer] = useState('');
  const [report, setReport] = useState<PlayReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = { from, to, ...(employer.trim() ? { employer: employer.trim() } : {}) };
  const fail = (e: unknown) => setError(apiErrorText(t, e));

  async function open() {
    setError(null);
    try {
      setReport(await staffApi.call(PLAY_ROUTES.playReport, { query }));
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section className="panel play-report-panel">
      <h2>{t('staff.play.reportTitle')}</h2>
      <p className="hint">{t('staff.play.reportHint')}</p>
      <div className="row filters">
        <label className="inline">
          {t('staff.play.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="play-from" />
        </label>
        <label className="inline">
          {t('staff.play.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="play-to" />
        </label>
        <input
          value={employer}
          onChange={(e) => setEmployer(e.target.value)}
          placeholder={t('staff.play.employer')}
          data-testid="play-employer"
        />
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            setError(null);
            void downloadFile(PLAY_ROUTES.playReportCsv, { query }, 'play-report.csv').catch(fail);
          }}
          data-testid="play-csv"
        >
          {t('staff.play.csv')}
        </button>
        <button type="button" onClick={() => void open()} data-testid="play-printable">
          {t('staff.play.printable')}
        </button>
      </div>
      <ErrorLine text={error} />
      {report ? <PrintableReport report={report} onClose={() => setReport(null)} /> : null}
    </section>
  );
}

function PrintableReport({ report, onClose }: { report: PlayReport; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const sum = (pick: (r: PlayReport['rows'][number]) => number) => report.rows.reduce((n, r) => n + pick(r), 0);
  const heading = report.employer
    ? t('staff.play.headingEmployer', { employer: report.employer, from: report.from, to: report.to })
    : t('staff.play.heading', { from: report.from, to: report.to });
  return (
    <div className="print-report" data-testid="play-report">
      <div className="row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('staff.play.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('staff.play.close')}
        </button>
      </div>
      <h1>{heading}</h1>
      <p className="hint">{t('staff.play.generated', { time: formatDateTime(report.generatedAt, i18n.language) })}</p>
      {report.rows.length === 0 ? (
        <p>{t('staff.play.empty')}</p>
      ) : (
        <table data-testid="play-report-table">
          <TableHead
            scope="staff.play.col"
            columns={['posting', 'employer', 'screens', 'shows', 'minutes', 'signups']}
          />
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.postingId} data-testid="play-report-row" data-posting-id={r.postingId}>
                <td>
                  {r.title || r.postingId}
                  <div className="hint">{r.postingId}</div>
                </td>
                <td>{r.employerName}</td>
                <td className="num">{r.screens}</td>
                <td className="num">{r.shows}</td>
                <td className="num">{r.minutes}</td>
                <td className="num">{r.signups}</td>
              </tr>
            ))}
            <tr className="total-row">
              <td>{t('staff.play.total')}</td>
              <td />
              <td />
              <td className="num">{sum((r) => r.shows)}</td>
              <td className="num">{sum((r) => r.minutes)}</td>
              <td className="num">{sum((r) => r.signups)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {report.omitted > 0 ? <p className="hint">{t('staff.play.omitted', { n: report.omitted })}</p> : null}
    </div>
  );
}
