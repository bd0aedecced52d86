import type { BoardItem } from '../schemas/board-plan';
import type { Locale } from '../format';
import { formatDistrict, formatPay, formatPhoneForBoard, formatSettlement, maskPhone } from '../format';
import type { SelectedPosting } from './select-postings';
import type { Posting } from '../schemas/posting';
import { IdentityMemo } from './identity-memo';

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatHeadcount(n: number, locale: Locale): string {
  return locale === 'zh-CN' ? `招${n}人` : `${n} wanted`;
}

const items = new IdentityMemo<Posting, BoardItem>();
const VARIANTS: Record<Locale, readonly [string, string]> = {
  'zh-CN': ['zh-CN|old', 'zh-CN|new'],
  en: ['en|old', 'en|new'],
};

/** A posting's board strings, formatted but not yet cut to any box. */
export function toBoardItem(selected: SelectedPosting, now: number, locale: Locale): BoardItem {
  const isNew = selected.validFromMs <= now && now - selected.validFromMs < DAY_MS;
  // the same posting object gives the same strings (for the same "new" and locale)
  return items.get(selected.posting, VARIANTS[locale][isNew ? 1 : 0], () => formatItem(selected, isNew, locale));
}

function formatItem({ posting: l }: SelectedPosting, isNew: boolean, locale: Locale): BoardItem {
  return {
    id: l.id,
    occupation: l.occupation,
    title: l.title,
    pay: formatPay(l.payMin, l.payMax, l.payUnit, locale),
    settlement: l.settlement,
    settlementText: formatSettlement(l.settlement, locale),
    district: formatDistrict(l.districtCode),
    employer: l.employerName,
    phone: l.maskPhone ? maskPhone(l.contactPhone) : formatPhoneForBoard(l.contactPhone),
    headcount: formatHeadcount(l.headcount, locale),
    isNew,
    urgent: l.urgent,
    verified: l.employerVerified,
  };
}
