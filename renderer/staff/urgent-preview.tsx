/** The posting as the walls will show it: the takeover of its first seconds, then the banner. */
import { useTranslation } from 'react-i18next';
import { formatClock } from '../common/format-time';

export function UrgentPreview({ title, body, expiresAt }: { title: string; body: string; expiresAt: number }) {
  const { t, i18n } = useTranslation();
  const shownTitle = title.trim() || t('staff.urgent.previewEmpty');
  return (
    <div className="preview" data-testid="urgent-preview" aria-label={t('staff.urgent.preview')}>
      <div className="preview__label">{t('staff.urgent.preview')}</div>
      <div className="preview__wall preview__takeover">
        <span className="preview__tag">{t('board.urgentAlert.tag')}</span>
        <div className="preview__title">{shownTitle}</div>
        {body.trim() ? <div className="preview__body">{body}</div> : null}
        {Number.isFinite(expiresAt) ? (
          <div className="preview__until">
            {t('board.urgentAlert.until', { time: formatClock(expiresAt, i18n.language) })}
          </div>
        ) : null}
      </div>
      <div className="preview__wall preview__banner-wall">
        <div className="preview__banner">
          <span className="preview__banner-tag">{t('board.urgentAlert.tag')}</span>
          <b>{shownTitle}</b>
          {body.trim() ? <span className="preview__banner-body">{body}</span> : null}
        </div>
      </div>
      <p className="hint">{t('staff.urgent.previewHint')}</p>
    </div>
  );
}
