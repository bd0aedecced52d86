/**
 * A large on-screen keyboard for names and searches. In pinyin mode letters build a syllable
 * and the candidate row offers its characters (tap one to type it), a page at a time with
 * 上一页 / 下一页, so every character of the index can be reached; in ABC mode letters are
 * typed as they are. Keys are plain buttons: one finger, no hover, no long-press.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { candidatePage, pinyinCandidates } from './signup/pinyin';
import { Pager } from './pager';
import './pinyin-keyboard.css';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;
/** Until the row has been measured. */
const FIRST_PAGE_SIZE = 6;

export interface PinyinKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  onDone?: () => void;
  initialMode?: 'pinyin' | 'latin';
  testId?: string;
}

/** How many candidate buttons the row holds: its columns (measured) × its rows (from CSS). */
function useRowCapacity(mode: string): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(FIRST_PAGE_SIZE);
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const measure = () => {
      const style = getComputedStyle(list);
      const cell = parseFloat(style.getPropertyValue('--candidate-width')) || 80;
      const gap = parseFloat(style.columnGap) || 0;
      const rows = Math.max(1, parseInt(style.getPropertyValue('--candidate-rows'), 10) || 1);
      const columns = Math.max(1, Math.floor((list.clientWidth + gap) / (cell + gap)));
      setSize(columns * rows);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [mode]);
  return [ref, size];
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
  const [page, setPage] = useState(0);
  const [listRef, pageSize] = useRowCapacity(mode);
  const all = useMemo(() => (mode === 'pinyin' ? pinyinCandidates(syllable) : []), [mode, syllable]);
  const shown = candidatePage(all, page, pageSize);

  const typeSyllable = (next: string) => {
    setSyllable(next);
    setPage(0);
  };
  const typeText = (text: string) => {
    if (value.length + text.length <= maxLength) onChange(value + text);
  };
  const letter = (ch: string) => {
    if (mode === 'latin') typeText(value.length === 0 ? ch.toUpperCase() : ch);
    else if (syllable.length < 6) typeSyllable(syllable + ch);
  };
  const backspace = () => {
    if (syllable) typeSyllable(syllable.slice(0, -1));
    else onChange([...value].slice(0, -1).join(''));
  };

  return (
    <div className="keyboard" data-testid={testId} data-mode={mode} data-speak="skip">
      {mode === 'pinyin' && (
        <div className="candidates" aria-label={t('kiosk.signup.name.candidates')}>
          <span className="syllable">
            <span data-testid="pinyin-syllable">{syllable || t('kiosk.signup.keyboard.syllableEmpty')}</span>
            {shown.pages > 1 && (
              <span className="candidate-page-of" data-testid="candidates-page-of">
                {t('kiosk.signup.keyboard.pageOf', { page: shown.page + 1, pages: shown.pages })}
              </span>
            )}
          </span>
          <Pager shown={shown} onPage={setPage} scope="keyboard" className="key btn-secondary candidate-page">
            <div
              className="candidate-list"
              ref={listRef}
              data-testid="candidate-list"
              data-page={shown.page + 1}
              data-pages={shown.pages}
              data-page-size={pageSize}
            >
              {!syllable && <span className="muted candidate-hint">{t('kiosk.signup.name.pinyinHint')}</span>}
              {syllable && all.length === 0 && <span className="muted">{t('kiosk.signup.name.noCandidates')}</span>}
              {shown.items.map((ch) => (
                <button
                  key={ch}
                  type="button"
                  className="key candidate"
                  data-testid="pinyin-candidate"
                  onClick={() => {
                    typeText(ch);
                    typeSyllable('');
                  }}
                >
                  {ch}
                </button>
              ))}
            </div>
          </Pager>
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
            typeSyllable('');
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
