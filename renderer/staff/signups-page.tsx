/**
 * Kiosk sign-ups: phones and names masked; "reveal" asks for a reason and is written to the
 * audit log; mark a sign-up as called back; export CSV (masked, or revealed with a reason);
 * the retention period and a purge of what is past it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignupView } from '../../shared/staff-data-contract';
import { apiErrorText } from '../common/api-error-text';
import { downloadFile } from './data-api';
import { formatDateTime } from './format';
import { formatDistrict, formatPay, type Locale } from '../../shared/format';
import type { PayUnit } from '../../shared/schemas/posting-enums';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';
import { usePollQuery } from './use-poll';
import { TableHead } from './table-head';
import { Pager } from './pager';
import { NoteLine } from './error-line';
import { useReveal } from './use-reveal';

/** Sign-ups a page, newest first. */
const PAGE = 50;

export function SignupsPage() {
  const { t, i18n } = useTranslation();
  // searched on Enter, not per keystroke: each search by phone is an audit row
  const [q, setQ] = useState('');
  const [draft, setDraft] = useState('');
  const [contacted, setContacted] = useState<'all' | 'yes' | 'no'>('all');
  const [note, setNote] = useState<string | null>(null);
  const [days, setDays] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [q, contacted]);
  const query = { contacted, limit: PAGE, offset, ...(q.trim() ? { q: q.trim() } : {}) };
  const { data, refresh } = usePollQuery(query, (q) => staffApi.call(STAFF_DATA_ROUTES.signups, { query: q }), 10_000);

  const fail = (e: unknown) => setNote(apiErrorText(t, e));
  const { revealed, reveal } = useReveal(fail);

  async function markContacted(s: SignupView) {
    await staffApi
      .call(STAFF_DATA_ROUTES.signupContacted, { params: { id: s.id }, body: { contacted: s.contactedAt === null } })
      .catch(fail);
    refresh();
  }

  async function exportCsv(withPersonal: boolean) {
    let query = {};
    if (withPersonal) {
      const reason = window.prompt(t('staff.signups.exportReason'));
      if (!reason) return;
      query = { reveal: '1', reason } as const;
    }
    await downloadFile(STAFF_DATA_ROUTES.signupsExport, { query }, 'signups.csv').catch(fail);
  }

  async function purge() {
    if (!window.confirm(t('staff.signups.purgeConfirm', { days: data?.retentionDays ?? '' }))) return;
    try {
      const r = await staffApi.call(STAFF_DATA_ROUTES.signupsPurge, {});
      setNote(t('staff.signups.purged', r));
      refresh();
    } catch (e) {
      fail(e);
    }
  }

  async function saveRetention() {
    try {
      await staffApi.call(STAFF_DATA_ROUTES.signupsRetention, { body: { days: Number(days) } });
      setDays('');
      refresh();
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section className="panel" data-testid="signups-page">
      <h2>{t('staff.signups.title')}</h2>
      <p className="hint">{t('staff.signups.maskedHint')}</p>
      <div className="row filters">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQ(draft);
          }}
        >
          <input
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t('staff.signups.searchPlaceholder')}
            data-testid="signups-search"
          />
        </form>
        <select value={contacted} onChange={(e) => setContacted(e.target.value as typeof contacted)}>
          {(['all', 'no', 'yes'] as const).map((x) => (
            <option key={x} value={x}>
              {t(`staff.signups.contactedFilter.${x}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportCsv(false)} data-testid="signups-export">
          {t('staff.signups.export')}
        </button>
        <button type="button" onClick={() => void exportCsv(true)}>
          {t('staff.signups.exportRevealed')}
        </button>
      </div>
      <NoteLine text={note} testId="signups-note" />
      <table data-testid="signups-table">
        <TableHead scope="staff.signups.col" columns={['number', 'person', 'wants', 'when', 'state', '']} />
        <tbody>
          {(data?.signups ?? []).map((s) => {
            const shown = revealed[s.id];
            return (
              <tr key={s.id} data-testid="signup-row" data-signup-id={s.id}>
                <td>
                  <strong>{s.number}</strong>
                </td>
                <td>
                  <span data-testid="signup-phone">{shown?.phone ?? s.phone}</span>
                  <div className="hint" data-testid="signup-name">
                    {(shown?.name ?? s.name) || t('staff.signups.noName')}
                  </div>
                  {s.samePhone.length > 0 ? (
                    <div className={s.superseded ? 'badge badge--warn' : 'badge'} data-testid="signup-same-phone">
                      {s.superseded
                        ? t('staff.signups.olderDuplicate', { numbers: s.samePhone.join('、') })
                        : t('staff.signups.newestDuplicate', { numbers: s.samePhone.join('、') })}
                    </div>
                  ) : null}
                </td>
                <td data-testid="signup-wants">
                  {s.occupations.map((o) => t(`occupation.${o}`)).join('、') || t('staff.signups.anyTrade')}
                  <div className="hint">
                    {[
                      s.districts.map(formatDistrict).join('、') || t('staff.signups.anyDistrict'),
                      s.availability.map((a) => t(`staff.signups.availability.${a}`, { defaultValue: '' })).join('、'),
                      s.expectedPay !== null && s.payUnit !== null
                        ? t('staff.signups.payAtLeast', {
                            pay: formatPay(s.expectedPay, null, s.payUnit as PayUnit, i18n.language as Locale),
                          })
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                  {s.listingTitle ? (
                    <div className="hint">{t('staff.signups.forPosting', { title: s.listingTitle })}</div>
                  ) : null}
                </td>
                <td>
                  {formatDateTime(s.createdAt, i18n.language)}
                  <div className="hint">
                    {t('staff.signups.purgeAfter', { at: formatDateTime(s.purgeAfter, i18n.language) })}
                  </div>
                </td>
                <td>
                  {s.contactedAt !== null ? (
                    <span className="badge">{t('staff.signups.contactedBy', { by: s.contactedBy ?? '' })}</span>
                  ) : (
                    <span className="badge badge--warn">{t('staff.signups.notContacted')}</span>
                  )}
                  <div className="hint">
                    {data?.upstream === false
                      ? t('staff.signups.keptHere')
                      : s.delivered
                        ? t('staff.signups.delivered')
                        : t('staff.signups.pending')}
                  </div>
                </td>
                <td className="actions">
                  {shown ? null : (
                    <button type="button" onClick={() => void reveal(s.id, s.number)} data-testid="signup-reveal">
                      {t('staff.signups.reveal')}
                    </button>
                  )}
                  <button type="button" onClick={() => void markContacted(s)}>
                    {s.contactedAt === null ? t('staff.signups.markContacted') : t('staff.signups.unmark')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager offset={offset} size={PAGE} total={data?.total ?? 0} onOffset={setOffset} testId="signups-pager" />
      <fieldset>
        <legend>{t('staff.signups.retention')}</legend>
        <p className="hint">
          {t('staff.signups.retentionNow', { days: data?.retentionDays ?? '' })}
          {data?.lastPurge
            ? ` ${t('staff.signups.lastPurge', { at: formatDateTime(data.lastPurge.at, i18n.language), removed: data.lastPurge.removed, waiting: data.lastPurge.outboxWaiting })}`
            : ''}
        </p>
        <div className="row">
          <input
            type="number"
            min="1"
            max="3650"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            placeholder={String(data?.retentionDays ?? '')}
          />
          <button type="button" disabled={days === ''} onClick={() => void saveRetention()}>
            {t('staff.signups.saveRetention')}
          </button>
          <button type="button" className="danger" onClick={() => void purge()}>
            {t('staff.signups.purgeNow')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
