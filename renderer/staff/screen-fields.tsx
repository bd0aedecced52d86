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
  return (
    <>
      <label>
        {t('staff.screens.pitch')}
        <input
          type="number"
          step="0.1"
          min="0.5"
          max="20"
          value={props.pitch}
          onChange={(e) => props.onPitch(e.target.value)}
          data-testid={id('pitch')}
        />
      </label>
      <label>
        {t('staff.screens.distance')}
        <input
          type="number"
          step="0.5"
          min="1"
          max="50"
          value={props.distance}
          onChange={(e) => props.onDistance(e.target.value)}
          data-testid={id('distance')}
        />
      </label>
    </>
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
