/** After the surname: 王先生 / 王女士 / only 王 — or go on to type the given name by pinyin. */
import { useTranslation } from 'react-i18next';
import { nameWithTitle, type NameTitle } from './name-choices';

const TITLES: NameTitle[] = ['mr', 'ms', 'none'];

export function TitleChooser({
  surname,
  onChoose,
  onTypeGiven,
  onOtherSurname,
}: {
  surname: string;
  onChoose: (name: string) => void;
  onTypeGiven: () => void;
  onOtherSurname: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="title-chooser" data-testid="title-chooser">
      <div className="title-choices">
        {TITLES.map((title) => (
          <button
            key={title}
            type="button"
            className="btn btn-primary title-choice"
            data-testid={`name-title-${title}`}
            onClick={() => onChoose(nameWithTitle(surname, title))}
          >
            {t(`kiosk.signup.name.title_${title}`, { name: nameWithTitle(surname, title) })}
          </button>
        ))}
        <button
          type="button"
          className="btn btn-secondary title-choice"
          data-testid="name-type-given"
          onClick={onTypeGiven}
        >
          {t('kiosk.signup.name.typeGiven', { surname })}
        </button>
      </div>
      <button type="button" className="btn btn-quiet" data-testid="name-other-surname" onClick={onOtherSurname}>
        {t('kiosk.signup.name.otherSurname')}
      </button>
    </div>
  );
}
