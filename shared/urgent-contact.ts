/**
 * What an urgent banner must always show besides its title: the pay and a phone to call. An
 * urgent posting linked to a posting (`listingId`) takes both from it; one typed by staff as
 * free text has them somewhere in its body ("日结 300元/天 · 电话 138 0000 8000"), and the first
 * of each is taken from there. Pure, so the host and the tests agree on what a banner says.
 */
import { formatPay, formatPhoneForBoard, type Locale } from './format';
import type { Posting } from './schemas/posting';

export interface UrgentContact {
  pay?: string;
  phone?: string;
}

/** A mainland mobile, spaced or not (138 0000 8000), or a landline with its area code (0793-8888 6666). */
const PHONE = /(?<!\d)(1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}[ -]?\d{3,4}[ -]?\d{4})(?!\d)/;
/** "300元/天", "160–230元/天", "25 元/小时", "1.5元/件". */
const PAY = /(?<![\d.])\d+(?:\.\d+)?(?:\s*[-–~至]\s*\d+(?:\.\d+)?)?\s*元\s*\/\s*(?:小时|时|天|日|件|单|课时|月)/;

export function urgentContact(
  urgent: { body: string },
  posting: Pick<Posting, 'payMin' | 'payMax' | 'payUnit' | 'contactPhone' | 'maskPhone'> | undefined,
  locale: Locale,
  maskedPhoneText: string,
): UrgentContact {
  if (posting) {
    return {
      pay: formatPay(posting.payMin, posting.payMax, posting.payUnit, locale),
      phone: posting.maskPhone ? maskedPhoneText : formatPhoneForBoard(posting.contactPhone),
    };
  }
  const out: UrgentContact = {};
  const pay = PAY.exec(urgent.body)?.[0];
  if (pay) out.pay = pay.replace(/\s+/g, '');
  const phone = PHONE.exec(urgent.body)?.[1];
  // a mobile is regrouped for reading (138 0000 8000); a landline stays as it was written
  if (phone) out.phone = phone.startsWith('1') ? formatPhoneForBoard(phone.replace(/[ -]/g, '')) : phone;
  return out;
}
