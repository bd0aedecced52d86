/**
 * The touch kiosk: start → browse → detail → sign-up, with a header that always offers home,
 * read aloud (when the PC has a Mandarin voice), language and large text. `reset()` is the one
 * way back to a clean kiosk: it drops every screen's state by remounting the session (new
 * key), stops the voice, on finish, cancel and idle timeout.
 *
 * A kiosk that may not take sign-ups (not paired) still serves visitors: browsing works, and
 * 登记求职 says where to sign up in person. Its pairing code is for staff: long-press the
 * hall's name in the top bar.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { useLongPress } from './use-long-press';
import { WindowScreen } from './window-screen';
import { postKioskStatus } from './kiosk-api';
import { useVoice } from './voice/use-voice';
import { SpeakerIcon } from './pictograms';
import { postingAloud, screenAloud } from './voice/speech-text';

type View =
  | { name: 'start' }
  | { name: 'browse' }
  | { name: 'detail'; posting: PublicPosting }
  | { name: 'signup'; posting: PublicPosting | null }
  | { name: 'window' };

/** Leave room for React to draw the new screen before it is read. */
const READ_AFTER_MS = 200;

export function KioskApp({ i18n, params }: { i18n: i18n; params: KioskParams }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'start' });
  const [filters, setFilters] = useState<BrowseFilters>(NO_FILTERS);
  const [session, setSession] = useState(0);
  const [elder, setElder] = useState(params.elderDefault);
  const [locale, setLocale] = useState<UiLocale>(DEFAULT_LOCALE);
  const [staffPairing, setStaffPairing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [alwaysRead, setAlwaysRead] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const { device, revoked } = useDevice(params.pairPollMs);
  const voice = useVoice(locale);
  const bodyRef = useRef<HTMLDivElement>(null);
  const openPairing = useLongPress(() => setStaffPairing(true));

  useEffect(() => applyLocale(i18n, locale), [i18n, locale]);
  useEffect(() => {
    document.title = t('kiosk.documentTitle');
  }, [t, locale]);

  const { stop } = voice;
  const reset = useCallback(() => {
    stop();
    setAlwaysRead(false);
    setView({ name: 'start' });
    setFilters(NO_FILTERS);
    setElder(params.elderDefault);
    setLocale(DEFAULT_LOCALE);
    setNotice(null);
    setSession((s) => s + 1);
    setStaffPairing(false);
  }, [params.elderDefault, stop]);

  const dirty =
    view.name !== 'start' ||
    alwaysRead ||
    filters !== NO_FILTERS ||
    locale !== DEFAULT_LOCALE ||
    elder !== params.elderDefault ||
    notice !== null;
  const idle = useIdle(dirty, params.idleMs, params.countdownMs, reset);

  const token = device.status === 'authorised' ? device.token : null;
  const needsPairing = device.status === 'pairing' && staffPairing;
  const startSignup = (posting: PublicPosting | null) => {
    setNotice(null);
    setView(device.status === 'pairing' ? { name: 'window' } : { name: 'signup', posting });
  };

  // Staff see on the screens page whether this PC can read aloud (reported once the voices are known).
  const mandarin = locale === DEFAULT_LOCALE ? voice.voice : undefined;
  useEffect(() => {
    if (!token || !voice.settled || mandarin === undefined) return;
    postKioskStatus(token, { voice: mandarin?.name.slice(0, 120) ?? null }).catch(() => undefined);
  }, [token, voice.settled, mandarin]);

  const readNow = useCallback(() => {
    if (view.name === 'detail') voice.speak(postingAloud(view.posting, t, locale));
    else if (bodyRef.current) voice.speak(screenAloud(bodyRef.current, locale));
  }, [view, voice, t, locale]);

  // "Always read aloud": each new screen and step reads itself once it is drawn.
  const screenKey = `${session}:${view.name}:${step ?? ''}:${locale}`;
  const readRef = useRef(readNow);
  readRef.current = readNow;
  useEffect(() => {
    if (!alwaysRead) return undefined;
    const timer = setTimeout(() => readRef.current(), READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [alwaysRead, screenKey]);

  // The voice stops on the next touch anywhere but the read-aloud controls.
  useEffect(() => {
    const touched = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-voice-control]')) stop();
    };
    document.addEventListener('pointerdown', touched, { capture: true, passive: true });
    return () => document.removeEventListener('pointerdown', touched, { capture: true });
  }, [stop]);

  let body;
  if (needsPairing) {
    body = <PairingScreen code={device.code} expired={device.expired} onBrowse={() => setStaffPairing(false)} />;
  } else if (view.name === 'window') {
    body = <WindowScreen onFind={() => setView({ name: 'browse' })} onHome={reset} />;
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
        onStep={setStep}
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
      data-voice={voice.voice ? voice.voice.lang : voice.settled ? 'none' : 'loading'}
    >
      <header className="topbar">
        {view.name !== 'start' && !needsPairing ? (
          <button type="button" className="btn btn-bar" data-testid="nav-home" onClick={reset}>
            <span aria-hidden="true">⌂ </span>
            {t('kiosk.home')}
          </button>
        ) : (
          <span className="topbar-title" data-testid="topbar-title" {...openPairing}>
            {t('kiosk.hallName')}
          </span>
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
        {voice.voice && !needsPairing && (
          <>
            <button
              type="button"
              className="btn btn-bar btn-voice"
              data-testid="read-aloud"
              data-voice-control
              onClick={readNow}
            >
              <SpeakerIcon />
              {t('kiosk.voice.read')}
            </button>
            <button
              type="button"
              className="btn btn-bar"
              aria-pressed={alwaysRead}
              data-testid="toggle-always-read"
              data-voice-control
              onClick={() => {
                if (alwaysRead) stop();
                setAlwaysRead(!alwaysRead);
              }}
            >
              {alwaysRead ? t('kiosk.voice.alwaysOn') : t('kiosk.voice.alwaysOff')}
            </button>
          </>
        )}
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
      <div className="kiosk-body" key={session} ref={bodyRef}>
        {body}
      </div>
      {idle.secondsLeft !== null && <IdleOverlay seconds={idle.secondsLeft} onContinue={idle.keepGoing} />}
    </div>
  );
}
