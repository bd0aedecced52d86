/**
 * The touch kiosk: start → browse → detail → sign-up, with a header that always offers home,
 * language and large text. `reset()` is the one way back to a clean kiosk: it drops every
 * screen's state by remounting the session (new key), on finish, cancel and idle timeout.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { PublicPosting } from '../../shared/schemas/posting';
import { DEFAULT_LOCALE, applyLocale, type UiLocale } from '../common/i18n';
import type { BrowseFilters } from './kiosk-api';
import type { KioskParams } from './kiosk-params';
import { BrowseScreen, NO_FILTERS } from './browse-screen';
import { IdleOverlay } from './idle-overlay';
import { PostingDetail } from './posting-detail';
import { PairingScreen } from './pairing-screen';
import { StartScreen } from './start-screen';
import { SignupFlow } from './signup/signup-flow';
import { useDevice } from './use-device';
import { useIdle } from './use-idle';

type View =
  | { name: 'start' }
  | { name: 'browse' }
  | { name: 'detail'; posting: PublicPosting }
  | { name: 'signup'; posting: PublicPosting | null };

export function KioskApp({ i18n, params }: { i18n: i18n; params: KioskParams }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'start' });
  const [filters, setFilters] = useState<BrowseFilters>(NO_FILTERS);
  const [session, setSession] = useState(0);
  const [elder, setElder] = useState(params.elderDefault);
  const [locale, setLocale] = useState<UiLocale>(DEFAULT_LOCALE);
  const [browseOnly, setBrowseOnly] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { device, revoked } = useDevice(params.pairPollMs);

  useEffect(() => applyLocale(i18n, locale), [i18n, locale]);
  useEffect(() => {
    document.title = t('kiosk.documentTitle');
  }, [t, locale]);

  const reset = useCallback(() => {
    setView({ name: 'start' });
    setFilters(NO_FILTERS);
    setElder(params.elderDefault);
    setLocale(DEFAULT_LOCALE);
    setNotice(null);
    setSession((s) => s + 1);
    // A browse-only kiosk goes back to showing its pairing code for staff.
    setBrowseOnly(false);
  }, [params.elderDefault]);

  const dirty =
    view.name !== 'start' ||
    filters !== NO_FILTERS ||
    locale !== DEFAULT_LOCALE ||
    elder !== params.elderDefault ||
    notice !== null;
  const idle = useIdle(dirty, params.idleMs, params.countdownMs, reset);

  const token = device.status === 'authorised' ? device.token : null;
  const needsPairing = device.status === 'pairing' && !browseOnly;
  const startSignup = (posting: PublicPosting | null) => {
    setNotice(null);
    if (device.status === 'pairing') setBrowseOnly(false);
    else setView({ name: 'signup', posting });
  };

  let body;
  if (needsPairing) {
    body = <PairingScreen code={device.code} expired={device.expired} onBrowse={() => setBrowseOnly(true)} />;
  } else if (view.name === 'start') {
    body = (
      <>
        {notice && (
          <p className="notice notice-ok" role="status" data-testid="start-notice">
            {notice}
          </p>
        )}
        <StartScreen
          onFind={() => {
            setNotice(null);
            setView({ name: 'browse' });
          }}
          onRegister={() => startSignup(null)}
        />
      </>
    );
  } else if (view.name === 'browse') {
    body = (
      <BrowseScreen
        filters={filters}
        onFilters={setFilters}
        onOpen={(posting) => setView({ name: 'detail', posting })}
      />
    );
  } else if (view.name === 'detail') {
    body = <PostingDetail posting={view.posting} canSignUp onSignUp={() => startSignup(view.posting)} />;
  } else {
    body = (
      <SignupFlow
        posting={view.posting}
        token={token}
        onCancel={() => {
          reset();
          setNotice(t('kiosk.signup.consent.declined'));
        }}
        onFinish={reset}
        onUnauthorised={revoked}
      />
    );
  }

  return (
    <div
      className={`kiosk${elder ? ' elder' : ''}`}
      data-testid="kiosk-root"
      data-elder={elder}
      data-view={needsPairing ? 'pairing' : view.name}
      data-device={device.status}
    >
      <header className="topbar">
        {view.name !== 'start' && !needsPairing ? (
          <button type="button" className="btn btn-bar" data-testid="nav-home" onClick={reset}>
            <span aria-hidden="true">⌂ </span>
            {t('kiosk.home')}
          </button>
        ) : (
          <span className="topbar-title">{t('kiosk.hallName')}</span>
        )}
        {view.name === 'detail' && (
          <button
            type="button"
            className="btn btn-bar"
            data-testid="nav-back"
            onClick={() => setView({ name: 'browse' })}
          >
            <span aria-hidden="true">‹ </span>
            {t('kiosk.back')}
          </button>
        )}
        <span className="topbar-spacer" />
        <button
          type="button"
          className="btn btn-bar"
          aria-pressed={elder}
          data-testid="toggle-elder"
          onClick={() => setElder(!elder)}
        >
          {elder ? t('kiosk.elderOn') : t('kiosk.elderOff')}
        </button>
        <button
          type="button"
          className="btn btn-bar"
          data-testid="toggle-language"
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('kiosk.language')}
        </button>
      </header>
      <div className="kiosk-body" key={session}>
        {body}
      </div>
      {idle.secondsLeft !== null && <IdleOverlay seconds={idle.secondsLeft} onContinue={idle.keepGoing} />}
    </div>
  );
}
