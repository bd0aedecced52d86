/** Everything a visitor needs about one posting, a QR code to take it away, and "sign up". */
import { useTranslation } from 'react-i18next';
import type { PublicListing } from '../../shared/schemas/listing';
import { formatDistrict, formatPhoneForBoard } from '../../shared/format';
import type { UiLocale } from '../common/i18n';
import { Pictogram } from './pictograms';
import { QrImage } from './qr-image';
import { listingQrText, payText, settlementText } from './listing-text';

export function ListingDetail({ listing, onSignUp, canSignUp }: { listing: PublicListing; onSignUp: () => void; canSignUp: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  const validUntil = new Date(listing.validUntil).toLocaleDateString(locale, { month: 'long', day: 'numeric' });
  const rows: Array<[string, string]> = [
    [t('kiosk.detail.employer'), `${listing.employerName}${listing.employerVerified ? ` ✓${t('kiosk.card.verified')}` : ''}`],
    [t('kiosk.detail.place'), `${formatDistrict(listing.districtCode)} ${listing.address}`.trim()],
    [t('kiosk.detail.workTime'), listing.workTime],
    [t('kiosk.detail.headcount'), t('kiosk.detail.headcountValue', { count: listing.headcount })],
    [t('kiosk.detail.type'), t(`kiosk.employmentType.${listing.employmentType}`)],
    [t('kiosk.detail.requirements'), listing.requirements],
    [t('kiosk.detail.description'), listing.description],
    [t('kiosk.detail.validUntil'), validUntil],
    [t('kiosk.detail.source'), listing.source],
  ];
  return (
    <main className="detail" data-testid="listing-detail">
      <header className="detail-head">
        <Pictogram code={listing.occupation} size={72} />
        <div>
          <h1 className="detail-title">
            {listing.urgent && <span className="badge badge-urgent">{t('kiosk.card.urgent')}</span>}
            {listing.title}
          </h1>
          <p className="detail-pay">
            {payText(listing, locale)}
            <span className={`badge ${listing.settlement === 'daily' ? 'badge-daily' : 'badge-plain'}`}>{settlementText(listing, locale)}</span>
          </p>
        </div>
      </header>
      <div className="detail-body">
        <dl className="facts">
          {rows
            .filter(([, v]) => v.trim() !== '')
            .map(([k, v]) => (
              <div className="fact" key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          <div className="fact fact-contact">
            <dt>{t('kiosk.detail.contact')}</dt>
            <dd data-testid="detail-phone">
              {listing.contactName} {formatPhoneForBoard(listing.contactPhone)}
            </dd>
          </div>
        </dl>
        <aside className="detail-side">
          <QrImage text={listingQrText(listing)} size={260} label={t('kiosk.detail.qr')} testId="listing-qr" />
        </aside>
      </div>
      {canSignUp && (
        <button type="button" className="btn btn-primary btn-huge" data-testid="detail-signup" onClick={onSignUp}>
          {t('kiosk.detail.signUp')}
        </button>
      )}
    </main>
  );
}
