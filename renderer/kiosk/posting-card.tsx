import { useTranslation } from 'react-i18next';
import type { PublicPosting } from '../../shared/schemas/posting';
import { formatDistrict } from '../../shared/format';
import type { UiLocale } from '../common/i18n';
import { Pictogram } from './pictograms';
import { payText, settlementText } from './posting-text';

/** A posting's title, after an urgent badge when it is urgent (cards and the detail page). */
export function PostingTitle({ posting }: { posting: Pick<PublicPosting, 'urgent' | 'title'> }) {
  const { t } = useTranslation();
  return (
    <>
      {posting.urgent && <span className="badge badge-urgent">{t('kiosk.card.urgent')}</span>}
      {posting.title}
    </>
  );
}

/** One result: the whole card is the touch target. */
export function PostingCard({ posting, onOpen }: { posting: PublicPosting; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  return (
    <button type="button" className="card" data-testid="posting-card" data-posting-id={posting.id} onClick={onOpen}>
      <span className="card-icon">
        <Pictogram code={posting.occupation} size={56} />
      </span>
      <span className="card-body">
        <span className="card-title">
          <PostingTitle posting={posting} />
        </span>
        <span className="card-pay">
          {payText(posting, locale)}
          {posting.settlement === 'daily' && (
            <span className="badge badge-daily">{settlementText(posting, locale)}</span>
          )}
          {posting.booth && (
            <span className="badge badge-booth" data-testid="card-booth">
              {t('kiosk.card.booth', { code: posting.booth })}
            </span>
          )}
        </span>
        <span className="card-meta">
          {formatDistrict(posting.districtCode)} · {posting.employerName}
          {posting.employerVerified && <span className="verified"> ✓{t('kiosk.card.verified')}</span>}
        </span>
        {posting.workTime && (
          <span className="card-meta">
            {posting.workTime} · {t('kiosk.card.headcount', { count: posting.headcount })}
          </span>
        )}
      </span>
      <span className="card-open" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
