/**
 * What a visitor sees when this kiosk cannot take sign-ups (it was never paired, or its pairing
 * was revoked): where to sign up in person, and the hall's own sign-up page as a QR code when
 * hall.json names one. Visitor words only; the pairing code is for staff (long-press the
 * hall's name in the top bar, or the console's device list).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSummary } from '../../shared/kiosk-contract';
import { getSummary } from './kiosk-api';
import { QrImage } from './qr-image';
import { HugeButton } from './huge-button';

type Hall = NonNullable<KioskSummary['hall']>;

export function WindowScreen({ onFind, onHome }: { onFind: () => void; onHome: () => void }) {
  const { t } = useTranslation();
  const [hall, setHall] = useState<Hall | null>(null);
  useEffect(() => {
    let live = true;
    getSummary().then(
      (s) => live && setHall(s.hall ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <main className="window-screen" data-testid="window-screen">
      <h1>{t('kiosk.window.title')}</h1>
      <p className="window-where" data-testid="window-where">
        {hall?.serviceWindow ? t('kiosk.window.where', { window: hall.serviceWindow }) : t('kiosk.window.whereAny')}
      </p>
      <p>{t('kiosk.window.bring')}</p>
      {hall?.signupUrl && <QrImage text={hall.signupUrl} size={280} label={t('kiosk.window.qr')} testId="window-qr" />}
      <div className="step-actions">
        <HugeButton kind="primary" testId="window-find" onClick={onFind}>
          {t('kiosk.window.find')}
        </HugeButton>
        <HugeButton kind="secondary" testId="window-home" onClick={onHome}>
          {t('kiosk.home')}
        </HugeButton>
      </div>
    </main>
  );
}
