import type { BoardItem } from '../schemas/board-plan';
import type { Locale } from '../format';
import { formatDistrict, formatPay, formatPhoneForBoard, formatSettlement, maskPhone } from '../format';
import type { SelectedListing } from './select-listings';

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatHeadcount(n: number, locale: Locale): string {
  return locale === 'zh-CN' ? `招${n}人` : `${n} wanted`;
}

/** A posting's board strings, formatted but not yet cut to any box. */
export function toBoardItem({ listing: l, validFromMs }: SelectedListing, now: number, locale: Locale): BoardItem {
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
    isNew: validFromMs <= now && now - validFromMs < DAY_MS,
    urgent: l.urgent,
    verified: l.employerVerified,
  };
}
