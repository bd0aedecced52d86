/**
 * What the kiosk reads aloud, as plain functions (no speech engine here, so they are tested
 * directly): which installed voice speaks Mandarin, a posting as a sentence a listener can
 * follow (the phone digit by digit), and the question and choices of the screen in view.
 */
import type { TFunction } from 'i18next';
import type { PublicPosting } from '../../../shared/schemas/posting';
import { formatDistrict, formatSettlement, type Locale } from '../../../shared/format';
import type { UiLocale } from '../../common/i18n';

/** The part of SpeechSynthesisVoice the choice looks at. */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  default?: boolean;
}

const norm = (lang: string) => lang.toLowerCase().replace(/_/g, '-');

/**
 * How well a voice reads the locale, 0 = not at all. Mandarin: zh-CN first (Windows' Huihui,
 * Yaoyao, Kangkang), then espeak-ng's `cmn` (Linux, speech-dispatcher), then other Mandarin
 * tags; Cantonese (yue, zh-HK) never.
 */
export function voiceRank(voice: VoiceInfo, locale: UiLocale): number {
  const lang = norm(voice.lang);
  if (locale === 'en') return lang === 'en-us' ? 3 : lang === 'en-gb' ? 2 : lang.startsWith('en') ? 1 : 0;
  if (lang.startsWith('yue') || lang === 'zh-hk' || lang.startsWith('zh-yue')) return 0;
  if (lang === 'zh-cn' || lang.startsWith('zh-hans') || lang === 'cmn-cn' || lang === 'cmn-hans-cn') return 5;
  if (lang === 'cmn' || lang === 'zh-cmn') return 4;
  if (lang === 'zh') return 3;
  if (lang.startsWith('cmn')) return 2;
  if (lang === 'zh-tw' || lang.startsWith('zh-hant')) return 1;
  return 0;
}

/** The voice to read with, or null when none speaks the locale (the 朗读 button then stays hidden). */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], locale: UiLocale): V | null {
  let best: V | null = null;
  let bestScore = 0;
  for (const v of voices) {
    const rank = voiceRank(v, locale);
    if (rank === 0) continue;
    // a local voice works offline; espeak's "+variant" voices are the same voice with another timbre
    const score = rank * 4 + (v.localService ? 2 : 0) + (v.name.includes('+') ? 0 : 1);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

const ZH_DIGITS = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A phone number as it is read to someone writing it down: digit by digit, in the groups people
 * say (138, 1234, 5678), 1 as 幺 so it is not heard as 七. Anything that is not a digit (a
 * masked `****`) is left out with what it hid: a masked number is not read at all.
 */
export function phoneAloud(phone: string, locale: UiLocale): string | null {
  const digits = phone.replace(/[\s-]/g, '');
  if (!/^\d{5,15}$/.test(digits)) return null;
  const groups = /^1\d{10}$/.test(digits)
    ? [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)]
    : phone.split(/[\s-]+/).filter(Boolean);
  const say = (d: string) => (locale === 'en' ? d : ZH_DIGITS[Number(d)]!);
  return groups.map((g) => [...g].map(say).join(locale === 'en' ? ' ' : '')).join(locale === 'en' ? ', ' : '，');
}

/** Pay said the way people say it: "每天 370 到 590 元", not "370–590元/天". */
function payAloud(p: Pick<PublicPosting, 'payMin' | 'payMax' | 'payUnit'>, t: TFunction): string {
  const unit = t(`kiosk.voice.payUnit.${p.payUnit}`);
  return p.payMax !== null && p.payMax > p.payMin
    ? t('kiosk.voice.payRange', { unit, min: p.payMin, max: p.payMax })
    : t('kiosk.voice.payOne', { unit, amount: p.payMin });
}

/** The posting read aloud: trade, pay, settlement, district, employer, phone digit by digit, booth. */
export function postingAloud(p: PublicPosting, t: TFunction, locale: UiLocale): string {
  const phone = phoneAloud(p.contactPhone, locale);
  return [
    t('kiosk.voice.posting', { title: p.title, trade: t(`occupation.${p.occupation}`) }),
    payAloud(p, t),
    formatSettlement(p.settlement, locale as Locale),
    t('kiosk.voice.place', { place: `${formatDistrict(p.districtCode)} ${p.address}`.trim() }),
    t('kiosk.voice.employer', { employer: p.employerName }),
    phone ? t('kiosk.voice.phone', { name: p.contactName, digits: phone }) : t('kiosk.voice.phoneHidden'),
    p.booth ? t('kiosk.voice.booth', { code: p.booth }) : '',
  ]
    .filter((s) => s.trim() !== '')
    .join(locale === 'en' ? '. ' : '。');
}

/** Longest text read for one screen: a question and its choices, never a whole page of cards. */
export const MAX_SCREEN_TEXT = 600;

/**
 * The screen in view read aloud: its headings and hints, then the choices on its buttons, in
 * the order they are drawn. Left out: anything marked `data-speak="skip"` (keyboard keys, the
 * phone keypad), `data-private` (what the visitor typed: their phone and name are not read out
 * in a public hall), and what is hidden from screen readers.
 */
export function screenAloud(root: Element, locale: UiLocale): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const walk = (el: Element) => {
    if (el.matches('[data-speak="skip"], [data-private], [aria-hidden="true"], script, style')) return;
    if (el instanceof HTMLElement && el.hidden) return;
    const tag = el.tagName.toLowerCase();
    if (/^(h[1-3]|p|button|dt|dd|output|li|label)$/.test(tag)) {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '' && !seen.has(text)) {
        seen.add(text);
        parts.push(text);
      }
      if (tag !== 'li' && tag !== 'dd') return;
    }
    for (const child of el.children) walk(child);
  };
  walk(root);
  const sep = locale === 'en' ? '. ' : '。';
  let out = '';
  for (const p of parts) {
    const next = out === '' ? p : `${out}${sep}${p}`;
    if (next.length > MAX_SCREEN_TEXT) break;
    out = next;
  }
  return out;
}

/**
 * Text cut where a listener would breathe: some engines stop an utterance after about 15 s, so
 * each sentence is its own utterance, queued in order.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；.!?;])\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
