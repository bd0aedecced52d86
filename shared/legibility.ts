import type { LegibilityRule } from './schemas/screen';

const MM_PER_INCH = 25.4;
const MM_PER_FOOT = 304.8;

/**
 * Minimum character height in mm for a viewing distance (DOMAIN.md table).
 * - inch-per-10ft: 1 in per 10 ft, i.e. d/120.
 * - ada: ADA 703.5.5, 5/8 in at up to 6 ft plus 1/8 in per foot beyond.
 * - led-sign: coarse LED message signs (California), about d/60.
 */
export function minCharHeightMm(distanceM: number, rule: LegibilityRule): number {
  const mm = distanceM * 1000;
  switch (rule) {
    case 'inch-per-10ft':
      return mm / 120;
    case 'ada': {
      const feet = mm / MM_PER_FOOT;
      return (5 / 8) * MM_PER_INCH + Math.max(0, feet - 6) * (1 / 8) * MM_PER_INCH;
    }
    case 'led-sign':
      return mm / 60;
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
