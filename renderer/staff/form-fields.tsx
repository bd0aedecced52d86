/** The console forms' own controls: a labelled text input, a form's save and cancel buttons, the trades to pick from. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCUPATION_CODES } from '../../shared/occupations';

export type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'children'> & {
  /** The label's text. */
  children: ReactNode;
  value: string;
  /** Gets the input's text on every change. */
  onValue: (value: string) => void;
  /** A line under the input. */
  hint?: string;
  testId?: string;
};

/** A labelled input whose text the form keeps: `<Field value onValue …>label</Field>`; the other props are the input's. */
export function Field({ children, value, onValue, hint, testId, ...input }: FieldProps) {
  return (
    <label>
      {children}
      <input {...input} value={value} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
      {hint ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

/** A form's submit button and the button that leaves it unsaved, labelled `<scope>.save` and `<scope>.cancel`. */
export function SaveCancel({ scope, onCancel, testId }: { scope: string; onCancel: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="primary" data-testid={testId}>
        {t(`${scope}.save`)}
      </button>
      <button type="button" onClick={onCancel}>
        {t(`${scope}.cancel`)}
      </button>
    </>
  );
}

/** An `<option>` per trade, named in the console's language (a select adds its own "all trades" before them). */
export function TradeOptions() {
  const { t } = useTranslation();
  return (
    <>
      {OCCUPATION_CODES.map((o) => (
        <option key={o} value={o}>
          {t(`occupation.${o}`)}
        </option>
      ))}
    </>
  );
}
