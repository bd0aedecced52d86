/**
 * The hall's kiosks as staff know them: the name and place they gave each paired kiosk, who
 * approved it, when it was last seen, whether it can read aloud, and 改名 / 撤销 (both audited;
 * a revoked kiosk's token stops working at once and it goes back to sending visitors to the window).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from './error-line';
import type { KioskView } from '../../shared/staff-contract';
import { apiErrorText } from '../common/api-error-text';
import { formatTime } from './format';
import { SaveCancel } from './form-fields';
import { STAFF_ROUTES, staffApi } from './staff-api';

function VoiceLine({ status }: { status: KioskView['status'] }) {
  const { t } = useTranslation();
  return (
    <span
      className={status && status.voice === null ? 'error' : 'hint'}
      data-testid="kiosk-voice"
      data-voice={status ? (status.voice ?? 'none') : 'unknown'}
    >
      {status === null
        ? t('staff.screens.kioskVoiceUnknown')
        : status.voice === null
          ? t('staff.screens.kioskNoVoice')
          : t('staff.screens.kioskVoice', { voice: status.voice })}
    </span>
  );
}

function NameForm({ kiosk, onDone }: { kiosk: KioskView; onDone: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(kiosk.label);
  const [place, setPlace] = useState(kiosk.place);
  const [error, setError] = useState<string | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await staffApi.call(STAFF_ROUTES.deviceRename, { params: { id: kiosk.id }, body: { label, place } });
      onDone();
    } catch (e) {
      setError(apiErrorText(t, e));
    }
  }
  return (
    <form className="row" onSubmit={(e) => void save(e)} data-testid="kiosk-name-form">
      {(
        [
          ['label', label, setLabel],
          ['place', place, setPlace],
        ] as const
      ).map(([field, value, onValue]) => (
        <input
          key={field}
          value={value}
          maxLength={30}
          onChange={(e) => onValue(e.target.value)}
          placeholder={t(`staff.kiosks.${field}Placeholder`)}
          aria-label={t(`staff.kiosks.${field}`)}
          data-testid={`kiosk-${field}`}
        />
      ))}
      <SaveCancel scope="staff.kiosks" onCancel={onDone} testId="kiosk-name-save" />
      {error ? <span className="error">{error}</span> : null}
    </form>
  );
}

export function KioskList({ kiosks, refresh }: { kiosks: readonly KioskView[]; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const [naming, setNaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(k: KioskView, name: string) {
    if (!window.confirm(t('staff.kiosks.revokeConfirm', { name }))) return;
    setError(null);
    try {
      await staffApi.call(STAFF_ROUTES.deviceRevoke, { params: { id: k.id } });
      refresh();
    } catch (e) {
      setError(apiErrorText(t, e));
    }
  }

  let unnamed = 0;
  return (
    <>
      <ErrorLine text={error} />
      <ul className="kiosks" data-testid="kiosk-list">
        {kiosks.map((k) => {
          const name =
            k.kind === 'local'
              ? t('staff.screens.localKiosk')
              : k.label || t('staff.kiosks.unnamed', { n: (unnamed += 1) });
          return (
            <li key={k.id} data-kiosk-id={k.id} data-testid="kiosk-item">
              <strong data-testid="kiosk-name">{name}</strong>
              {k.place ? <span> · {k.place}</span> : null}
              {k.approvedBy ? (
                <span className="hint"> · {t('staff.screens.approvedBy', { name: k.approvedBy })}</span>
              ) : null}
              {k.lastSeenAt !== null || k.kind === 'paired' ? (
                <span className="hint">
                  {' · '}
                  {k.lastSeenAt !== null
                    ? t('staff.screens.lastSeen', { time: formatTime(k.lastSeenAt, i18n.language) })
                    : t('staff.kiosks.neverSeen')}
                </span>
              ) : null}
              <div>
                <VoiceLine status={k.status} />
              </div>
              {k.kind === 'paired' ? (
                naming === k.id ? (
                  <NameForm
                    kiosk={k}
                    onDone={() => {
                      setNaming(null);
                      refresh();
                    }}
                  />
                ) : (
                  <div className="row">
                    <button type="button" onClick={() => setNaming(k.id)} data-testid="kiosk-rename">
                      {t('staff.kiosks.rename')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void revoke(k, name)}
                      data-testid="kiosk-revoke"
                    >
                      {t('staff.screens.revoke')}
                    </button>
                  </div>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
