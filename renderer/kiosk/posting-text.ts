/** Posting text for cards, the detail page and the take-away QR code. */
import type { PublicPosting } from '../../shared/schemas/posting';
import { formatDistrict, formatPay, formatSettlement, type Locale } from '../../shared/format';
import type { UiLocale } from '../common/i18n';

export const payText = (l: Pick<PublicPosting, 'payMin' | 'payMax' | 'payUnit'>, locale: UiLocale): string =>
  formatPay(l.payMin, l.payMax, l.payUnit, locale as Locale);

export const settlementText = (l: Pick<PublicPosting, 'settlement'>, locale: UiLocale): string =>
  formatSettlement(l.settlement, locale as Locale);

/**
 * What a phone shows after scanning: plain text, so it works with no network and no app.
 * Only public posting fields; never anything about the person at the kiosk.
 */
export function postingQrText(l: PublicPosting, extra: string[] = []): string {
  return [
    ...extra,
    `${l.title}｜${payText(l, 'zh-CN')}｜${settlementText(l, 'zh-CN')}`,
    l.employerName,
    `${formatDistrict(l.districtCode)} ${l.address}`.trim(),
    l.workTime,
    `电话 ${l.contactName} ${l.contactPhone}`.trim(),
    `岗位编号 ${l.id}`,
  ]
    .filter((line) => line.trim() !== '')
    .join('\n');
}
