/**
 * Pitch and viewing distance of one screen, with the minimum glyph size they lead to shown
 * live (shared/legibility.ts, the same rule the planner uses) before anything is saved.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { glyphFloorPx, minCharHeightMm } from '../../shared/legibility';
import { LEGIBILITY_RULES, type BoardLayout, type LegibilityRule } from '../../shared/schemas/screen';
import { LayoutSelect, PitchDistanceFields } from './screen-fields';
import type { ScreenView } from '../../shared/staff-contract';
import { STAFF_ROUTES, staffApi } from './staff-api';

export function ScreenEditor({ screen, onSaved }: { screen: ScreenView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [pitch, setPitch] = useState(String(screen.pitchMm));
  const [distance, setDistance] = useState(String(screen.viewingDistanceM));
  const [rule, setRule] = useState<LegibilityRule>(screen.legibilityRule);
  const [layout, setLayout] = useState<BoardLayout>(screen.layout);
  const [error, setError] = useState<string | null>(null);

  const p = Number(pitch);
  const d = Number(distance);
  const valid = p >= 0.5 && p <= 20 && d >= 1 && d <= 50;
  const glyph = valid ? glyphFloorPx({ viewingDistanceM: d, pitchMm: p, legibilityRule: rule }) : null;
  const linesOnScreen = glyph ? Math.floor(screen.height / (glyph * 1.35)) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await staffApi.call(STAFF_ROUTES.screenUpdate, {
        params: { id: screen.id },
        body: { pitchMm: p, viewingDistanceM: d, legibilityRule: rule, layout },
      });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="screen-editor" onSubmit={save} data-testid="screen-editor">
      <PitchDistanceFields
        pitch={pitch}
        distance={distance}
        onPitch={setPitch}
        onDistance={setDistance}
        testIdPrefix="edit"
      />
      <label>
        {t('staff.screens.rule')}
        <select value={rule} onChange={(e) => setRule(e.target.value as LegibilityRule)}>
          {LEGIBILITY_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`staff.screens.rules.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <LayoutSelect layout={layout} onLayout={setLayout} />
      <div className="glyph-preview" data-testid="glyph-preview" data-min-glyph={glyph ?? ''}>
        {glyph !== null ? (
          <>
            <span className="glyph-preview__sample" style={{ fontSize: Math.min(glyph, 120) }}>
              {t('staff.screens.sample')}
            </span>
            <span>
              {t('staff.screens.glyph', { px: glyph, mm: Math.round(minCharHeightMm(d, rule)), lines: linesOnScreen })}
            </span>
          </>
        ) : (
          <span className="error">{t('staff.screens.invalidNumbers')}</span>
        )}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={!valid}>
        {t('staff.screens.save')}
      </button>
    </form>
  );
}
