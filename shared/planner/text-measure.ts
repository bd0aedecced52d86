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

/** Characters a line may not start with (CJK closing punctuation): they stay with the one before. */
const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕…·%)]},.:;?!/'));

/** CJK and full-width forms: a line may break before and after each one. */
const isWide = (cp: number) => cp >= 0x2e80;

/** Where a wrapping line may break: a CJK character alone, a run of other characters whole, spaces apart. */
function wrapUnits(text: string): { text: string; space: boolean }[] {
  const units: { text: string; space: boolean }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = units[units.length - 1];
    if (cp === 0x20) {
      if (last?.space) last.text += ch;
      else units.push({ text: ch, space: true });
    } else if (
      last &&
      !last.space &&
      (NO_LINE_START.has(ch) || (!isWide(cp) && !isWide(last.text.codePointAt(last.text.length - 1)!)))
    ) {
      last.text += ch;
    } else units.push({ text: ch, space: false });
  }
  return units;
}

/**
 * Lines `text` takes in a box `widthPx` wide at `fontPx`, wrapped as a board draws a takeover
 * (white-space: normal, overflow-wrap: anywhere): at spaces and between CJK characters, a word
 * wider than the box cut anywhere. Latin words are kept whole even where a browser could break
 * them (after a hyphen), so the count is never short.
 */
export function wrappedLineCount(text: string, widthPx: number, fontPx: number): number {
  const max = widthPx / fontPx;
  let lines = 1;
  let lineEm = 0;
  let spaceEm = 0;
  for (const unit of wrapUnits(text)) {
    const em = textWidthEm(unit.text);
    if (unit.space) {
      spaceEm += em;
      continue;
    }
    if (lineEm > 0 && lineEm + spaceEm + em > max) {
      lines++;
      lineEm = 0;
    } else if (lineEm > 0) lineEm += spaceEm;
    spaceEm = 0;
    if (em <= max) {
      lineEm += em;
      continue;
    }
    // A word wider than the box: overflow-wrap cuts it character by character.
    for (const ch of unit.text) {
      const w = charWidthEm(ch.codePointAt(0)!);
      if (lineEm > 0 && lineEm + w > max) {
        lines++;
        lineEm = 0;
      }
      lineEm += w;
    }
  }
  return lines;
}

/**
 * The largest whole font size, at most `capPx` (rounded) and at least `floorPx`, at which `text`
 * wraps into at most `lines` lines of `widthPx`; `floorPx` when even that takes more lines.
 */
export function largestFittingPx(text: string, widthPx: number, lines: number, capPx: number, floorPx: number): number {
  let lo = floorPx;
  let hi = Math.round(capPx);
  if (hi <= lo) return lo;
  if (wrappedLineCount(text, widthPx, hi) <= lines) return hi;
  // Invariant: lo fits (or is the floor), hi does not. The line count only grows with the size.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (wrappedLineCount(text, widthPx, mid) <= lines) lo = mid;
    else hi = mid;
  }
  return lo;
}
