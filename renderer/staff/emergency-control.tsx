/**
 * The emergency screen (every wall and the kiosk turn red) from the console's header, on every
 * tab: one click opens the confirm step with the usual message filled in, a second puts it up.
 * While it is up, the header says so in red and ends it with one click.
 */
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from './error-line';
import { apiErrorText } from '../common/api-error-text';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { usePoll } from './use-poll';

/** The header learns of an emergency set from another console within this long. */
const POLL_MS = 2000;

export function EmergencyControl() {
  const { t } = useTranslation();
  const { data, refresh } = usePoll(() => staffApi.call(STAFF_ROUTES.urgentList, {}), POLL_MS);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const emergency = data?.emergency ?? null;

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await action();
      refresh();
      return true;
    } catch (e) {
      setError(apiErrorText(t, e));
      return false;
    }
  }

  function start() {
    setTitle(t('staff.emergency.defaultTitle'));
    setBody('');
    setError(null);
    setOpen(true);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() =>
      staffApi.call(STAFF_ROUTES.emergencySet, { body: { title: title.trim(), body: body.trim() } }),
    );
    if (ok) setOpen(false);
  }

  if (emergency)
    return (
      <div className="emergency-live" role="alert" data-testid="emergency-current">
        <strong>{t('staff.emergency.live', { title: emergency.title })}</strong>
        <button
          type="button"
          className="primary"
          onClick={() => void run(() => staffApi.call(STAFF_ROUTES.emergencyClear, {}))}
          data-testid="emergency-clear"
        >
          {t('staff.emergency.clear')}
        </button>
        {error ? <span className="error">{error}</span> : null}
      </div>
    );

  return (
    <>
      <button type="button" className="primary danger emergency-open" onClick={start} data-testid="emergency-open">
        {t('staff.emergency.open')}
      </button>
      {/* outside the dark header, so the dialog has the page's colours */}
      {open
        ? createPortal(
            <div className="modal-backdrop">
              <form
                className="modal panel"
                role="dialog"
                aria-modal="true"
                aria-labelledby="emergency-dialog-title"
                onSubmit={(e) => void confirm(e)}
              >
                <h2 id="emergency-dialog-title" className="emergency-heading">
                  {t('staff.emergency.title')}
                </h2>
                <p>{t('staff.emergency.confirm')}</p>
                {(
                  [
                    ['title', title, setTitle, 40],
                    ['body', body, setBody, 300],
                  ] as const
                ).map(([field, value, onValue, max]) => (
                  <label key={field}>
                    {t(`staff.emergency.${field}Label`)}
                    <input
                      value={value}
                      onChange={(e) => onValue(e.target.value)}
                      maxLength={max}
                      // the large text is what the screens show: it may not be empty
                      required={field === 'title'}
                      {...(field === 'body' ? { placeholder: t('staff.emergency.bodyPlaceholder') } : {})}
                      data-testid={`emergency-${field}`}
                    />
                  </label>
                ))}
                <ErrorLine text={error} />
                <div className="row">
                  <button type="submit" className="primary danger" data-testid="emergency-set">
                    {t('staff.emergency.set')}
                  </button>
                  <button type="button" onClick={() => setOpen(false)} data-testid="emergency-cancel">
                    {t('staff.emergency.cancel')}
                  </button>
                </div>
              </form>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
