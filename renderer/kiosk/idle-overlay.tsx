import { useTranslation } from 'react-i18next';
import { HugeButton } from './huge-button';

/** The countdown before the kiosk wipes itself; one big button keeps the session. */
export function IdleOverlay({ seconds, onContinue }: { seconds: number; onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" data-testid="idle-warning">
      <div className="overlay-box">
        <h2>{t('kiosk.idle.title')}</h2>
        <p className="overlay-count" data-testid="idle-seconds">
          {t('kiosk.idle.body', { seconds })}
        </p>
        <HugeButton kind="primary" testId="idle-continue" onClick={onContinue}>
          {t('kiosk.idle.continue')}
        </HugeButton>
      </div>
    </div>
  );
}
