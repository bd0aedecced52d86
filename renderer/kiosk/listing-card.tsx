import { useTranslation } from 'react-i18next';
import type { PublicListing } from '../../shared/schemas/listing';
import { formatDistrict } from '../../shared/format';
import type { UiLocale } from '../common/i18n';
import { Pictogram } from './pictograms';
import { payText, settlementText } from './listing-text';

/** One result: the whole card is the touch target. */
export function ListingCard({ listing, onOpen }: { listing: PublicListing; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  return (
    <button type="button" className="card" data-testid="listing-card" data-listing-id={listing.id} onClick={onOpen}>
      <span className="card-icon">
        <Pictogram code={listing.occupation} size={56} />
      </span>
      <span className="card-body">
        <span className="card-title">
          {listing.urgent && <span className="badge badge-urgent">{t('kiosk.card.urgent')}</span>}
          {listing.title}
        </span>
        <span className="card-pay">
          {payText(listing, locale)}
          {listing.settlement === 'daily' && <span className="badge badge-daily">{settlementText(listing, locale)}</span>}
        </span>
        <span className="card-meta">
          {formatDistrict(listing.districtCode)} · {listing.employerName}
          {listing.employerVerified && <span className="verified"> ✓{t('kiosk.card.verified')}</span>}
        </span>
        {listing.workTime && <span className="card-meta">{listing.workTime} · {t('kiosk.card.headcount', { count: listing.headcount })}</span>}
      </span>
      <span className="card-open" aria-hidden="true">›</span>
    </button>
  );
}
