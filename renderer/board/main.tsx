import '../common/screen-fonts';
import './board.css';
import { createI18n } from '../common/i18n';
import { mountApp } from '../common/mount-app';
import { BoardApp } from './board-app';

const i18n = createI18n();
mountApp('board', i18n, <BoardApp i18n={i18n} />);
