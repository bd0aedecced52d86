/** The screen every visit starts from and every reset returns to. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSummary } from '../../shared/kiosk-contract';
import { getSummary } from './kiosk-api';
import { LineIcon, SearchIcon } from './pictograms';

export function StartScreen({ onFind, onRegister }: { onFind: () => void; onRegister: () => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<KioskSummary | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      getSummary().then(
        (s) => live && (setSummary(s), setOffline(false)),
        () => live && setOffline(true),
      );
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <main className="start" data-testid="start-screen">
      <h1 className="start-welcome">{t('kiosk.start.welcome')}</h1>
      {summary && (
        <p className="start-today" data-testid="today-counts">
          {t('kiosk.start.today', { active: summary.activeListings, daily: summary.dailyListings })}
          {summary.newToday > 0 && (
            <span className="start-new">{t('kiosk.start.newToday', { count: summary.newToday })}</span>
          )}
        </p>
      )}
      {offline && <p className="notice notice-warn">{t('kiosk.start.offline')}</p>}
      <div className="start-choices">
        <button type="button" className="start-choice start-find" data-testid="start-find" onClick={onFind}>
          <SearchIcon size={96} strokeWidth={5} />
          <span className="start-choice-label">{t('kiosk.start.find')}</span>
          <span className="start-choice-hint">{t('kiosk.start.findHint')}</span>
        </button>
        <button type="button" className="start-choice start-register" data-testid="start-register" onClick={onRegister}>
          <LineIcon size={96} strokeWidth={5}>
            <rect x="12" y="8" width="40" height="48" rx="4" />
            <path d="M22 24h20M22 34h20M22 44h10" />
          </LineIcon>
          <span className="start-choice-label">{t('kiosk.start.register')}</span>
          <span className="start-choice-hint">{t('kiosk.start.registerHint')}</span>
        </button>
      </div>
      <p className="start-privacy">{t('kiosk.start.privacy')}</p>
    </main>
  );
}
