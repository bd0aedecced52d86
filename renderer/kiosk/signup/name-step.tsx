import { useTranslation } from 'react-i18next';
import { PinyinKeyboard } from '../pinyin-keyboard';
import { SIGNUP_LIMITS } from '../../../shared/schemas/signup';

/** Optional name: skipping is the first, biggest choice; typing is by pinyin candidates. */
export function NameStep({ name, onName, onNext }: { name: string; onName: (n: string) => void; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const keep = name.trim() !== '';
  return (
    <section className="step name" data-testid="step-name">
      <h1>{t('kiosk.signup.name.title')}</h1>
      <p className="muted">{t('kiosk.signup.name.hint')}</p>
      <div className="name-row">
        <output className={`name-display${name ? '' : ' is-empty'}`} data-testid="name-display" data-value={name}>
          {name || t('kiosk.signup.name.placeholder')}
        </output>
        {name && (
          <button type="button" className="btn btn-secondary" data-testid="name-clear" onClick={() => onName('')}>
            {t('kiosk.signup.name.clear')}
          </button>
        )}
      </div>
      <div className="step-actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid={keep ? 'name-next' : 'name-skip'}
          onClick={onNext}
        >
          {keep ? t('kiosk.signup.name.keep') : t('kiosk.signup.name.skip')}
        </button>
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
