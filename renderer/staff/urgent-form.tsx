/**
 * New urgent posting: from scratch or promoted from a posting in the hall's store; an end
 * time is mandatory; all screens or chosen ones; a preview as the wall will show it; push.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicPosting } from '../../shared/schemas/public-posting';
import type { ScreenView } from '../../shared/staff-contract';
import { formatDistrict, formatPay, formatPhoneForBoard, formatSettlement } from '../../shared/format';
import { PUBLIC_ROUTES, STAFF_ROUTES, staffApi } from './staff-api';
import { toLocalInput } from './format';
import { Field } from './form-fields';
import { UrgentPreview } from './urgent-preview';

const PRESETS_MIN = [30, 60, 120, 240] as const;

/** Title and body drafted from a posting (staff edit them before pushing). */
function postingText(l: PublicPosting): { title: string; body: string } {
  return {
    title: l.title.slice(0, 60),
    body: [
      formatPay(l.payMin, l.payMax, l.payUnit),
      formatSettlement(l.settlement),
      formatDistrict(l.districtCode),
      l.employerName,
      formatPhoneForBoard(l.contactPhone),
    ]
      .filter(Boolean)
      .join(' · ')
      .slice(0, 500),
  };
}

export function UrgentForm({ screens, onPushed }: { screens: ScreenView[]; onPushed: (id: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [preset, setPreset] = useState<string>('60');
  const [custom, setCustom] = useState(() => toLocalInput(Date.now() + 3600_000));
  const [allScreens, setAllScreens] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [listingId, setPostingId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PublicPosting[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const expiresAt = preset === 'custom' ? new Date(custom).getTime() : Date.now() + Number(preset) * 60_000;

  async function search(event: FormEvent) {
    event.preventDefault();
    const result = await staffApi.call(PUBLIC_ROUTES.listings, { query: { q: query.trim(), limit: 8 } });
    setFound(result.listings);
  }

  function promote(l: PublicPosting) {
    const text = postingText(l);
    setTitle(text.title);
    setBody(text.body);
    setPostingId(l.id);
    setFound([]);
  }

  async function push(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!Number.isFinite(expiresAt) || expiresAt <= Date.now()) {
      setError(t('staff.urgent.expiryPast'));
      return;
    }
    if (!allScreens && chosen.length === 0) {
      setError(t('staff.urgent.noScreens'));
      return;
    }
    setBusy(true);
    try {
      const { id } = await staffApi.call(STAFF_ROUTES.urgentCreate, {
        body: {
          title: title.trim(),
          body: body.trim(),
          expiresAt: new Date(expiresAt).toISOString(),
          ...(listingId ? { listingId } : {}),
          ...(allScreens ? {} : { screens: chosen }),
        },
      });
      setTitle('');
      setBody('');
      setPostingId(null);
      onPushed(id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="urgent-new">
      <h2 id="urgent-new">{t('staff.urgent.newTitle')}</h2>
      <form className="promote" onSubmit={search}>
        <Field
          value={query}
          onValue={setQuery}
          placeholder={t('staff.urgent.promotePlaceholder')}
          maxLength={50}
          testId="promote-query"
        >
          {t('staff.urgent.promote')}
        </Field>
        <button type="submit">{t('staff.urgent.search')}</button>
      </form>
      {found.length > 0 ? (
        <ul className="found" data-testid="promote-results">
          {found.map((l) => (
            <li key={l.id}>
              <button type="button" onClick={() => promote(l)}>
                {l.title} · {l.employerName} · {formatDistrict(l.districtCode)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={push} className="urgent-form" data-testid="urgent-form">
        <Field value={title} onValue={setTitle} maxLength={60} required testId="urgent-title">
          {t('staff.urgent.title')}
        </Field>
        <label>
          {t('staff.urgent.body')}
          <textarea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={500}
            rows={2}
            data-testid="urgent-body"
          />
        </label>
        {listingId ? <p className="hint">{t('staff.urgent.promoted', { id: listingId })}</p> : null}
        <fieldset>
          <legend>{t('staff.urgent.expires')}</legend>
          {PRESETS_MIN.map((m) => (
            <label key={m} className="inline">
              <input
                type="radio"
                name="expiry"
                value={m}
                checked={preset === String(m)}
                onChange={() => setPreset(String(m))}
              />
              {t('staff.urgent.minutes', { count: m })}
            </label>
          ))}
          <label className="inline">
            <input
              type="radio"
              name="expiry"
              value="custom"
              checked={preset === 'custom'}
              onChange={() => setPreset('custom')}
            />
            {t('staff.urgent.custom')}
          </label>
          {preset === 'custom' ? (
            <input
              type="datetime-local"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              data-testid="urgent-expiry"
            />
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('staff.urgent.targets')}</legend>
          <label className="inline">
            <input type="radio" name="targets" checked={allScreens} onChange={() => setAllScreens(true)} />
            {t('staff.urgent.allScreens')}
          </label>
          <label className="inline">
            <input type="radio" name="targets" checked={!allScreens} onChange={() => setAllScreens(false)} />
            {t('staff.urgent.chosenScreens')}
          </label>
          {!allScreens
            ? screens.map((s) => (
                <label key={s.id} className="inline">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))}
                  />
                  {s.name} ({s.id})
                </label>
              ))
            : null}
        </fieldset>
        <UrgentPreview title={title} body={body} expiresAt={expiresAt} />
        {error ? (
          <p className="error" role="alert" data-testid="urgent-error">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="primary danger"
          disabled={busy || title.trim() === ''}
          data-testid="urgent-push"
        >
          {t('staff.urgent.push')}
        </button>
      </form>
    </section>
  );
}
