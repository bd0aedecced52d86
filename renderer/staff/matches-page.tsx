/**
 * The call list (待通知): people whose sign-up matches a posting, best first, with the reasons
 * in words so staff can say why they call. The person is masked; 查看完整信息 is the sign-ups'
 * audited reveal. One tap records the call: 已通知, 未接通 (stays on the list to call again),
 * 不合适, 已上岗. A match leaves the list when its posting's validity passes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDistrict, formatPay } from '../../shared/format';
import { MATCH_OUTCOMES, type MatchOutcome, type MatchView } from '../../shared/matching-contract';
import { reasonsLine } from '../../shared/matching/reason-text';
import type { OccupationCode } from '../../shared/occupations';
import { apiErrorText } from '../common/api-error-text';
import { formatDateTime } from './format';
import { MATCHING_ROUTES, staffApi } from './staff-api';
import { TableHead } from './table-head';
import { NoteLine } from './error-line';
import { usePollQuery } from './use-poll';
import { useReveal } from './use-reveal';
import { TradeOptions } from './form-fields';

type Status = 'open' | 'done' | 'all';
const COLUMNS = ['score', 'person', 'posting', 'reasons', 'outcome'] as const;

export function MatchesPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const [trade, setTrade] = useState<OccupationCode | ''>('');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const query = { status, limit: 200, ...(trade ? { occupation: trade } : {}) };
  const { data, refresh } = usePollQuery(query, (q) => staffApi.call(MATCHING_ROUTES.matchQueue, { query: q }), 5000);
  const fail = (e: unknown) => setNote(apiErrorText(t, e));
  const { revealed, reveal } = useReveal(fail);
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  async function record(m: MatchView, outcome: MatchOutcome) {
    const id = `${m.signupId}/${m.postingId}`;
    setBusy(id);
    try {
      await staffApi.call(MATCHING_ROUTES.matchOutcome, {
        params: { signupId: m.signupId, postingId: m.postingId },
        body: { outcome },
      });
      setNote(t('staff.matches.recorded', { number: m.number, outcome: t(`staff.matches.outcome.${outcome}`) }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
      refresh();
    }
  }

  return (
    <section className="panel" data-testid="matches-page">
      <h2>{t('staff.matches.title')}</h2>
      <p className="hint">{t('staff.matches.hint')}</p>
      <div className="row filters">
        {(['open', 'done', 'all'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={status === s ? 'tab tab--on' : 'tab'}
            onClick={() => setStatus(s)}
            data-testid={`matches-status-${s}`}
          >
            {t(`staff.matches.status.${s}`)}
          </button>
        ))}
        <select
          value={trade}
          onChange={(e) => setTrade(e.target.value as OccupationCode | '')}
          data-testid="matches-trade"
        >
          <option value="">{t('staff.matches.allTrades')}</option>
          <TradeOptions />
        </select>
        <span className="hint" data-testid="matches-total">
          {t('staff.matches.total', { n: data?.total ?? 0 })}
        </span>
      </div>
      <NoteLine text={note} testId="matches-note" />
      <table data-testid="matches-table">
        <TableHead scope="staff.matches.col" columns={COLUMNS} />
        <tbody>
          {(data?.matches ?? []).map((m) => {
            const shown = revealed[m.signupId];
            const id = `${m.signupId}/${m.postingId}`;
            return (
              <tr key={id} data-testid="match-row" data-signup-id={m.signupId} data-posting-id={m.postingId}>
                <td>
                  <strong className="score">{m.score}</strong>
                </td>
                <td>
                  <strong>{m.number}</strong> <span data-testid="match-phone">{shown?.phone ?? m.phone}</span>
                  <div className="hint">
                    {(shown?.name ?? m.name) || t('staff.signups.noName')} ·{' '}
                    {t('staff.matches.signedUp', { at: formatDateTime(m.signedUpAt, i18n.language) })}
                  </div>
                  {shown ? null : (
                    <button
                      type="button"
                      className="link"
                      onClick={() => void reveal(m.signupId, m.number)}
                      data-testid="match-reveal"
                    >
                      {t('staff.signups.reveal')}
                    </button>
                  )}
                </td>
                <td>
                  <strong>{m.title}</strong> {formatPay(m.payMin, m.payMax, m.payUnit, locale)}
                  <div className="hint">
                    {m.employerName} · {formatDistrict(m.districtCode)} ·{' '}
                    {t('staff.matches.until', { at: formatDateTime(m.validUntil, i18n.language) })}
                  </div>
                </td>
                <td data-testid="match-reasons">{reasonsLine(t, m.reasons)}</td>
                <td className="actions outcome-buttons">
                  {m.outcome ? (
                    <div className="hint" data-testid="match-outcome">
                      {t(`staff.matches.outcome.${m.outcome}`)}
                      {m.outcomeBy ? ` · ${m.outcomeBy}` : ''}
                    </div>
                  ) : null}
                  {MATCH_OUTCOMES.map((o) => (
                    <button
                      key={o}
                      type="button"
                      disabled={busy === id || m.outcome === o}
                      className={o === 'placed' ? 'primary' : undefined}
                      onClick={() => void record(m, o)}
                      data-testid={`match-${o}`}
                    >
                      {t(`staff.matches.outcome.${o}`)}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data && data.matches.length === 0 ? <p className="hint">{t('staff.matches.empty')}</p> : null}
    </section>
  );
}
