/**
 * Trades, place and time, and pay: all by touch, all optional. Choices made from the posting a
 * visitor signed up for are said to be pre-filled; pay choices come from what the hall's
 * postings of those trades pay.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupationCode } from '../../../shared/occupations';
import { HOME_CITY_CODE, districtsOfCity } from '../../../shared/districts';
import { formatPay, type Locale } from '../../../shared/format';
import type { PayUnit } from '../../../shared/schemas/posting';
import { AVAILABILITY, type Availability } from '../../../shared/schemas/signup';
import { TradeGrid } from '../trade-grid';
import { DEFAULT_PAY_PRESETS, type PayPreset } from '../../../shared/kiosk/pay-presets';
import type { PayPresets } from '../../../shared/kiosk-contract';
import { getPayPresets } from '../kiosk-api';

const DISTRICTS = districtsOfCity(HOME_CITY_CODE);

/** "已按这个岗位选好，可以改": said while a choice the kiosk made is still untouched. */
function PrefilledNote({ show, testId }: { show: boolean; testId: string }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="notice notice-info" data-testid={testId}>
      {t('kiosk.signup.prefilled')}
    </p>
  );
}

export function TradesStep({
  selected,
  prefilled,
  onToggle,
}: {
  selected: OccupationCode[];
  prefilled: OccupationCode[];
  onToggle: (c: OccupationCode) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="step trades" data-testid="step-trades">
      <h1>{t('kiosk.signup.trades.title')}</h1>
      <p className="muted">{t('kiosk.signup.trades.hint')}</p>
      <PrefilledNote show={prefilled.some((c) => selected.includes(c))} testId="prefilled-trades" />
      <TradeGrid pressed={(code) => selected.includes(code)} testIdPrefix="pick-trade-" onPick={onToggle} tick />
    </section>
  );
}

/** A chip that can be one of several chosen (or the one pay), ticked while it is. */
function CheckChip({
  on,
  testId,
  onClick,
  children,
}: {
  on: boolean;
  testId: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="chip" aria-pressed={on} data-testid={testId} onClick={onClick}>
      {on && (
        <span className="check" aria-hidden="true">
          ✓
        </span>
      )}
      {children}
    </button>
  );
}

export function WhereStep({
  districts,
  prefilled,
  availability,
  onDistrict,
  onAvailability,
}: {
  districts: string[];
  prefilled: string[];
  availability: Availability[];
  onDistrict: (code: string) => void;
  onAvailability: (a: Availability) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="step where" data-testid="step-where">
      <h1>{t('kiosk.signup.where.title')}</h1>
      <h2 className="section-title">{t('kiosk.signup.where.districts')}</h2>
      <PrefilledNote show={prefilled.some((c) => districts.includes(c))} testId="prefilled-districts" />
      <div className="chips">
        {DISTRICTS.map((d) => (
          <CheckChip
            key={d.code}
            on={districts.includes(d.code)}
            testId={`pick-district-${d.code}`}
            onClick={() => onDistrict(d.code)}
          >
            {d.name}
          </CheckChip>
        ))}
      </div>
      <h2 className="section-title">{t('kiosk.signup.where.availability')}</h2>
      <div className="chips">
        {AVAILABILITY.map((a) => (
          <CheckChip
            key={a}
            on={availability.includes(a)}
            testId={`pick-availability-${a}`}
            onClick={() => onAvailability(a)}
          >
            {t(`kiosk.signup.availability.${a}`)}
          </CheckChip>
        ))}
      </div>
    </section>
  );
}

const UNIT_LABEL: Partial<Record<PayUnit, string>> = { day: 'perDay', hour: 'perHour', month: 'perMonth' };

/** The hall's pay spread for these trades; the defaults while it loads or when the host cannot say. */
function usePayPresets(occupations: readonly OccupationCode[]): { presets: PayPreset[]; basis: PayPresets['basis'] } {
  const key = [...occupations].sort().join(',');
  const [state, setState] = useState<{ presets: PayPreset[]; basis: PayPresets['basis'] } | null>(null);
  useEffect(() => {
    let live = true;
    getPayPresets(key ? (key.split(',') as OccupationCode[]) : []).then(
      (r) => live && setState(r),
      () => live && setState({ presets: [...DEFAULT_PAY_PRESETS], basis: 'default' }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state ?? { presets: [], basis: 'default' };
}

export function PayStep({
  pay,
  occupations,
  onPay,
}: {
  pay: { amount: number; unit: PayUnit } | null;
  occupations: readonly OccupationCode[];
  onPay: (p: { amount: number; unit: PayUnit } | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { presets, basis } = usePayPresets(occupations);
  return (
    <section className="step pay" data-testid="step-pay" data-basis={basis}>
      <h1>{t('kiosk.signup.pay.title')}</h1>
      <p className="muted">{t(`kiosk.signup.pay.basis.${basis}`)}</p>
      <div className="chips">
        <CheckChip on={pay === null} testId="pick-pay-none" onClick={() => onPay(null)}>
          {t('kiosk.signup.pay.none')}
        </CheckChip>
      </div>
      {presets.map((group) => (
        <div key={group.unit}>
          <h2 className="section-title">
            {t(`kiosk.signup.pay.${UNIT_LABEL[group.unit] ?? 'perOther'}`, {
              unit: formatPay(0, null, group.unit, i18n.language as Locale).replace(/^0/, ''),
            })}
          </h2>
          <div className="chips">
            {group.amounts.map((amount) => (
              <CheckChip
                key={amount}
                on={pay?.unit === group.unit && pay.amount === amount}
                testId={`pick-pay-${group.unit}-${amount}`}
                onClick={() => onPay({ amount, unit: group.unit })}
              >
                {t('kiosk.signup.pay.atLeast', { pay: formatPay(amount, null, group.unit, i18n.language as Locale) })}
              </CheckChip>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
