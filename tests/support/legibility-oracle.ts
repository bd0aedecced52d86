/**
 * The legibility floor, worked out by hand from DOMAIN.md ("LED legibility") and written down
 * as numbers, so tests compare the planner with something it did not compute. Nothing here
 * calls project code: if the planner and this table disagree, one of them is wrong, and the
 * table is the one a person can check with a pencil.
 *
 * DOMAIN.md: minGlyphPx = max(16, ceil(minHeightMm / pitchMm)), minHeightMm from its table.
 * A page shown at another resolution keeps the wall's physical size (README, "Board screens"):
 * each CSS px then covers `pitch = min(W·p / vw, H·p / vh)` mm of wall, W×H the panel's LED
 * pixels, p its pitch, vw×vh the viewport.
 */
import type { LegibilityRule } from '../../shared/schemas/screen';

/** DOMAIN.md's table, in mm, exactly as printed (distance in m → rule → mm). */
export const DOMAIN_MIN_HEIGHT_MM: Readonly<Record<3 | 5 | 8 | 10 | 15, Readonly<Record<LegibilityRule, number>>>> = {
  3: { 'inch-per-10ft': 25, ada: 28, 'led-sign': 51 },
  5: { 'inch-per-10ft': 42, ada: 49, 'led-sign': 84 },
  8: { 'inch-per-10ft': 67, ada: 81, 'led-sign': 134 },
  10: { 'inch-per-10ft': 83, ada: 102, 'led-sign': 167 },
  15: { 'inch-per-10ft': 125, ada: 154, 'led-sign': 251 },
};

export const TABLE_DISTANCES_M = [3, 5, 8, 10, 15] as const;

export interface LegibilityCase {
  /** The panel: LED pixels and pitch as configured in screens.json. */
  width: number;
  height: number;
  pitchMm: number;
  viewingDistanceM: (typeof TABLE_DISTANCES_M)[number];
  legibilityRule: LegibilityRule;
  /** The page's viewport in CSS px. */
  viewport: { width: number; height: number };
  /** The hand-computed floor. */
  minGlyphPx: number;
}

const row = (
  width: number,
  height: number,
  pitchMm: number,
  viewingDistanceM: LegibilityCase['viewingDistanceM'],
  legibilityRule: LegibilityRule,
  viewport: [number, number],
  minGlyphPx: number,
): LegibilityCase => ({
  width,
  height,
  pitchMm,
  viewingDistanceM,
  legibilityRule,
  viewport: { width: viewport[0], height: viewport[1] },
  minGlyphPx,
});

/**
 * Every row: the arithmetic, then the answer. "→ 16" means the 16-pixel floor for a Chinese
 * character wins. The table gives whole millimetres, so a row is kept only where any height
 * within half a millimetre of the printed one gives the same answer (or the printed figure
 * divides exactly): the default wall at 1366×768 is left out, since 81 / 3.5139 = 23.05 → 24
 * but 80.5 / 3.5139 = 22.9 → 23.
 */
