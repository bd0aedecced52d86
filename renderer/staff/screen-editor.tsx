/**
 * Pitch and viewing distance of one screen, with the minimum glyph size they lead to shown
 * live (shared/legibility.ts, the same rule the planner uses) before anything is saved; and its
 * wall group, cycle target and dwell, with the cycle the host plans for the draft shown live
 * (POST /api/staff/screens/:id/preview, nothing saved) next to the cycle it has now.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from './error-line';
import { glyphFloorPx, minCharHeightMm } from '../../shared/legibility';
import { LEGIBILITY_RULES, type BoardLayout, type LegibilityRule } from '../../shared/schemas/screen';
import { LayoutSelect, NumberField, PitchDistanceFields } from './screen-fields';
import type { ScreenPatch, ScreenPreview, ScreenView } from '../../shared/staff-contract';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { CycleView } from './cycle-view';

/** The preview waits this long after the last keystroke (each one plans the screen on the host). */
const PREVIEW_DEBOUNCE_MS = 400;
const GROUP_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function ScreenEditor({ screen, onSaved }: { screen: ScreenView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [pitch, setPitch] = useState(String(screen.pitchMm));
  const [distance, setDistance] = useState(String(screen.viewingDistanceM));
  const [rule, setRule] = useState<LegibilityRule>(screen.legibilityRule);
  const [layout, setLayout] = useState<BoardLayout>(screen.layout);
  const [group, setGroup] = useState(screen.group ?? '');
  const [maxCycle, setMaxCycle] = useState(String(screen.maxCycleS));
  const [maxDwell, setMaxDwell] = useState(String(screen.maxDwellS));
  const [legend, setLegend] = useState(screen.groupLegend);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ state: 'busy' | 'done' | 'failed'; data?: ScreenPreview; message?: string }>(
    { state: 'busy' },
  );

  const p = Number(pitch);
  const d = Number(distance);
  const c = Number(maxCycle);
  const w = Number(maxDwell);
  const valid =
    p >= 0.5 &&
    p <= 20 &&
    d >= 1 &&
    d <= 50 &&
    Number.isInteger(c) &&
    c >= 30 &&
    c <= 1800 &&
    w >= Math.max(3, screen.minDwellS) &&
    w <= 300 &&
    (group === '' || GROUP_ID.test(group));
  const body: ScreenPatch = {
    pitchMm: p,
    viewingDistanceM: d,
    legibilityRule: rule,
    layout,
    group: group === '' ? null : group,
    maxCycleS: c,
    maxDwellS: w,
    groupLegend: legend,
  };
  const bodyKey = JSON.stringify(body);

  useEffect(() => {
    if (!valid) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      setPreview((prev) => ({ ...prev, state: 'busy' }));
      staffApi
        .call(STAFF_ROUTES.screenPreview, { params: { id: screen.id }, body: JSON.parse(bodyKey) as ScreenPatch })
        .then(
          (data) => !cancelled && setPreview({ state: 'done', data }),
          (e: unknown) => !cancelled && setPreview({ state: 'failed', message: (e as Error).message }),
        );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [bodyKey, valid, screen.id]);
  const glyph = valid ? glyphFloorPx({ viewingDistanceM: d, pitchMm: p, legibilityRule: rule }) : null;
  const linesOnScreen = glyph ? Math.floor(screen.height / (glyph * 1.35)) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await staffApi.call(STAFF_ROUTES.screenUpdate, {
        params: { id: screen.id },
        body,
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
          {/* named by what they mean, smallest first, each with the letter height it asks for here */}
          {LEGIBILITY_RULES.map((r) => (
            <option key={r} value={r} data-testid={`rule-${r}`}>
              {valid
                ? t('staff.screens.ruleOption', {
                    rule: t(`staff.screens.rules.${r}`),
                    distance: d,
                    mm: Math.round(minCharHeightMm(d, r)),
                  })
                : t(`staff.screens.rules.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <LayoutSelect layout={layout} onLayout={setLayout} />
      <label>
        {t('staff.screens.group')}
        <input
          value={group}
          maxLength={32}
          onChange={(e) => setGroup(e.target.value.trim())}
          data-testid="edit-group"
        />
      </label>
      {[
        { key: 'maxCycle', step: 10, min: 30, max: 1800, value: maxCycle, set: setMaxCycle, id: 'edit-max-cycle' },
        {
          key: 'maxDwell',
          step: 1,
          min: Math.max(3, screen.minDwellS),
          max: 300,
          value: maxDwell,
          set: setMaxDwell,
          id: 'edit-max-dwell',
        },
      ].map((f) => (
        <NumberField
          key={f.key}
          label={t(`staff.screens.${f.key}`)}
          step={f.step}
          min={f.min}
          max={f.max}
          value={f.value}
          onChange={f.set}
          testId={f.id}
        />
      ))}
      <label>
        <input
          type="checkbox"
          checked={legend}
          onChange={(e) => setLegend(e.target.checked)}
          data-testid="edit-legend"
        />
        {t('staff.screens.groupLegend')}
      </label>
      <section className="cycle-preview" data-testid="cycle-preview" data-state={preview.state}>
        <h3>{t('staff.screens.previewTitle')}</h3>
        {preview.state === 'failed' ? (
          <p className="error">{t('staff.screens.previewFailed', { message: preview.message })}</p>
        ) : preview.data ? (
          (['current', 'draft'] as const).map((which) => (
            <div key={which}>
              <div className="hint">
                {t(which === 'current' ? 'staff.screens.previewNow' : 'staff.screens.previewDraft', {
                  seconds: Math.round(preview.data![which].cycleMs / 1000),
                })}
              </div>
              <CycleView cycle={preview.data![which]} testId={`cycle-${which}`} />
            </div>
          ))
        ) : (
          <p className="hint">{t('staff.screens.previewBusy')}</p>
        )}
      </section>
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
      <ErrorLine text={error} />
      <button type="submit" className="primary" disabled={!valid}>
        {t('staff.screens.save')}
      </button>
    </form>
  );
}
