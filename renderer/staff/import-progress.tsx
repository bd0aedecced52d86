/**
 * A running import's progress: one bar over the three steps (reading the file, checking its
 * rows, writing the good ones) and the counts of each, in words. The bar's share per step is
 * fixed (a fifth reading, two fifths each checking and writing) so it only moves forward.
 */
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../shared/staff-data-contract';
import './import-panel.css';

const SHARE = { uploading: [0, 0.05], reading: [0.05, 0.2], checking: [0.2, 0.6], writing: [0.6, 1] } as const;

function fraction(p: ImportProgress | null): number {
  if (!p) return 0;
  if (p.phase === 'done' || p.phase === 'failed') return 1;
  const [from, to] = SHARE[p.phase];
  const part =
    p.phase === 'uploading' || p.phase === 'reading'
      ? 0.5 // the row count is not known until the file is read
      : p.phase === 'checking'
        ? p.checked / Math.max(1, p.rows ?? 1)
        : p.written / Math.max(1, p.toWrite ?? 1);
  return from + (to - from) * Math.min(1, part);
}

export function ImportProgressBar({ progress, fileName }: { progress: ImportProgress | null; fileName: string }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction(progress) * 100);
  const phase = progress?.phase ?? 'uploading';
  return (
    <div
      className="import-progress"
      data-testid="import-progress"
      data-phase={phase}
      data-read={progress?.read ?? 0}
      data-checked={progress?.checked ?? 0}
      data-written={progress?.written ?? 0}
    >
      <p className="import-progress__title">
        {t(`staff.import.progress.${phase}`, { file: fileName })} · {percent}%
      </p>
      <div
        className="import-progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('staff.import.progress.label')}
      >
        <div className="import-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <ol className="import-progress__steps">
        <li className={phase === 'reading' ? 'on' : ''}>
          {t('staff.import.progress.read', { n: progress?.read ?? 0 })}
        </li>
        <li className={phase === 'checking' ? 'on' : ''}>
          {t('staff.import.progress.checked', { n: progress?.checked ?? 0, of: progress?.rows ?? '…' })}
        </li>
        <li className={phase === 'writing' ? 'on' : ''}>
          {progress?.dryRun
            ? t('staff.import.progress.noWrite')
            : t('staff.import.progress.written', { n: progress?.written ?? 0, of: progress?.toWrite ?? '…' })}
        </li>
      </ol>
      <p className="hint">{t('staff.import.progress.leave')}</p>
    </div>
  );
}
