/**
 * Postings: search everything the hall holds (hidden ones too), take a posting off the boards
 * and put it back, add or edit the hall's own postings, and import a spreadsheet.
 */
import { useEffect, useState } from 'react';
import './data-views.css';
import { useTranslation } from 'react-i18next';
import { formatDistrict, formatPay, formatSettlement } from '../../shared/format';
import type { StaffPosting } from '../../shared/staff-data-contract';
import { formatDateTime } from './format';
import { ImportPanel } from './import-panel';
import { PlayReportPanel, PlayWeekLine, usePlayWeek } from './play-report';
import { PostingForm } from './posting-form';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';
import { usePollQuery } from './use-poll';
import { TableHead } from './table-head';
import { Pager } from './pager';

/** Postings a page: the list pages on the host, search included. */
const PAGE = 100;

export function PostingsPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [visibility, setVisibility] = useState<'all' | 'shown' | 'hidden'>('all');
  const [hallOnly, setHallOnly] = useState(false);
  const [form, setForm] = useState<{ editing: StaffPosting | null } | null>(null);
  const [offset, setOffset] = useState(0);
  // a new search or filter starts from its first page
  useEffect(() => setOffset(0), [q, visibility, hallOnly]);
  const query = {
    visibility,
    limit: PAGE,
    offset,
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(hallOnly ? { hallOnly: '1' as const } : {}),
  };
  const { data, refresh } = usePollQuery(query, (q) => staffApi.call(STAFF_DATA_ROUTES.postings, { query: q }), 10_000);
  const play = usePlayWeek((data?.postings ?? []).map((p) => p.id));

  async function toggle(p: StaffPosting) {
    await staffApi.call(p.hidden ? STAFF_DATA_ROUTES.postingUnhide : STAFF_DATA_ROUTES.postingHide, {
      params: { id: p.id },
    });
    refresh();
  }

  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <div className="columns">
      <div>
        <ImportPanel onImported={refresh} />
        <PlayReportPanel />
        {form ? (
          <PostingForm
            editing={form.editing}
            onDone={() => {
              setForm(null);
              refresh();
            }}
          />
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => setForm({ editing: null })}
            data-testid="posting-new"
          >
            {t('staff.postings.new')}
          </button>
        )}
      </div>
      <section className="panel">
        <h2>{t('staff.postings.title')}</h2>
        <div className="row filters">
          <input
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('staff.postings.searchPlaceholder')}
            data-testid="postings-search"
          />
          <select
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as typeof visibility)}
            data-testid="postings-visibility"
          >
            {(['all', 'shown', 'hidden'] as const).map((x) => (
              <option key={x} value={x}>
                {t(`staff.postings.visibility.${x}`)}
              </option>
            ))}
          </select>
          <label className="inline">
            <input type="checkbox" checked={hallOnly} onChange={(e) => setHallOnly(e.target.checked)} />
            {t('staff.postings.hallOnly')}
          </label>
        </div>
        <p className="hint">
          {data ? t('staff.postings.count', { shown: data.postings.length, total: data.total }) : ''}
        </p>
        <table data-testid="postings-table">
          <TableHead scope="staff.postings.col" columns={['title', 'pay', 'place', 'until', 'state', '']} />
          <tbody>
            {(data?.postings ?? []).map((p) => (
              <tr
                key={p.id}
                data-testid="posting-row"
                data-posting-id={p.id}
                data-hidden={String(p.hidden)}
                className={p.hidden ? 'muted-row' : undefined}
              >
                <td>
                  <strong>{p.title}</strong>{' '}
                  <span className="badge badge--muted">{t(`occupation.${p.occupation}`)}</span>
                  <div className="hint">
                    {p.employerName}
                    {p.booth ? (
                      <>
                        {' · '}
                        <strong data-testid="posting-row-booth">{t('staff.postings.booth', { code: p.booth })}</strong>
                      </>
                    ) : null}{' '}
                    · {t('staff.postings.headcount', { n: p.headcount })}
                    {p.editable ? ` · ${t('staff.postings.ours')}` : ''}
                  </div>
                  <PlayWeekLine totals={play.get(p.id)} />
                </td>
                <td>
                  {formatPay(p.payMin, p.payMax, p.payUnit, locale)}
                  <div className="hint">{formatSettlement(p.settlement, locale)}</div>
                </td>
                <td>
                  {formatDistrict(p.districtCode)}
                  <div className="hint">{p.contactPhone}</div>
                </td>
                <td>{formatDateTime(Date.parse(p.validUntil), i18n.language)}</td>
                <td>
                  {p.hidden ? (
                    <span className="badge badge--warn">{t('staff.postings.hidden')}</span>
                  ) : (
                    <span className="badge">{t('staff.postings.shown')}</span>
                  )}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => void toggle(p)}
                    data-testid={p.hidden ? 'posting-unhide' : 'posting-hide'}
                  >
                    {p.hidden ? t('staff.postings.unhide') : t('staff.postings.hide')}
                  </button>
                  {p.editable ? (
                    <button type="button" onClick={() => setForm({ editing: p })}>
                      {t('staff.postings.edit')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager offset={offset} size={PAGE} total={data?.total ?? 0} onOffset={setOffset} testId="postings-pager" />
      </section>
    </div>
  );
}
