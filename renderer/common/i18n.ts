/**
 * One i18next instance per renderer, zh-CN first, English second. Catalogues are bundled (no
 * HTTP backend) so a screen shows text even while the host is unreachable.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type UiLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: UiLocale = 'zh-CN';

export function isUiLocale(value: string): value is UiLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function createI18n(locale: UiLocale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  // Resources are inline, so initAsync: false makes `t` usable before the first render.
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    // React escapes text itself; escaping here too would show "&amp;" on screen.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Switches language and the document's `lang` (so the browser picks CJK glyph forms right). */
export function applyLocale(instance: i18n, locale: UiLocale): void {
  if (instance.language !== locale) void instance.changeLanguage(locale);
  document.documentElement.lang = locale;
}
