/**
 * Optional name, and no pinyin needed: skipping is the first, biggest choice; then a grid of
 * the most frequent surnames and 先生 / 女士 / 只留姓; pinyin input for anyone who wants to
 * type a given name or whose surname is not in the grid.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinyinKeyboard } from '../pinyin-keyboard';
import { SIGNUP_LIMITS } from '../../../shared/schemas/signup';
import { SurnameGrid } from './surname-grid';
import { TitleChooser } from './title-chooser';
import './name-step.css';
import { HugeButton } from '../huge-button';

type Mode = { is: 'grid' } | { is: 'title'; surname: string } | { is: 'keyboard' };

export function NameStep({ name, onName, onNext }: { name: string; onName: (n: string) => void; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  // coming back to a name already given shows it, ready to change
  const [mode, setMode] = useState<Mode>(name ? { is: 'keyboard' } : { is: 'grid' });
  const keep = name.trim() !== '';
  const skipOrNext = (
    <HugeButton kind="primary" testId={keep ? 'name-next' : 'name-skip'} className="name-go" onClick={onNext}>
      {keep ? t('kiosk.signup.name.keep') : t('kiosk.signup.name.skip')}
    </HugeButton>
  );

  const modeButton = (testId: string, to: Mode, label: string, extra = '') => (
    <button type="button" className={`btn btn-secondary ${extra}`} data-testid={testId} onClick={() => setMode(to)}>
      {label}
    </button>
  );

  if (mode.is === 'grid')
    return (
      <section className="step name name-grid" data-testid="step-name" data-mode="grid">
        <div className="name-side">
          <h1>{t('kiosk.signup.name.title')}</h1>
          <p className="muted">{t('kiosk.signup.name.gridHint')}</p>
          {skipOrNext}
          {modeButton('name-pinyin', { is: 'keyboard' }, t('kiosk.signup.name.notInGrid'), 'name-alt')}
        </div>
        <SurnameGrid onPick={(surname) => setMode({ is: 'title', surname })} />
      </section>
    );

  if (mode.is === 'title')
    return (
      <section className="step name name-title" data-testid="step-name" data-mode="title">
        <h1>{t('kiosk.signup.name.titleQuestion')}</h1>
        <output className="name-surname" data-testid="name-surname" data-private>
          {mode.surname}
        </output>
        <TitleChooser
          surname={mode.surname}
          onChoose={(chosen) => {
            onName(chosen);
            onNext();
          }}
          onTypeGiven={() => {
            onName(mode.surname);
            setMode({ is: 'keyboard' });
          }}
          onOtherSurname={() => setMode({ is: 'grid' })}
        />
      </section>
    );

  return (
    <section className="step name name-typing" data-testid="step-name" data-mode="keyboard">
      <h1>{t('kiosk.signup.name.typeTitle')}</h1>
      <div className="name-row">
        <output
          className={`name-display${name ? '' : ' is-empty'}`}
          data-testid="name-display"
          data-value={name}
          data-private
        >
          {name || t('kiosk.signup.name.placeholder')}
        </output>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="name-clear"
          disabled={!name}
          onClick={() => onName('')}
        >
          {t('kiosk.signup.name.clear')}
        </button>
        {modeButton('name-to-grid', { is: 'grid' }, t('kiosk.signup.name.toGrid'))}
        {skipOrNext}
      </div>
      <PinyinKeyboard
        value={name}
        onChange={onName}
        maxLength={SIGNUP_LIMITS.name}
        initialMode={i18n.language === 'en' ? 'latin' : 'pinyin'}
      />
    </section>
  );
}
