import '../common/screen-fonts';
import './staff.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../common/i18n';
import { StaffApp } from './staff-app';

const i18n = createI18n();
const container = document.getElementById('root');
if (!container) throw new Error('staff main: #root missing from index.html');
createRoot(container).render(
  <I18nextProvider i18n={i18n}>
    <StaffApp i18n={i18n} />
  </I18nextProvider>,
);
