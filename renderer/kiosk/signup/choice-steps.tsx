/** Trades, place and time, and pay: all by touch, all optional. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupationCode } from '../../../shared/occupations';
import { HOME_CITY_CODE, districtsOfCity } from '../../../shared/districts';
import { formatPay, type Locale } from '../../../shared/format';
import type { PayUnit } from '../../../shared/schemas/posting';
import { AVAILABILITY, type Availability } from '../../../shared/schemas/signup';
import { TradeGrid } from '../trade-grid';

const DISTRICTS = districtsOfCity(HOME_CITY_CODE);

export function TradesStep({
  selected,
  onToggle,
}: {
  selected: OccupationCode[];
  onToggle: (c: OccupationCode) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="step trades" data-testid="step-trades">
      <h1>{t('kiosk.signup.trades.title')}</h1>
      <p className="muted">{t('kiosk.signup.trades.hint')}</p>
      <TradeGrid pressed={(code) => selected.includes(code)} testIdPrefix="pick-trade-" onPick={onToggle} tick />
    </section>
  );
}

/** A chip that can be one of several chosen, ticked while it is. */
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
  availability,
  onDistrict,
  onAvailability,
}: {
  districts: string[];
  availability: Availability[];
  onDistrict: (code: string) => void;
  onAvailability: (a: Availability) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="step where" data-testid="step-where">
      <h1>{t('kiosk.signup.where.title')}</h1>
      <h2 className="section-title">{t('kiosk.signup.where.districts')}</h2>
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

export const PAY_PRESETS: Array<{ unit: PayUnit; label: string; amounts: number[] }> = [
  { unit: 'day', label: 'perDay', amounts: [100, 150, 200, 300] },
  { unit: 'hour', label: 'perHour', amounts: [20, 25, 30, 40] },
  { unit: 'month', label: 'perMonth', amounts: [3000, 4000, 5000, 6000] },
];

export function PayStep({
  pay,
  onPay,
}: {
  pay: { amount: number; unit: PayUnit } | null;
  onPay: (p: { amount: number; unit: PayUnit } | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="step pay" data-testid="step-pay">
      <h1>{t('kiosk.signup.pay.title')}</h1>
      <div className="chips">
        <button
          type="button"
          className="chip"
          aria-pressed={pay === null}
          data-testid="pick-pay-none"
          onClick={() => onPay(null)}
        >
          {pay === null && (
            <span className="check" aria-hidden="true">
              ✓
            </span>
          )}
          {t('kiosk.signup.pay.none')}
        </button>
      </div>
      {PAY_PRESETS.map((group) => (
        <div key={group.unit}>
          <h2 className="section-title">{t(`kiosk.signup.pay.${group.label}`)}</h2>
          <div className="chips">
            {group.amounts.map((amount) => {
              const on = pay?.unit === group.unit && pay.amount === amount;
              return (
                <button
                  key={amount}
                  type="button"
                  className="chip"
                  aria-pressed={on}
                  data-testid={`pick-pay-${group.unit}-${amount}`}
                  onClick={() => onPay({ amount, unit: group.unit })}
                >
                  {on && (
                    <span className="check" aria-hidden="true">
                      ✓
                    </span>
                  )}
                  {formatPay(amount, null, group.unit, i18n.language as Locale)}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
