/**
 * The staff console (/staff): sign in, then urgent postings (with delivery proof), screens and
 * the audit log. Chinese first; one button switches to English for the session.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { SessionResponse, StaffIdentity } from '../../shared/staff-contract';
import { applyLocale } from '../common/i18n';
import { AuditPage } from './audit-page';
import { MatchesPage } from './matches-page';
import { EmergencyControl } from './emergency-control';
import { PostingsPage } from './postings-page';
import { PulseView } from './pulse-view';
import { SignupsPage } from './signups-page';
import { ScreensPage } from './screens-page';
import { SignIn } from './sign-in';
import { ApiError, STAFF_ROUTES, staffApi, tokenStore } from './staff-api';
import { UrgentPage } from './urgent-page';
import { usePoll } from './use-poll';

type Tab = 'urgent' | 'postings' | 'signups' | 'matches' | 'pulse' | 'screens' | 'audit';

function Console({ who, onSignOut }: { who: StaffIdentity; onSignOut: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('urgent');
  const screens = usePoll(() => staffApi.call(STAFF_ROUTES.screens, {}), 3000);

  useEffect(() => {
    if (screens.error instanceof ApiError && screens.error.status === 401) onSignOut();
  }, [screens.error, onSignOut]);

  return (
    <>
      <nav className="tabs" role="tablist">
        {(['urgent', 'postings', 'signups', 'matches', 'pulse', 'screens', 'audit'] as const).map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab tab--on' : 'tab'}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`staff.tabs.${name}`)}
          </button>
        ))}
        <span className="who">{t('staff.signedInAs', { name: who.name })}</span>
      </nav>
      <main>
        {tab === 'urgent' ? <UrgentPage screens={screens.data?.screens ?? []} /> : null}
        {tab === 'postings' ? <PostingsPage /> : null}
        {tab === 'signups' ? <SignupsPage /> : null}
        {tab === 'matches' ? <MatchesPage /> : null}
        {tab === 'pulse' ? <PulseView /> : null}
        {tab === 'screens' ? <ScreensPage data={screens.data} refresh={screens.refresh} /> : null}
        {tab === 'audit' ? <AuditPage screens={screens.data} /> : null}
      </main>
    </>
  );
}

export function StaffApp({ i18n }: { i18n: i18n }) {
  const { t } = useTranslation();
  const [who, setWho] = useState<StaffIdentity | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    applyLocale(i18n, 'zh-CN');
    if (!tokenStore.get()) {
      setChecked(true);
      return;
    }
    staffApi
      .call(STAFF_ROUTES.me, {})
      .then(setWho)
      .catch(() => tokenStore.clear())
      .finally(() => setChecked(true));
  }, [i18n]);

  useEffect(() => {
    document.title = t('staff.documentTitle');
  }, [t]);

  const signOut = () => {
    void staffApi.call(STAFF_ROUTES.signOut, {}).catch(() => undefined);
    tokenStore.clear();
    setWho(null);
  };

  return (
    <div className="staff" data-testid="staff-root">
      <header className="top">
        <h1>{t('staff.appTitle')}</h1>
        {who ? <EmergencyControl /> : null}
        <button
          type="button"
          onClick={() => applyLocale(i18n, i18n.language === 'en' ? 'zh-CN' : 'en')}
          data-testid="language-toggle"
        >
          {t('staff.otherLanguage')}
        </button>
        {who ? (
          <button type="button" onClick={signOut} data-testid="sign-out">
            {t('staff.signOut')}
          </button>
        ) : null}
      </header>
      {!checked ? null : who ? (
        <Console who={who} onSignOut={signOut} />
      ) : (
        <SignIn onSignedIn={(s: SessionResponse) => setWho(s)} />
      )}
    </div>
  );
}
