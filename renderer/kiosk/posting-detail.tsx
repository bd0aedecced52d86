/** Everything a visitor needs about one posting, a QR code to take it away, and "sign up". */
import { useTranslation } from 'react-i18next';
import type { PublicPosting } from '../../shared/schemas/posting';
import { formatDistrict, formatPhoneForBoard } from '../../shared/format';
import type { UiLocale } from '../common/i18n';
import { Pictogram } from './pictograms';
import { PostingTitle } from './posting-card';
import { QrImage } from './qr-image';
import { postingQrText, payText, settlementText } from './posting-text';
import { HugeButton } from './huge-button';

export function PostingDetail({
  posting,
  onSignUp,
  canSignUp,
}: {
  posting: PublicPosting;
  onSignUp: () => void;
  canSignUp: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  const validUntil = new Date(posting.validUntil).toLocaleDateString(locale, { month: 'long', day: 'numeric' });
  const rows: Array<[string, string]> = [
    [
      t('kiosk.detail.employer'),
      `${posting.employerName}${posting.employerVerified ? ` ✓${t('kiosk.card.verified')}` : ''}`,
    ],
    [t('kiosk.detail.place'), `${formatDistrict(posting.districtCode)} ${posting.address}`.trim()],
    [t('kiosk.detail.workTime'), posting.workTime],
    [t('kiosk.detail.headcount'), t('kiosk.detail.headcountValue', { count: posting.headcount })],
    [t('kiosk.detail.type'), t(`kiosk.employmentType.${posting.employmentType}`)],
    [t('kiosk.detail.requirements'), posting.requirements],
    [t('kiosk.detail.description'), posting.description],
    [t('kiosk.detail.validUntil'), validUntil],
    [t('kiosk.detail.source'), posting.source],
  ];
  return (
    <main className="detail" data-testid="posting-detail">
      <header className="detail-head">
        <Pictogram code={posting.occupation} size={72} />
        <div>
          <h1 className="detail-title">
            <PostingTitle posting={posting} />
          </h1>
          <p className="detail-pay">
            {payText(posting, locale)}
            <span className={`badge ${posting.settlement === 'daily' ? 'badge-daily' : 'badge-plain'}`}>
              {settlementText(posting, locale)}
            </span>
          </p>
          {posting.booth && (
            <p className="detail-booth" data-testid="detail-booth">
              {t('kiosk.detail.boothVisit', { code: posting.booth })}
            </p>
          )}
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
              {posting.contactName} {formatPhoneForBoard(posting.contactPhone)}
            </dd>
          </div>
        </dl>
        <aside className="detail-side">
          <QrImage text={postingQrText(posting)} size={260} label={t('kiosk.detail.qr')} testId="posting-qr" />
        </aside>
      </div>
      {canSignUp && (
        <HugeButton kind="primary" testId="detail-signup" onClick={onSignUp}>
          {t('kiosk.detail.signUp')}
        </HugeButton>
      )}
    </main>
  );
}
