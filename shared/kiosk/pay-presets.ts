/**
 * The pay step's choices, from what the hall's postings actually pay: for each pay unit the
 * postings of the chosen trades use, a few round amounts across their spread (the 25th, 50th,
 * 75th and 90th percentile of each posting's middle pay). A construction trade paying
 * 370–590元/天 gets 400 / 450 / 500 / 550, not a fixed list that stops at 300.
 */
import type { PayUnit } from '../schemas/posting-enums';

export interface PayPoint {
  payMin: number;
  payMax: number | null;
  payUnit: PayUnit;
}

export interface PayPreset {
  unit: PayUnit;
  amounts: number[];
  postings: number;
}

/** Used when the hall has no postings at all (a fresh install). */
export const DEFAULT_PAY_PRESETS: readonly PayPreset[] = [
  { unit: 'day', amounts: [150, 200, 300, 400], postings: 0 },
  { unit: 'hour', amounts: [20, 25, 30, 40], postings: 0 },
  { unit: 'month', amounts: [3000, 4000, 5000, 6000], postings: 0 },
];

const QUANTILES = [0.25, 0.5, 0.75, 0.9] as const;
/** Units used by fewer postings than this are left out, unless no unit reaches it. */
const MIN_POSTINGS = 2;
const MAX_UNITS = 3;

/** A step people say aloud: 100 元 for a month's pay, 50 from 200 元, 10 from 50, 5 from 10, whole 元 below. */
function roundStep(amount: number): number {
  if (amount >= 2000) return 100;
  if (amount >= 200) return 50;
  if (amount >= 50) return 10;
  if (amount >= 10) return 5;
  return 1;
}

export function roundPay(amount: number): number {
  const step = roundStep(amount);
  return Math.max(step, Math.round(amount / step) * step);
}

function quantile(sorted: readonly number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export function payPresets(points: readonly PayPoint[]): PayPreset[] {
  const byUnit = new Map<PayUnit, number[]>();
  for (const p of points) {
    if (!(p.payMin > 0)) continue;
    const middle = p.payMax !== null && p.payMax > p.payMin ? (p.payMin + p.payMax) / 2 : p.payMin;
    const list = byUnit.get(p.payUnit) ?? [];
    list.push(middle);
    byUnit.set(p.payUnit, list);
  }
  const units = [...byUnit.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const common = units.filter(([, list]) => list.length >= MIN_POSTINGS);
  return (common.length > 0 ? common : units).slice(0, MAX_UNITS).map(([unit, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const amounts = [...new Set(QUANTILES.map((q) => roundPay(quantile(sorted, q))))];
    return { unit, amounts, postings: list.length };
  });
}
