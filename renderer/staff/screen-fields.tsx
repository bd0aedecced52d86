/**
 * The screen fields the pairing form and the screen editor share: pixel pitch and viewing
 * distance (which decide the minimum glyph) and the layout.
 */
import { useTranslation } from 'react-i18next';
import { BOARD_LAYOUTS, type BoardLayout } from '../../shared/schemas/screen';

export function PitchDistanceFields(props: {
  pitch: string;
  distance: string;
  onPitch: (value: string) => void;
  onDistance: (value: string) => void;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const id = (name: string) => (props.testIdPrefix ? `${props.testIdPrefix}-${name}` : undefined);
  const fields = [
    { name: 'pitch', step: 0.1, min: 0.5, max: 20, value: props.pitch, onChange: props.onPitch },
    { name: 'distance', step: 0.5, min: 1, max: 50, value: props.distance, onChange: props.onDistance },
  ];
  return (
    <>
      {fields.map((f) => (
        <NumberField key={f.name} label={t(`staff.screens.${f.name}`)} {...f} testId={id(f.name)} />
      ))}
    </>
  );
}

/** A labelled number input whose text the form keeps (validated where it is used). */
export function NumberField(props: {
  label: string;
  step: number;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
  testId?: string | undefined;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        step={props.step}
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

export function LayoutSelect({ layout, onLayout }: { layout: BoardLayout; onLayout: (value: BoardLayout) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('staff.screens.layout')}
      <select value={layout} onChange={(e) => onLayout(e.target.value as BoardLayout)}>
        {BOARD_LAYOUTS.map((l) => (
          <option key={l} value={l}>
            {t(`staff.screens.layouts.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
