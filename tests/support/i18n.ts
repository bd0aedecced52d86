/** The renderers' zh-CN texts (common and kiosk) in a fresh i18next instance, for tests of text builders. */
import i18next, { type TFunction } from 'i18next';
import commonZh from '../../renderer/common/locales/zh-CN.json';
import kioskZh from '../../renderer/kiosk/locales/zh-CN.json';

export async function zhCN(): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: { ...commonZh, ...kioskZh } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
