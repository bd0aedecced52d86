/**
 * The matching postings as the slip prints them, and the "where to ask" line the confirmation
 * screen shows too: the best few, in the kiosk's language, public posting fields only. Clipped
 * to the slip schema's bounds, so a long booth name cannot get a whole slip refused by the shell.
 */
import type { TFunction } from 'i18next';
import { formatDistrict, formatPhoneForBoard } from '../../../shared/format';
import type { KioskMatches } from '../../../shared/matching-contract';
import type { PublicPosting } from '../../../shared/schemas/posting';
import { SLIP_MATCHES, SlipMatchSchema, type PrintSlipInput } from '../../../shared/shell-bridge';
import type { UiLocale } from '../../common/i18n';
import { payText } from '../posting-text';

/** District, and the booth in the hall or else the employer's phone (as on the boards). */
export function matchWhere(posting: PublicPosting, t: TFunction): string {
  const ask = posting.booth
    ? t('kiosk.matches.booth', { booth: posting.booth })
    : t('kiosk.matches.phone', { phone: formatPhoneForBoard(posting.contactPhone) });
  return `${formatDistrict(posting.districtCode)} · ${ask}`;
}

const limit = (field: 'title' | 'pay' | 'where'): number => SlipMatchSchema.shape[field].maxLength ?? Infinity;
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function slipMatches(
  matches: KioskMatches | undefined,
  t: TFunction,
  locale: UiLocale,
): Pick<PrintSlipInput, 'matchCount' | 'matches'> {
  if (!matches) return { matchCount: 0, matches: [] };
  return {
    matchCount: matches.count,
    matches: matches.postings.slice(0, SLIP_MATCHES).map(({ posting }) => ({
      title: clip(`${t(`occupation.${posting.occupation}`)} · ${posting.title}`, limit('title')),
      pay: clip(payText(posting, locale), limit('pay')),
      where: clip(matchWhere(posting, t), limit('where')),
    })),
  };
}
