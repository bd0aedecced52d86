/**
 * Import a spreadsheet of postings: pick a .csv or .xlsx, check it (dry run) or import it, and
 * read the report — how many went in, how many were already there, and every refused row with
 * its row number and reasons, so staff can fix exactly those lines.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../shared/staff-data-contract';
import { apiErrorText } from '../common/api-error-text';
import { downloadFile } from './data-api';
import { ApiError, STAFF_DATA_ROUTES, staffApi } from './staff-api';
import { TableHead } from './table-head';
import { problemText } from './import-text';

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await staffApi.call(STAFF_DATA_ROUTES.postingsImport, {
        query: { name: file.name, ...(dryRun ? { dryRun: '1' as const } : {}) },
        body: file,
      });
      setReport(r);
      if (!dryRun) onImported();
    } catch (e) {
      setReport(null);
      const code = e instanceof ApiError && e.code !== 'offline' ? e.code : 'network';
      setError(t(`staff.import.errors.${code}`, { defaultValue: apiErrorText(t, e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="import-panel">
      <h2>{t('staff.import.title')}</h2>
      <p className="hint">{t('staff.import.hint')}</p>
      <div className="row">
        <input
          type="file"
          accept=".xlsx,.csv,.txt,.ods,.xls,.et,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="button" disabled={!file || busy} onClick={() => void run(true)} data-testid="import-check">
          {t('staff.import.check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file || busy}
          onClick={() => void run(false)}
          data-testid="import-run"
        >
          {t('staff.import.run')}
        </button>
      </div>
      <button
        type="button"
        className="link"
        onClick={() =>
          void downloadFile(STAFF_DATA_ROUTES.importTemplate, {}, 'postings-template.csv').catch((e: unknown) =>
            setError(apiErrorText(t, e)),
          )
        }
      >
        {t('staff.import.template')}
      </button>
      {error ? (
        <p className="error" data-testid="import-error">
          {error}
        </p>
      ) : null}
      {report ? (
        <div
          className="import-report"
          data-testid="import-report"
          data-imported={report.imported}
          data-rejected={report.rejected.length}
        >
          <p className={report.rejected.length > 0 ? 'warn' : 'ok'}>
            {t(report.dryRun ? 'staff.import.summaryDry' : 'staff.import.summary', {
              rows: report.rows,
              imported: report.dryRun ? report.rows - report.rejected.length - report.unchanged : report.imported,
              unchanged: report.unchanged,
              rejected: report.rejected.length,
            })}
          </p>
          <p className="hint">
            {t('staff.import.fileInfo', { format: report.format.toUpperCase(), encoding: report.encoding ?? '—' })}
            {report.ignoredColumns.length > 0
              ? ` · ${t('staff.import.ignored', { list: report.ignoredColumns.join('、') })}`
              : ''}
          </p>
          {report.rejected.length > 0 ? (
            <table className="import-errors" data-testid="import-errors">
              <TableHead columns={[t('staff.import.row'), t('staff.import.id'), t('staff.import.reasons')]} />
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.row} data-testid="import-error-row" data-row={r.row}>
                    <td>{t('staff.import.rowN', { n: r.row })}</td>
                    <td>{r.id ?? ''}</td>
                    <td>
                      <ul className="reasons">
                        {r.reasons.map((p, i) => (
                          <li key={i} data-code={p.code} data-text={p.text}>
                            {problemText(t, p)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
