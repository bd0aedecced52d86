import { useTranslation } from 'react-i18next';

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
        <button type="button" className="btn btn-secondary btn-huge" data-testid="consent-decline" onClick={onDecline}>
          {t('kiosk.signup.consent.decline')}
        </button>
        <button type="button" className="btn btn-primary btn-huge" data-testid="consent-agree" onClick={onAgree}>
          {t('kiosk.signup.consent.agree')}
        </button>
      </div>
    </section>
  );
}
