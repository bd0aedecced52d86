/** After the surname: 王先生 / 王女士 / only 王 — or go on to type the given name by pinyin. */
import { useTranslation } from 'react-i18next';
import { nameWithTitle, type NameTitle } from './name-choices';

const TITLES: NameTitle[] = ['mr', 'ms', 'none'];

export interface TitleChooserProps {
  surname: string;
  /** The name chosen, e.g. 王先生. */
  onChoose: (name: string) => void;
  onTypeGiven: () => void;
  onOtherSurname: () => void;
}

export function TitleChooser(props: TitleChooserProps) {
  const { t } = useTranslation();
  // `spoken`: what the read-aloud voice and screen readers say instead of the label, so the
  // surname a visitor picked is not announced across the hall
  const choice = (testId: string, className: string, label: string, onClick: () => void, spoken?: string) => (
    <button key={testId} type="button" className={className} data-testid={testId} aria-label={spoken} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="title-chooser" data-testid="title-chooser">
      <div className="title-choices">
        {TITLES.map((title) => {
          const name = nameWithTitle(props.surname, title);
          return choice(
            `name-title-${title}`,
            'btn btn-primary title-choice',
            t(`kiosk.signup.name.title_${title}`, { name }),
            () => props.onChoose(name),
            t(`kiosk.signup.name.spoken_${title}`),
          );
        })}
        {choice(
          'name-type-given',
          'btn btn-secondary title-choice',
          t('kiosk.signup.name.typeGiven'),
          props.onTypeGiven,
        )}
      </div>
      {choice('name-other-surname', 'btn btn-quiet', t('kiosk.signup.name.otherSurname'), props.onOtherSurname)}
    </div>
  );
}