export const LEGIBILITY_CASES: readonly LegibilityCase[] = [
  // 1920×1080 panels shown at their own size (pitch = the panel's pitch).
  // ADA
  row(1920, 1080, 2.5, 3, 'ada', [1920, 1080], 16), //   28 / 2.5 = 11.2 → 12 → 16
  row(1920, 1080, 3, 3, 'ada', [1920, 1080], 16), //     28 / 3 = 9.33 → 16
  row(1920, 1080, 4, 3, 'ada', [1920, 1080], 16), //     28 / 4 = 7 → 16
  row(1920, 1080, 2.5, 5, 'ada', [1920, 1080], 20), //   49 / 2.5 = 19.6 → 20
  row(1920, 1080, 3, 5, 'ada', [1920, 1080], 17), //     49 / 3 = 16.33 → 17
  row(1920, 1080, 4, 5, 'ada', [1920, 1080], 16), //     49 / 4 = 12.25 → 13 → 16
  row(1920, 1080, 2.5, 8, 'ada', [1920, 1080], 33), //   81 / 2.5 = 32.4 → 33 (README: 33 px, 81 mm)
  row(1920, 1080, 3, 8, 'ada', [1920, 1080], 27), //     81 / 3 = 27 → 27
  row(1920, 1080, 4, 8, 'ada', [1920, 1080], 21), //     81 / 4 = 20.25 → 21
  row(1920, 1080, 2.5, 10, 'ada', [1920, 1080], 41), //  102 / 2.5 = 40.8 → 41
  row(1920, 1080, 3, 10, 'ada', [1920, 1080], 34), //    102 / 3 = 34 → 34
  row(1920, 1080, 4, 10, 'ada', [1920, 1080], 26), //    102 / 4 = 25.5 → 26
  row(1920, 1080, 2.5, 15, 'ada', [1920, 1080], 62), //  154 / 2.5 = 61.6 → 62
  row(1920, 1080, 3, 15, 'ada', [1920, 1080], 52), //    154 / 3 = 51.33 → 52
  row(1920, 1080, 4, 15, 'ada', [1920, 1080], 39), //    154 / 4 = 38.5 → 39
  // 1 in per 10 ft
  row(1920, 1080, 2.5, 3, 'inch-per-10ft', [1920, 1080], 16), //  25 / 2.5 = 10 → 16
  row(1920, 1080, 3, 3, 'inch-per-10ft', [1920, 1080], 16), //    25 / 3 = 8.33 → 16
  row(1920, 1080, 4, 3, 'inch-per-10ft', [1920, 1080], 16), //    25 / 4 = 6.25 → 16
  row(1920, 1080, 2.5, 5, 'inch-per-10ft', [1920, 1080], 17), //  42 / 2.5 = 16.8 → 17
  row(1920, 1080, 3, 5, 'inch-per-10ft', [1920, 1080], 16), //    42 / 3 = 14 → 16
  row(1920, 1080, 4, 5, 'inch-per-10ft', [1920, 1080], 16), //    42 / 4 = 10.5 → 16
  row(1920, 1080, 2.5, 8, 'inch-per-10ft', [1920, 1080], 27), //  67 / 2.5 = 26.8 → 27
  row(1920, 1080, 3, 8, 'inch-per-10ft', [1920, 1080], 23), //    67 / 3 = 22.33 → 23
  row(1920, 1080, 4, 8, 'inch-per-10ft', [1920, 1080], 17), //    67 / 4 = 16.75 → 17
  row(1920, 1080, 2.5, 10, 'inch-per-10ft', [1920, 1080], 34), // 83 / 2.5 = 33.2 → 34
  row(1920, 1080, 3, 10, 'inch-per-10ft', [1920, 1080], 28), //   83 / 3 = 27.67 → 28
  row(1920, 1080, 4, 10, 'inch-per-10ft', [1920, 1080], 21), //   83 / 4 = 20.75 → 21
  row(1920, 1080, 2.5, 15, 'inch-per-10ft', [1920, 1080], 50), // 125 / 2.5 = 50 → 50
  row(1920, 1080, 3, 15, 'inch-per-10ft', [1920, 1080], 42), //   125 / 3 = 41.67 → 42
  row(1920, 1080, 4, 15, 'inch-per-10ft', [1920, 1080], 32), //   125 / 4 = 31.25 → 32
  // coarse LED message signs
  row(1920, 1080, 2.5, 3, 'led-sign', [1920, 1080], 21), //  51 / 2.5 = 20.4 → 21
  row(1920, 1080, 3, 3, 'led-sign', [1920, 1080], 17), //    51 / 3 = 17 → 17
  row(1920, 1080, 4, 3, 'led-sign', [1920, 1080], 16), //    51 / 4 = 12.75 → 16
  row(1920, 1080, 2.5, 5, 'led-sign', [1920, 1080], 34), //  84 / 2.5 = 33.6 → 34
  row(1920, 1080, 3, 5, 'led-sign', [1920, 1080], 28), //    84 / 3 = 28 → 28
  row(1920, 1080, 4, 5, 'led-sign', [1920, 1080], 21), //    84 / 4 = 21 → 21
  row(1920, 1080, 2.5, 8, 'led-sign', [1920, 1080], 54), //  134 / 2.5 = 53.6 → 54
  row(1920, 1080, 3, 8, 'led-sign', [1920, 1080], 45), //    134 / 3 = 44.67 → 45
  row(1920, 1080, 4, 8, 'led-sign', [1920, 1080], 34), //    134 / 4 = 33.5 → 34
  row(1920, 1080, 2.5, 10, 'led-sign', [1920, 1080], 67), // 167 / 2.5 = 66.8 → 67
  row(1920, 1080, 3, 10, 'led-sign', [1920, 1080], 56), //   167 / 3 = 55.67 → 56
  row(1920, 1080, 4, 10, 'led-sign', [1920, 1080], 42), //   167 / 4 = 41.75 → 42
  row(1920, 1080, 2.5, 15, 'led-sign', [1920, 1080], 101), // 251 / 2.5 = 100.4 → 101
  row(1920, 1080, 3, 15, 'led-sign', [1920, 1080], 84), //   251 / 3 = 83.67 → 84
  row(1920, 1080, 4, 15, 'led-sign', [1920, 1080], 63), //   251 / 4 = 62.75 → 63

  // The default wall (1920×1080 P2.5, 8 m, ADA: 81 mm) shown at other viewports.
  row(1920, 1080, 2.5, 8, 'ada', [960, 480], 17), //   pitch min(4800/960 = 5, 2700/480 = 5.625) = 5;  81 / 5 = 16.2 → 17
  row(1920, 1080, 2.5, 8, 'ada', [960, 540], 17), //   pitch min(4800/960 = 5, 2700/540 = 5) = 5;      81 / 5 = 16.2 → 17
  row(1920, 1080, 2.5, 8, 'ada', [640, 360], 16), //   pitch min(4800/640 = 7.5, 2700/360 = 7.5) = 7.5; 81 / 7.5 = 10.8 → 16
  row(1920, 1080, 2.5, 8, 'ada', [1280, 720], 22), //  pitch 4800/1280 = 3.75;                        81 / 3.75 = 21.6 → 22
  row(1920, 1080, 2.5, 8, 'ada', [3840, 2160], 65), // pitch 4800/3840 = 1.25;                         81 / 1.25 = 64.8 → 65
  row(1920, 1080, 2.5, 8, 'ada', [1080, 1920], 58), // pitch min(4800/1080 = 4.444, 2700/1920 = 1.40625) = 1.40625; 81 / 1.40625 = 57.6 → 58

  // Small screens and strips from README's screens.json example and the e2e tests.
  row(960, 480, 2.5, 5, 'ada', [960, 480], 20), //     49 / 2.5 = 19.6 → 20
  row(960, 480, 4, 8, 'ada', [960, 480], 21), //       81 / 4 = 20.25 → 21
  row(960, 480, 4, 8, 'ada', [1920, 960], 41), //      pitch min(3840/1920 = 2, 1920/960 = 2) = 2; 81 / 2 = 40.5 → 41
  row(2560, 640, 4, 10, 'ada', [2560, 640], 26), //    102 / 4 = 25.5 → 26
  row(2560, 640, 4, 10, 'ada', [1280, 320], 16), //    pitch min(10240/1280 = 8, 2560/320 = 8) = 8; 102 / 8 = 12.75 → 16
  row(2560, 640, 4, 10, 'led-sign', [2560, 640], 42), // 167 / 4 = 41.75 → 42
  row(2560, 160, 4, 10, 'ada', [2560, 160], 26), //    102 / 4 = 25.5 → 26 (a one-line strip)
];

