/**
 * Pay in one unit: DOMAIN.md's conversions, 元/时 × the hours of the work time ≈ 元/天 and
 * 元/月 ÷ 26 ≈ 元/天. Piece, order and lesson pay cannot be converted (how many a day is not
 * known); they compare only with an expectation in the same unit.
 */
import type { PayUnit } from '../schemas/posting-enums';
import { DEFAULT_DAY_HOURS } from './work-time';

/** Working days a month (DOMAIN.md). */
export const MONTH_WORK_DAYS = 26;

/** Yuan a day for `amount` in `unit`, with `hours` a working day (null: the default 8); null when not convertible. */
export function dailyPay(amount: number, unit: PayUnit, hours: number | null): number | null {
  switch (unit) {
    case 'hour':
      return amount * (hours ?? DEFAULT_DAY_HOURS);
    case 'day':
      return amount;
    case 'month':
      return amount / MONTH_WORK_DAYS;
    default:
      return null;
  }
}

/**
 * How a posting's pay compares with what the person asked for: the ratio of the posting's pay
 * (its top and its bottom) to the expectation, both in the same unit; null when they cannot be
 * compared. `hours` is the posting's working day: the person would work that posting's hours.
 */
export function payRatio(
  posting: { payMin: number; payMax: number | null; payUnit: PayUnit },
  expected: { amount: number; unit: PayUnit },
  hours: number | null,
): { top: number; bottom: number } | null {
  const top = posting.payMax ?? posting.payMin;
  if (posting.payUnit === expected.unit)
    return { top: top / expected.amount, bottom: posting.payMin / expected.amount };
  const want = dailyPay(expected.amount, expected.unit, hours);
  const low = dailyPay(posting.payMin, posting.payUnit, hours);
  const high = dailyPay(top, posting.payUnit, hours);
  if (want === null || low === null || high === null || want <= 0) return null;
  return { top: high / want, bottom: low / want };
}
