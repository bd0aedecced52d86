import type { Locale } from '../format';
import type { HallProfile } from '../schemas/hall-profile';
import { textWidthPx } from './text-measure';

/** What a board says of the hall when `hall.json` says nothing (or an empty string). */
export const HALL_TEXT_DEFAULTS: Record<Locale, { callToAction: string; maskedPhoneText: string; hotline: string }> = {
  'zh-CN': { callToAction: '到自助机报名', maskedPhoneText: '电话请到服务窗口咨询', hotline: '服务热线' },
  en: { callToAction: 'Sign up at the kiosk', maskedPhoneText: 'Ask at the service desk', hotline: 'Hotline' },
};

/** Between the parts of the header line. */
export const HALL_LINE_SEPARATOR = ' · ';

/** The text a board shows in place of a masked phone. */
export function maskedPhoneText(hall: HallProfile | undefined, locale: Locale): string {
  return hall?.maskedPhoneText || HALL_TEXT_DEFAULTS[locale].maskedPhoneText;
}

/** The header line's parts in reading order, each with the priority it is kept by (0 = last to go). */
function hallLineParts(hall: HallProfile | undefined, locale: Locale): { text: string; keep: number }[] {
  const d = HALL_TEXT_DEFAULTS[locale];
  const parts: { text: string; keep: number }[] = [];
  if (hall?.name) parts.push({ text: hall.name, keep: 2 });
  if (hall?.hotline) parts.push({ text: `${d.hotline} ${hall.hotline}`, keep: 1 });
  parts.push({ text: hall?.callToAction || d.callToAction, keep: 0 });
  return parts;
}

/**
 * The header's centre line for a screen: the hall's name, hotline and "到自助机报名", as many
 * of them as fit `widthPx` at `fontPx` whole — the name goes first, then the hotline; what to do
 * next stays. Never cut: a hotline with a digit missing is worse than none. '' when not even
 * the call to action fits.
 */
export function hallHeaderLine(hall: HallProfile | undefined, locale: Locale, widthPx: number, fontPx: number): string {
  let parts = hallLineParts(hall, locale);
  for (;;) {
    const line = parts.map((p) => p.text).join(HALL_LINE_SEPARATOR);
    if (parts.length === 0 || textWidthPx(line, fontPx) <= widthPx) return line;
    const dropped = Math.max(...parts.map((p) => p.keep));
    parts = parts.filter((p) => p.keep !== dropped);
  }
}
