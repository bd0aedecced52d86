/**
 * Import a spreadsheet of postings: pick a .csv or .xlsx, check it (dry run) or import it, and
 * read the report — how many went in, how many were already there, and every refused row with
 * its row number and reasons, so staff can fix exactly those lines. A big file shows its
 * progress, and goes on while staff look at another tab (import-job.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../common/api-error-text';
import { downloadFile } from './data-api';
import { STAFF_DATA_ROUTES } from './staff-api';
import { startImport, useImportRun } from './import-job';
import { ImportProgressBar } from './import-progress';
import { TableHead } from './table-head';
import { importErrorText, problemText } from './import-text';
import { auditCsv } from './audit-text';
import type { ImportReport } from '../../shared/staff-data-contract';
import type { TFunction } from 'i18next';

/**
 * Problem rows drawn in the report: a file of thousands of bad rows (a wrong column, a shifted
 * sheet) would otherwise put thousands of table rows in the page; the whole list is a download.
 */
const REPORT_ROWS_SHOWN = 200;

/** The report's every problem row as a CSV in the console's language, for Excel or WPS. */
function saveProblemList(t: TFunction, rejected: ImportReport['rejected'], fileName: string): void {
  const header = [t('staff.import.row'), t('staff.import.id'), t('staff.import.reasons')];
  const rows = rejected.map((r) => [String(r.row), r.id ?? '', r.reasons.map((p) => problemText(t, p)).join('；')]);
  const url = URL.createObjectURL(new Blob([auditCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = t('staff.import.problemsFile', { name: fileName.replace(/\.[^.]+$/, '') || 'import' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const run = useImportRun();
  // an import that ended while this panel was away (another tab) was seen by the list already
  const seen = useRef(run && !run.running ? run.job : null);
  useEffect(() => {
    if (!run || run.running || seen.current === run.job) return;
    seen.current = run.job;
    if (run.report && !run.report.dryRun) onImported();
  }, [run, onImported]);

  const busy = run?.running === true;
  const report = run && !run.running ? run.report : null;
  const error = templateError ?? (run && !run.running && run.error ? importErrorText(t, run.error) : null);

  return (
    <section className="panel" data-testid="import-panel">
      <h2>{t('staff.import.title')}</h2>
      <p className="hint">{t('staff.import.hint')}</p>
      <div className="row">
        <label className="file-pick">
          <input
            type="file"
            accept=".xlsx,.csv,.txt,.ods,.xls,.et,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span className="file-pick__button">{t('staff.import.choose')}</span>
          <span className="file-pick__name" data-testid="import-file-name">
            {file?.name ?? t('staff.import.noFile')}
          </span>
        </label>
        {/* check: a dry run that only reports; run: import it */}
        {(['check', 'run'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className={mode === 'run' ? 'primary' : undefined}
            disabled={!file || busy}
            onClick={() => file && void startImport(file, mode === 'check')}
            data-testid={`import-${mode}`}
          >
            {t(`staff.import.${mode}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="link"
        onClick={() => {
          setTemplateError(null);
          void downloadFile(STAFF_DATA_ROUTES.importTemplate, {}, 'postings-template.csv').catch((e: unknown) =>
            setTemplateError(apiErrorText(t, e)),
          );
        }}
      >
        {t('staff.import.template')}
      </button>
      {busy ? <ImportProgressBar progress={run.progress} fileName={run.fileName} /> : null}
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
            <div className="row">
              {report.rejected.length > REPORT_ROWS_SHOWN ? (
                <span className="warn" data-testid="import-errors-more">
                  {t('staff.import.moreRows', {
                    shown: REPORT_ROWS_SHOWN,
                    n: report.rejected.length - REPORT_ROWS_SHOWN,
                  })}
                </span>
              ) : null}
              <button
                type="button"
                onClick={() => saveProblemList(t, report.rejected, run?.fileName ?? '')}
                data-testid="import-errors-download"
              >
                {t('staff.import.downloadProblems')}
              </button>
            </div>
          ) : null}
          {report.rejected.length > 0 ? (
            <table className="import-errors" data-testid="import-errors">
              <TableHead columns={[t('staff.import.row'), t('staff.import.id'), t('staff.import.reasons')]} />
              <tbody>
                {report.rejected.slice(0, REPORT_ROWS_SHOWN).map((r) => (
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
