/**
 * Deterministic text width estimate for the planner. Boards bundle Noto Sans SC, whose CJK
 * glyphs are exactly 1 em wide; Latin advances vary, so the numbers below sit at or above the
 * widest glyph of each class (bold included). Over-estimating wastes a little space;
 * under-estimating would let text overflow its box on a wall, which is what we must never do.
 * The renderer must draw with no letter-spacing for these estimates to hold.
 */

export const ELLIPSIS = '…';

/**
 * Em advance of one code point. The figures sit at or above the widest glyph of each class in
 * Noto Sans SC, regular or bold, as Chromium draws it (tests/support/text-width-model.ts holds
 * the measured advances: lower case up to 0.644 em, capitals 0.770, m 0.964, % 0.963, @ 1.007).
 */
export function charWidthEm(cp: number): number {
  if (cp === 0x20) return 0.3;
  if (cp >= 0x30 && cp <= 0x39) return 0.6; // digits (0.59 em)
  if (cp === 0x4d || cp === 0x57 || cp === 0x6d || cp === 0x77 || cp === 0x40 || cp === 0x25) return 1.01; // M W m w @ %
  if (cp >= 0x41 && cp <= 0x5a) return 0.78; // other capitals
  if (cp >= 0x61 && cp <= 0x7a) return 0.65; // other lower case
  if (cp > 0x20 && cp < 0x7f) return 0.75; // other ASCII punctuation (& 0.74)
  // Everything else (CJK, full-width forms, en dash, middle dot, ellipsis, ✓) as a full em:
  // in a CJK font most of these are full-width anyway.
  return 1;
}

/** Sum of em advances of a string, by code point (surrogate pairs count once). */
export function textWidthEm(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) i++;
    em += charWidthEm(cp);
  }
  return em;
}

/** Estimated width in CSS px at a font size in px, rounded up so boxes are never short. */
export function textWidthPx(text: string, fontPx: number): number {
  return Math.ceil(textWidthEm(text) * fontPx - 1e-9);
}

/**
 * The longest prefix of `text` that, followed by `…`, fits `maxPx` at `fontPx`; the text
 * unchanged when it already fits; '' when not even the ellipsis fits.
 */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  if (textWidthPx(text, fontPx) <= maxPx) return text;
  const chars = Array.from(text);
  let em = 0;
  let count = 0;
  const budgetEm = maxPx / fontPx - charWidthEm(ELLIPSIS.charCodeAt(0));
  while (count < chars.length && em + charWidthEm(chars[count]!.codePointAt(0)!) <= budgetEm) {
    em += charWidthEm(chars[count]!.codePointAt(0)!);
    count++;
  }
  // Rounding up in textWidthPx can cost a pixel: drop characters until the cut really fits.
  for (; count >= 0; count--) {
    const cut = chars.slice(0, count).join('').trimEnd() + ELLIPSIS;
    if (textWidthPx(cut, fontPx) <= maxPx) return cut;
  }
  return '';
}
