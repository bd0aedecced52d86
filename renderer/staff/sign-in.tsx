/**
 * Sign-in by PIN, or — when the hall has no staff account yet — creating the first admin.
 * There is no default PIN: the first person to open /staff on a new hall sets one (or the
 * operator sets HALL_STAFF_PIN).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '../../shared/staff-contract';
import { apiErrorText } from '../common/api-error-text';
import { ApiError, STAFF_ROUTES, staffApi, tokenStore } from './staff-api';
import { Field } from './form-fields';

/** A PIN is digits only: anything else typed is dropped. */
const digits = (text: string) => text.replace(/\D/g, '');

export function SignIn({ onSignedIn }: { onSignedIn: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    staffApi
      .call(STAFF_ROUTES.setupState, {})
      .then((r) => setNeedsSetup(r.needsSetup))
      .catch(() => setNeedsSetup(false));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (needsSetup && pin !== pin2) {
      setError(t('staff.signIn.pinMismatch'));
      return;
    }
    setBusy(true);
    try {
      const session = needsSetup
        ? await staffApi.call(STAFF_ROUTES.setup, { body: { name: name.trim(), pin } })
        : await staffApi.call(STAFF_ROUTES.signIn, { body: { pin } });
      tokenStore.set(session.token);
      onSignedIn(session);
    } catch (e) {
      const code = e instanceof ApiError && e.code !== 'offline' ? e.code : 'network';
      setError(t(`staff.signIn.error.${code}`, { defaultValue: apiErrorText(t, e) }));
      setPin('');
      setPin2('');
    } finally {
      setBusy(false);
    }
  }

  if (needsSetup === null) return <div className="sign-in" aria-busy="true" />;
  return (
    <form className="sign-in" onSubmit={submit} data-testid="sign-in">
      <h1>{needsSetup ? t('staff.signIn.setupTitle') : t('staff.signIn.title')}</h1>
      {needsSetup ? <p className="hint">{t('staff.signIn.setupHint')}</p> : null}
      {needsSetup ? (
        <Field value={name} onValue={setName} maxLength={30} required autoFocus testId="setup-name">
          {t('staff.signIn.name')}
        </Field>
      ) : null}
      <Field
        type="password"
        inputMode="numeric"
        autoComplete={needsSetup ? 'new-password' : 'current-password'}
        pattern="\d{6,12}"
        value={pin}
        onValue={(text) => setPin(digits(text))}
        maxLength={12}
        required
        autoFocus={!needsSetup}
        testId="pin"
      >
        {t('staff.signIn.pin')}
      </Field>
      {needsSetup ? (
        <Field
          type="password"
          inputMode="numeric"
          value={pin2}
          onValue={(text) => setPin2(digits(text))}
          maxLength={12}
          required
          testId="pin-again"
        >
          {t('staff.signIn.pinAgain')}
        </Field>
      ) : null}
      {needsSetup ? <p className="hint">{t('staff.signIn.pinRules')}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
        {needsSetup ? t('staff.signIn.create') : t('staff.signIn.submit')}
      </button>
    </form>
  );
}
