/** The hall notice line (e.g. closing time) and the emergency message (red on every screen). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementView } from '../../shared/staff-contract';
import { STAFF_ROUTES, staffApi } from './staff-api';

export function Announcements({
  notice,
  emergency,
  onChanged,
}: {
  notice: AnnouncementView | null;
  emergency: AnnouncementView | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [noticeText, setNoticeText] = useState('');
  const [emTitle, setEmTitle] = useState('');
  const [emBody, setEmBody] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function setNotice(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await staffApi.call(STAFF_ROUTES.noticeSet, { body: { text: noticeText.trim() } });
      setNoticeText('');
    });
  }

  function setEmergency(event: FormEvent) {
    event.preventDefault();
    if (!window.confirm(t('staff.emergency.confirm'))) return;
    void run(async () => {
      await staffApi.call(STAFF_ROUTES.emergencySet, { body: { title: emTitle.trim(), body: emBody.trim() } });
      setEmTitle('');
      setEmBody('');
    });
  }

  return (
    <section className="panel" aria-labelledby="announcements">
      <h2 id="announcements">{t('staff.notice.title')}</h2>
      {notice ? (
        <p className="current" data-testid="notice-current">
          {t('staff.notice.current', { text: notice.title })}{' '}
          <button type="button" onClick={() => void run(() => staffApi.call(STAFF_ROUTES.noticeClear, {}))}>
            {t('staff.notice.clear')}
          </button>
        </p>
      ) : null}
      <form onSubmit={setNotice} className="row">
        <input
          value={noticeText}
          onChange={(e) => setNoticeText(e.target.value)}
          maxLength={200}
          placeholder={t('staff.notice.placeholder')}
          required
          data-testid="notice-text"
        />
        <button type="submit">{t('staff.notice.set')}</button>
      </form>

      <h2 className="emergency-heading">{t('staff.emergency.title')}</h2>
      {emergency ? (
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
        </div>
      ) : (
        <form onSubmit={setEmergency} className="stack">
          <input
            value={emTitle}
            onChange={(e) => setEmTitle(e.target.value)}
            maxLength={40}
            placeholder={t('staff.emergency.titlePlaceholder')}
            required
            data-testid="emergency-title"
          />
          <input
            value={emBody}
            onChange={(e) => setEmBody(e.target.value)}
            maxLength={300}
            placeholder={t('staff.emergency.bodyPlaceholder')}
          />
          <button type="submit" className="danger" data-testid="emergency-set">
            {t('staff.emergency.set')}
          </button>
        </form>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
