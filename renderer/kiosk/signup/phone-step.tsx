import { useTranslation } from 'react-i18next';
import { PHONE_DIGITS, phoneProblem } from './signup-state';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'] as const;

/** `13812345678` → `138 1234 5678`, the way people read their number aloud. */
export function groupPhone(p: string): string {
  return [p.slice(0, 3), p.slice(3, 7), p.slice(7)].filter(Boolean).join(' ');
}

export function PhoneStep({
  phone,
  onDigit,
  onDelete,
  onClear,
}: {
  phone: string;
  onDigit: (d: string) => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const problem = phoneProblem(phone);
  const message =
    problem === 'ok'
      ? t('kiosk.signup.phone.ok')
      : problem === 'not-mobile'
        ? t('kiosk.signup.phone.notMobile')
        : t('kiosk.signup.phone.incomplete', { count: PHONE_DIGITS - phone.length });
  return (
    <section className="step phone" data-testid="step-phone">
      <h1>{t('kiosk.signup.phone.title')}</h1>
      <p className="muted">{t('kiosk.signup.phone.hint')}</p>
      <output
        className={`phone-display${phone ? '' : ' is-empty'}`}
        data-testid="phone-display"
        data-value={phone}
        data-private
      >
        {phone ? groupPhone(phone) : t('kiosk.signup.phone.placeholder')}
      </output>
      <p
        className={`field-message ${problem === 'not-mobile' ? 'is-error' : problem === 'ok' ? 'is-ok' : ''}`}
        data-testid="phone-message"
        role="status"
      >
        {message}
      </p>
      <div className="keypad" data-speak="skip">
        {KEYS.map((k) =>
          k === 'clear' ? (
            <button key={k} type="button" className="key pad-key pad-aux" data-testid="pad-clear" onClick={onClear}>
              {t('kiosk.signup.phone.clear')}
            </button>
          ) : k === 'delete' ? (
            <button key={k} type="button" className="key pad-key pad-aux" data-testid="pad-delete" onClick={onDelete}>
              {t('kiosk.signup.phone.delete')}
            </button>
          ) : (
            <button key={k} type="button" className="key pad-key" data-testid={`pad-${k}`} onClick={() => onDigit(k)}>
              {k}
            </button>
          ),
        )}
      </div>
    </section>
  );
}
