/** 上一页 · what is paged · 下一页: big buttons, disabled at either end. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidatePage } from './signup/pinyin';

/**
 * `scope` names both the strings (kiosk.signup.<scope>.pagePrev / pageNext) and the buttons'
 * test ids (<scope>-page-prev / -next).
 */
export function Pager(props: {
  shown: Pick<CandidatePage, 'page' | 'pages'>;
  onPage: (page: number) => void;
  scope: 'keyboard' | 'name';
  className: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { page, pages } = props.shown;
  const button = (dir: 'prev' | 'next') => (
    <button
      type="button"
      className={props.className}
      data-key={`page-${dir}`}
      data-testid={`${props.scope}-page-${dir}`}
      disabled={dir === 'prev' ? page === 0 : page >= pages - 1}
      onClick={() => props.onPage(page + (dir === 'prev' ? -1 : 1))}
    >
      {t(`kiosk.signup.${props.scope}.${dir === 'prev' ? 'pagePrev' : 'pageNext'}`)}
    </button>
  );
  return (
    <>
      {button('prev')}
      {props.children}
      {button('next')}
    </>
  );
}
