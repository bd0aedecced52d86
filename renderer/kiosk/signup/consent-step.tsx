import { useTranslation } from 'react-i18next';
import { HugeButton } from '../huge-button';

/** Plain, large consent before any personal field (PIPL); declining stores nothing. */
export function ConsentStep({ onAgree, onDecline }: { onAgree: () => void; onDecline: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="step consent" data-testid="step-consent">
      <h1>{t('kiosk.signup.consent.title')}</h1>
      <ul className="consent-points">
        <li>{t('kiosk.signup.consent.p1')}</li>
        <li>{t('kiosk.signup.consent.p2')}</li>
        <li>{t('kiosk.signup.consent.p3')}</li>
        <li>{t('kiosk.signup.consent.p4')}</li>
      </ul>
      <div className="step-actions">
        <HugeButton kind="secondary" testId="consent-decline" onClick={onDecline}>
          {t('kiosk.signup.consent.decline')}
        </HugeButton>
        <HugeButton kind="primary" testId="consent-agree" onClick={onAgree}>
          {t('kiosk.signup.consent.agree')}
        </HugeButton>
      </div>
    </section>
  );
}
