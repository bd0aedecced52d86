/** The hall notice line (e.g. closing time); the emergency screen is in the header (emergency-control.tsx). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from './error-line';
import type { AnnouncementView } from '../../shared/staff-contract';
import { apiErrorText } from '../common/api-error-text';
import { STAFF_ROUTES, staffApi } from './staff-api';

export function Announcements({ notice, onChanged }: { notice: AnnouncementView | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [noticeText, setNoticeText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(apiErrorText(t, e));
    }
  }

  function setNotice(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await staffApi.call(STAFF_ROUTES.noticeSet, { body: { text: noticeText.trim() } });
      setNoticeText('');
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

      <ErrorLine text={error} />
    </section>
  );
}
