/**
 * A large on-screen keyboard for names and searches. In pinyin mode letters build a syllable
 * and the candidate row offers its characters (tap one to type it); in ABC mode letters are
 * typed as they are. Keys are plain buttons: one finger, no hover, no long-press.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinyinCandidates } from './signup/pinyin';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;

export interface PinyinKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  onDone?: () => void;
  initialMode?: 'pinyin' | 'latin';
  testId?: string;
}

export function PinyinKeyboard({
  value,
  onChange,
  maxLength,
  onDone,
  initialMode = 'pinyin',
  testId = 'keyboard',
}: PinyinKeyboardProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'pinyin' | 'latin'>(initialMode);
  const [syllable, setSyllable] = useState('');
  const candidates = mode === 'pinyin' ? pinyinCandidates(syllable, 14) : [];

  const typeText = (text: string) => {
    if (value.length + text.length <= maxLength) onChange(value + text);
  };
  const letter = (ch: string) => {
    if (mode === 'latin') typeText(value.length === 0 ? ch.toUpperCase() : ch);
    else if (syllable.length < 6) setSyllable(syllable + ch);
  };
  const backspace = () => {
    if (syllable) setSyllable(syllable.slice(0, -1));
    else onChange([...value].slice(0, -1).join(''));
  };

  return (
    <div className="keyboard" data-testid={testId}>
      {mode === 'pinyin' && (
        <div className="candidates" aria-label={t('kiosk.signup.name.candidates')}>
          <span className="syllable" data-testid="pinyin-syllable">
            {syllable || t('kiosk.signup.name.pinyinHint')}
          </span>
          <div className="candidate-list">
            {syllable && candidates.length === 0 && (
              <span className="muted">{t('kiosk.signup.name.noCandidates')}</span>
            )}
            {candidates.map((ch) => (
              <button
                key={ch}
                type="button"
                className="key candidate"
                data-testid="pinyin-candidate"
                onClick={() => {
                  typeText(ch);
                  setSyllable('');
                }}
              >
                {ch}
              </button>
            ))}
          </div>
        </div>
      )}
      {ROWS.map((row) => (
        <div className="key-row" key={row}>
          {[...row].map((ch) => (
            <button key={ch} type="button" className="key" data-key={ch} onClick={() => letter(ch)}>
              {ch}
            </button>
          ))}
          {row === 'zxcvbnm' && (
            <button type="button" className="key key-wide" data-key="backspace" onClick={backspace}>
              {t('kiosk.signup.keyboard.backspace')}
            </button>
          )}
        </div>
      ))}
      <div className="key-row">
        <button
          type="button"
          className="key key-wide"
          data-key="mode"
          onClick={() => {
            setSyllable('');
            setMode(mode === 'pinyin' ? 'latin' : 'pinyin');
          }}
        >
          {mode === 'pinyin' ? t('kiosk.signup.keyboard.modeLatin') : t('kiosk.signup.keyboard.modePinyin')}
        </button>
        <button type="button" className="key key-space" data-key="space" onClick={() => typeText(' ')}>
          {t('kiosk.signup.keyboard.space')}
        </button>
        {onDone && (
          <button type="button" className="key key-wide key-done" data-key="done" onClick={onDone}>
            {t('kiosk.signup.keyboard.done')}
          </button>
        )}
      </div>
    </div>
  );
}
