/**
 * The most frequent surnames as big buttons, most frequent first, a page at a time: a
 * visitor who cannot type pinyin finds their surname by looking, not by spelling.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidatePage } from './pinyin';
import { Pager } from '../pager';
import { GRID_SURNAMES, SURNAMES_PER_PAGE } from './name-choices';

export function SurnameGrid({ onPick }: { onPick: (surname: string) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const shown = candidatePage(GRID_SURNAMES, page, SURNAMES_PER_PAGE);
  return (
    <div className="surname-grid-block">
      <div className="surname-grid" data-testid="surname-grid" data-page={shown.page + 1} data-pages={shown.pages}>
        {shown.items.map((surname) => (
          <button
            key={surname}
            type="button"
            className="surname-choice"
            data-surname={surname}
            onClick={() => onPick(surname)}
          >
            {surname}
          </button>
        ))}
      </div>
      <div className="surname-paging">
        <Pager shown={shown} onPage={setPage} scope="name" className="btn btn-secondary">
          <span className="surname-page-of" data-testid="surname-page-of">
            {t('kiosk.signup.name.pageOf', { page: shown.page + 1, pages: shown.pages })}
          </span>
        </Pager>
      </div>
    </div>
  );
}
