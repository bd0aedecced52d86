import type { PayUnit, Settlement } from './schemas/posting';
import { districtName } from './districts';

export type Locale = 'zh-CN' | 'en';

const PAY_UNIT_TEXT: Record<Locale, Record<PayUnit, string>> = {
  'zh-CN': { hour: '元/时', day: '元/天', piece: '元/件', order: '元/单', lesson: '元/课时', month: '元/月' },
  en: {
    hour: ' CNY/h',
    day: ' CNY/day',
    piece: ' CNY/piece',
    order: ' CNY/order',
    lesson: ' CNY/lesson',
    month: ' CNY/month',
  },
};

const SETTLEMENT_TEXT: Record<Locale, Record<Settlement, string>> = {
  'zh-CN': { daily: '日结', weekly: '周结', monthly: '月结', 'on-completion': '完工结' },
  en: { daily: 'Paid daily', weekly: 'Weekly', monthly: 'Monthly', 'on-completion': 'On completion' },
};

/** 8.5 → "8.5", 120 → "120", 120.25 → "120.25"; never a trailing ".0". */
function amount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** `120–200元/课时`, `300元/天`, `8.5元/单` (an en dash between the bounds). */
export function formatPay(payMin: number, payMax: number | null, unit: PayUnit, locale: Locale = 'zh-CN'): string {
  const range = payMax !== null && payMax > payMin ? `${amount(payMin)}–${amount(payMax)}` : amount(payMin);
  return `${range}${PAY_UNIT_TEXT[locale][unit]}`;
}

export function formatSettlement(settlement: Settlement, locale: Locale = 'zh-CN'): string {
  return SETTLEMENT_TEXT[locale][settlement];
}

/** District name by GB/T 2260 code; the code itself when the package does not know it. */
export function formatDistrict(code: string): string {
  return districtName(code) ?? code;
}

/**
 * `13812348000` → `138****8000`. Landlines keep the area code and the last 4 digits.
 * Anything shorter than 7 characters is masked whole.
 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length < 7) return '*'.repeat(p.length);
  const keepHead = p.includes('-') ? p.indexOf('-') + 1 : 3;
  const head = p.slice(0, keepHead);
  const tail = p.slice(-4);
  return `${head}${'*'.repeat(Math.max(4, p.length - head.length - 4))}${tail}`;
}

/** Mobile numbers grouped for reading from afar: `138 1234 8000`. */
export function formatPhoneForBoard(phone: string): string {
  const p = phone.trim();
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
  return p;
}
