/**
 * Right after a sign-up: "现在有 N 个适合您的岗位" and the best few of them — trade, pay, district,
 * and where to ask (the employer's booth in the hall, else the phone), each with its own QR code
 * to take away. Public posting fields only (the host's receipt, shared/matching-contract.ts);
 * it lives in the sign-up's state, so the idle wipe takes it with everything else.
 */
import { useTranslation } from 'react-i18next';
import type { KioskMatches } from '../../../shared/matching-contract';
import { reasonsLine } from '../../../shared/matching/reason-text';
import { isUiLocale } from '../../common/i18n';
import { payText, postingQrText } from '../posting-text';
import { QrImage } from '../qr-image';
import { matchWhere } from './slip-matches';
import './done-matches.css';

export function DoneMatches({ matches, forPosting }: { matches: KioskMatches | undefined; forPosting: boolean }) {
  const { t, i18n } = useTranslation();
  if (!matches) return null;
  const locale = isUiLocale(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <section className="done-matches" data-testid="done-matches" data-count={matches.count}>
      <h2 className="done-matches-title" data-testid="done-matches-title">
        {matches.count === 0
          ? t('kiosk.matches.none')
          : t(forPosting ? 'kiosk.matches.titleOthers' : 'kiosk.matches.title', { n: matches.count })}
      </h2>
      {matches.postings.length > 0 && (
        <ul className="done-matches-list">
          {matches.postings.map(({ posting, reasons }) => (
            <li key={posting.id} className="done-match" data-testid="done-match" data-posting-id={posting.id}>
              <div className="done-match-text">
                <p>
                  <strong>
                    {t(`occupation.${posting.occupation}`)} · {posting.title}
                  </strong>{' '}
                  <strong className="done-match-pay">{payText(posting, locale)}</strong>
                </p>
                <p>{matchWhere(posting, t)}</p>
                <p className="done-match-why">{reasonsLine(t, reasons)}</p>
              </div>
              <QrImage text={postingQrText(posting)} size={112} label={t('kiosk.matches.qr')} testId="done-match-qr" />
            </li>
          ))}
        </ul>
      )}
      {matches.count > 0 && <p className="muted">{t('kiosk.matches.later')}</p>}
    </section>
  );
}
