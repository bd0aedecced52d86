import '../common/screen-fonts';
import './kiosk.css';
import { createI18n } from '../common/i18n';
import { mountApp } from '../common/mount-app';
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import { KioskApp } from './kiosk-app';
import { kioskParams } from './kiosk-params';

const i18n = createI18n();
// The kiosk's own texts sit beside the shared catalogues under their own top-level key.
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

mountApp('kiosk', i18n, <KioskApp i18n={i18n} params={kioskParams(window.location.search)} />);
