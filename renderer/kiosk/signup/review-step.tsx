import { useTranslation } from 'react-i18next';
import { formatDistrict, formatPay, type Locale } from '../../../shared/format';
import type { SignupState, Step } from './signup-state';
import { groupPhone } from './phone-step';

/**
 * Everything the person gave, each line with a way to change it (修改 comes straight back here);
 * submit sits where "next" sits on every step, in the footer.
 */
export function ReviewStep({ state, onEdit }: { state: SignupState; onEdit: (step: Step) => void }) {
  const { t, i18n } = useTranslation();
  const any = t('kiosk.signup.review.any');
  const rows: Array<{ key: string; label: string; value: string; step: Step; personal?: boolean }> = [
    {
      key: 'phone',
      label: t('kiosk.signup.review.phone'),
      value: groupPhone(state.phone),
      step: 'phone',
      personal: true,
    },
    {
      key: 'name',
      label: t('kiosk.signup.review.name'),
      value: state.name.trim() || t('kiosk.signup.review.nameEmpty'),
      step: 'name',
      personal: true,
    },
    {
      key: 'trades',
      label: t('kiosk.signup.review.trades'),
      value: state.occupations.map((c) => t(`occupation.${c}`)).join('、') || any,
      step: 'trades',
    },
    {
      key: 'districts',
      label: t('kiosk.signup.review.districts'),
      value: state.districts.map(formatDistrict).join('、') || any,
      step: 'where',
    },
    {
      key: 'availability',
      label: t('kiosk.signup.review.availability'),
      value: state.availability.map((a) => t(`kiosk.signup.availability.${a}`)).join('、') || any,
      step: 'where',
    },
    {
      key: 'pay',
      label: t('kiosk.signup.review.pay'),
      value: state.pay ? formatPay(state.pay.amount, null, state.pay.unit, i18n.language as Locale) : any,
      step: 'pay',
    },
  ];
  return (
    <section className="step review" data-testid="step-review">
      <h1>{t('kiosk.signup.review.title')}</h1>
      {state.posting && (
        <p className="review-posting">
          {t('kiosk.signup.review.posting')}：{state.posting.title} · {state.posting.employerName}
        </p>
      )}
      <dl className="review-list">
        {rows.map((r) => (
          <div className="review-row" key={r.key} data-testid={`review-${r.key}`}>
            <dt>{r.label}</dt>
            {/* what the visitor typed is not read aloud in a public hall */}
            <dd {...(r.personal ? { 'data-private': true } : {})}>{r.value}</dd>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={`edit-${r.key}`}
              onClick={() => onEdit(r.step)}
            >
              {t('kiosk.signup.review.edit')}
            </button>
          </div>
        ))}
      </dl>
      {state.error && (
        <p className="notice notice-error" role="alert" data-testid="submit-error">
          {t('kiosk.signup.review.failed', { reason: state.error })}
        </p>
      )}
    </section>
  );
}
