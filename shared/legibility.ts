import type { LegibilityRule, ScreenProfile } from './schemas/screen';

/**
 * Minimum character height in mm for a viewing distance (DOMAIN.md table).
 * - inch-per-10ft: 1 in per 10 ft, i.e. d/120.
 * - ada: ADA 703.5.5 in its metric form, which is what DOMAIN.md's column holds: 16 mm up to
 *   1830 mm, plus 3.2 mm per 305 mm beyond (the inch form, 5/8 in plus 1/8 in per foot, is up
 *   to 1 mm smaller: 101.0 mm at 10 m where the table says 102).
 * - led-sign: coarse LED message signs (California): the whole millimetre above d/60, which
 *   is exactly DOMAIN.md's column (51 mm at 3 m, 251 mm at 15 m); d/60 itself (50 mm at 3 m)
 *   drew 20 px on a P2.5 wall where the table asks for 51 mm, i.e. 21 px.
 */
export function minCharHeightMm(distanceM: number, rule: LegibilityRule): number {
  const mm = distanceM * 1000;
  switch (rule) {
    case 'inch-per-10ft':
      return mm / 120;
    case 'ada':
      return 16 + (Math.max(0, mm - 1830) * 3.2) / 305;
    case 'led-sign':
      return Math.floor(mm / 60) + 1;
    default: {
      const never: never = rule;
      throw new Error(`minCharHeightMm: unknown rule ${String(never)}`);
    }
  }
}

/** A Chinese character needs at least 16 LED pixels of height (GB/T 5199 / GB/T 19966 bitmaps). */
export const MIN_CJK_GLYPH_PX = 16;

/** `max(16, ceil(minHeightMm / pitchMm))` — DOMAIN.md. */
export function minGlyphPx(distanceM: number, pitchMm: number, rule: LegibilityRule): number {
  return Math.max(MIN_CJK_GLYPH_PX, Math.ceil(minCharHeightMm(distanceM, rule) / pitchMm - 1e-9));
}

/** What a screen's glyph floor depends on. `pitchMm` is the pitch text is drawn at: the planner
 * passes the effective pitch of the viewport the page is laid out in. */
export type GlyphFloorScreen = Pick<ScreenProfile, 'viewingDistanceM' | 'pitchMm' | 'legibilityRule'>;

/**
 * The glyph floor: the smallest text, in CSS px, anything drawn on this screen may use. This is
 * the one place it is computed — the planner, the host's screen list, the staff screen editor and
 * pairing form call it; the board renderer gets it from the plan (`geometry.minGlyphPx`).
 */
export function glyphFloorPx(screen: GlyphFloorScreen): number {
  return minGlyphPx(screen.viewingDistanceM, screen.pitchMm, screen.legibilityRule);
}

/**
 * A text size in whole px, never below `floorPx` (a screen's glyph floor). Every size the planner
 * or the board derives from another (a title a quarter larger, a banner as big as fits) passes
 * through here, so no fraction or rounding can take text under the floor.
 */
export function atLeastFloor(px: number, floorPx: number): number {
  return Math.max(floorPx, Math.round(px));
}

/**
 * Before a plan names the screen there is no floor to compute: the board's notices (connecting,
 * pairing code) are drawn at least this large, twice the CJK minimum, big rather than guessing small.
 */
export const UNPLANNED_GLYPH_FLOOR_PX = 2 * MIN_CJK_GLYPH_PX;
