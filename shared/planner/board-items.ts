import type { BoardItem } from '../schemas/board-plan';
import type { Locale } from '../format';
import { formatDistrict, formatPay, formatPhoneForBoard, formatSettlement } from '../format';
import type { SelectedPosting } from './select-postings';
import type { Posting } from '../schemas/posting';
import { IdentityMemo } from './identity-memo';

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatHeadcount(n: number, locale: Locale): string {
  return locale === 'zh-CN' ? `招${n}人` : `${n} wanted`;
}

const items = new IdentityMemo<Posting, BoardItem>();

/**
 * A posting's board strings, formatted but not yet cut to any box. A phone the employer asked to
 * keep off the wall (`maskPhone`) becomes `maskedPhone`, the hall's sentence saying where to ask:
 * a masked number gives a visitor no way to call.
 */
export function toBoardItem(selected: SelectedPosting, now: number, locale: Locale, maskedPhone: string): BoardItem {
  const isNew = selected.validFromMs <= now && now - selected.validFromMs < DAY_MS;
  // the same posting object gives the same strings (for the same "new", locale and sentence)
  const variant = `${locale}|${isNew ? 'new' : 'old'}|${selected.posting.maskPhone ? maskedPhone : ''}`;
  return items.get(selected.posting, variant, () => formatItem(selected, isNew, locale, maskedPhone));
}

function formatItem({ posting: l }: SelectedPosting, isNew: boolean, locale: Locale, maskedPhone: string): BoardItem {
  return {
    id: l.id,
    occupation: l.occupation,
    title: l.title,
    pay: formatPay(l.payMin, l.payMax, l.payUnit, locale),
    settlement: l.settlement,
    settlementText: formatSettlement(l.settlement, locale),
    district: formatDistrict(l.districtCode),
    employer: l.employerName,
    phone: l.maskPhone ? maskedPhone : formatPhoneForBoard(l.contactPhone),
    headcount: formatHeadcount(l.headcount, locale),
    isNew,
    urgent: l.urgent,
    verified: l.employerVerified,
    ...(l.booth ? { booth: l.booth } : {}),
  };
}
