import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneForBoard } from '../../../shared/format';
import { QrImage } from '../qr-image';
import type { SignupState } from './signup-state';
import { useSlipPrinter } from './use-slip-printer';
import { DoneMatches } from './done-matches';
import { slipMatches } from './slip-matches';
import { isUiLocale } from '../../common/i18n';
// the host's whole receipt: the state types only what it needs of it, the matches ride along
import type { SignupReceipt } from '../../../shared/schemas/signup';
import { HugeButton } from '../huge-button';

/** The take-away: the sign-up number, big, and a QR code with the number and the posting. */
export function DoneStep({ state, onFinish }: { state: SignupState; onFinish: () => void }) {
  const { t, i18n } = useTranslation();
  const receipt = state.receipt as SignupReceipt;
  const locale = isUiLocale(i18n.language) ? i18n.language : 'zh-CN';
  useLayoutEffect(() => {
    performance.mark('kiosk-confirmation');
  }, []);
  const slip = useSlipPrinter({
    id: receipt.id,
    number: receipt.number,
    listingTitle: state.posting?.title ?? null,
    listingId: state.posting?.id ?? null,
    ...slipMatches(receipt.matches, t, locale),
  });
  const qrText = [
    `登记号 ${receipt.number}`,
    ...(state.posting
      ? [
          `报名岗位 ${state.posting.title}`,
          state.posting.employerName,
          `电话 ${state.posting.contactPhone}`,
          `岗位编号 ${state.posting.id}`,
        ]
      : []),
  ].join('\n');
  return (
    <section className="step done" data-testid="step-done">
      <h1 className="done-title">{t('kiosk.signup.done.title')}</h1>
      <div className="done-body">
        <div className="done-number-box">
          <p className="done-label">{t('kiosk.signup.done.number')}</p>
          <p className="done-number" data-testid="done-number">
            {receipt.number}
          </p>
          <p>{t('kiosk.signup.done.numberHint')}</p>
          {state.posting && (
            <p className="done-posting">{t('kiosk.signup.done.posting', { title: state.posting.title })}</p>
          )}
          {state.posting && (
            <p>{t('kiosk.signup.done.contact', { phone: formatPhoneForBoard(state.posting.contactPhone) })}</p>
          )}
        </div>
        <QrImage text={qrText} size={260} label={t('kiosk.signup.done.qr')} testId="done-qr" />
        <DoneMatches matches={receipt.matches} forPosting={state.posting !== null} />
      </div>
      {slip.state.kind !== 'unavailable' && (
        <div className="done-slip" data-testid="done-slip" data-slip={slip.state.kind}>
          <p>{t(`kiosk.signup.done.slip.${slip.state.kind}`)}</p>
          {slip.state.kind !== 'printing' && (
            <button type="button" className="btn" data-testid="done-reprint" onClick={slip.reprint}>
              {t('kiosk.signup.done.slip.reprint')}
            </button>
          )}
        </div>
      )}
      <p className="muted">{t('kiosk.signup.done.wiped')}</p>
      <HugeButton kind="primary" testId="done-finish" onClick={onFinish}>
        {t('kiosk.signup.done.finish')}
      </HugeButton>
    </section>
  );
}