export interface ScreenLike {
  width: number;
  height: number;
  pitchMm: number;
  viewingDistanceM: number;
  legibilityRule: LegibilityRule;
}

/**
 * The hand-computed floor for a screen shown at a viewport. Throws when the table has no row
 * for it: work the row out by hand and add it above rather than computing it here.
 */
export function oracleMinGlyphPx(screen: ScreenLike, viewport: { width: number; height: number } = screen): number {
  const found = LEGIBILITY_CASES.find(
    (c) =>
      c.width === screen.width &&
      c.height === screen.height &&
      c.pitchMm === screen.pitchMm &&
      c.viewingDistanceM === screen.viewingDistanceM &&
      c.legibilityRule === screen.legibilityRule &&
      c.viewport.width === viewport.width &&
      c.viewport.height === viewport.height,
  );
  if (!found) {
    throw new Error(
      `oracleMinGlyphPx: no hand-computed row for ${screen.width}×${screen.height} P${screen.pitchMm} at ${screen.viewingDistanceM} m (${screen.legibilityRule}) shown at ${viewport.width}×${viewport.height}; add one to tests/support/legibility-oracle.ts`,
    );
  }
  return found.minGlyphPx;
}

/**
 * For distances between the table's rows: the height needed only grows with distance, so the
 * row at or below `d` is a floor and the row at or above it a ceiling (0 and Infinity outside
 * the table). Used for the physical check on generated screens.
 */
export function domainHeightBracketMm(
  distanceM: number,
  rule: LegibilityRule,
): { atLeastMm: number; atMostMm: number } {
  let atLeastMm = 0;
  let atMostMm = Number.POSITIVE_INFINITY;
  for (const d of TABLE_DISTANCES_M) {
    if (d <= distanceM) atLeastMm = DOMAIN_MIN_HEIGHT_MM[d][rule];
    if (d >= distanceM && atMostMm === Number.POSITIVE_INFINITY) atMostMm = DOMAIN_MIN_HEIGHT_MM[d][rule];
  }
  return { atLeastMm, atMostMm };
}
