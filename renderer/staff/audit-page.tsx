/**
 * The audit log: who did what, when, from where, to what (named as staff see it) and why —
 * filtered by who, what and when on the host, a page at a time, and exported as it is filtered.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from './error-line';
import type { AuditEntry, ScreensResponse } from '../../shared/staff-contract';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { formatDateTime } from './format';
import { usePollQuery } from './use-poll';
import { TableHead } from './table-head';
import { auditAction, auditCsv, auditReason, auditTarget, type AuditNames } from './audit-text';
import { apiErrorText } from '../common/api-error-text';
import { Pager } from './pager';

const PAGE = 50;
/** What an export takes at most (ten requests of the route's largest page). */
const EXPORT_MAX = 5000;
const ACTIONS = [
  'signup.reveal',
  'signup.export_revealed',
  'signup.export',
  'urgent.create',
  'emergency.set',
  'posting.import',
  'posting.hide',
  'device.revoke',
  'session.signin',
  'session.wrong_pin',
] as const;

interface Filters {
  who: string;
  action: string;
  /** yyyy-mm-dd from the date inputs, '' for open. */
  from: string;
  to: string;
}

const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).getTime() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T00:00:00`).getTime() + 86_400_000 : undefined);

function queryOf(f: Filters, offset: number, limit: number) {
  const from = dayStart(f.from);
  const to = dayEnd(f.to);
  return {
    limit,
    offset,
    ...(f.who ? { who: f.who } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

export function AuditPage({ screens }: { screens: ScreensResponse | null }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ who: '', action: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const query = queryOf(filters, offset, PAGE);
  const { data } = usePollQuery(query, (q) => staffApi.call(STAFF_ROUTES.audit, { query: q }), 5000);
  const names: AuditNames = useMemo(
    () => ({
      screens: new Map((screens?.screens ?? []).map((s) => [s.id, s.name])),
      kiosks: new Map((screens?.kiosks ?? []).filter((k) => k.label).map((k) => [k.id, k.label])),
    }),
    [screens],
  );
  const set = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
  };
  const header = [
    t('staff.audit.when'),
    t('staff.audit.who'),
    t('staff.audit.what'),
    t('staff.audit.target'),
    t('staff.audit.reason'),
    t('staff.audit.from'),
  ];
  const row = (e: AuditEntry) => [
    formatDateTime(e.at, i18n.language),
    e.accountName ?? t('staff.audit.nobody'),
    auditAction(t, e),
    auditTarget(t, e, names),
    auditReason(e),
    e.source ?? '',
  ];

  async function exportCsv() {
    setError(null);
    try {
      const all: AuditEntry[] = [];
      for (let at = 0; at < EXPORT_MAX; at += 500) {
        const page = await staffApi.call(STAFF_ROUTES.audit, { query: queryOf(filters, at, 500) });
        all.push(...page.entries);
        if (page.entries.length < 500) break;
      }
      const url = URL.createObjectURL(new Blob([auditCsv(header, all.map(row))], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(apiErrorText(t, e));
    }
  }

  const total = data?.total ?? 0;
  return (
    <section className="panel">
      <h2>{t('staff.audit.title')}</h2>
      <div className="row filters">
        <select value={filters.who} onChange={(e) => set({ who: e.target.value })} data-testid="audit-who">
          <option value="">{t('staff.audit.anyone')}</option>
          {(data?.who ?? []).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <select value={filters.action} onChange={(e) => set({ action: e.target.value })} data-testid="audit-action">
          <option value="">{t('staff.audit.anything')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`staff.audit.actions.${a.replace('.', '_')}`)}
            </option>
          ))}
        </select>
        <label>
          {t('staff.audit.fromDay')}
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('staff.audit.toDay')}
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <button type="button" onClick={() => void exportCsv()} data-testid="audit-export">
          {t('staff.audit.export')}
        </button>
      </div>
      <ErrorLine text={error} />
      <table className="audit" data-testid="audit-table">
        <TableHead columns={header} />
        <tbody>
          {(data?.entries ?? []).map((e) => {
            const cells = row(e);
            return (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td>{cells[0]}</td>
                <td>{cells[1]}</td>
                <td>{cells[2]}</td>
                <td data-testid="audit-target">{cells[3]}</td>
                <td data-testid="audit-reason">{cells[4]}</td>
                <td className="hint">{cells[5]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager offset={offset} size={PAGE} total={total} onOffset={setOffset} testId="audit-pager" />
    </section>
  );
}
