import '../common/screen-fonts';
import './staff.css';
import { createI18n } from '../common/i18n';
import { mountApp } from '../common/mount-app';
import { StaffApp } from './staff-app';

const i18n = createI18n();
mountApp('staff', i18n, <StaffApp i18n={i18n} />);
