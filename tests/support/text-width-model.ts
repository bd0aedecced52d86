/**
 * How wide text is on a board, measured from the font rather than taken from the planner: the
 * advance of every printable ASCII character in the bundled Noto Sans SC, the wider of regular
 * and bold, as Chromium laid it out (tests/support/measure-font-advances.ts prints this table;
 * values rounded up to 1/1000 em). CJK characters, full-width forms and the marks boards use
 * (… · – — − ✓ ◆ and the ideographic space) measured at most 1 em; everything outside ASCII
 * counts 1 em here. Kerning only narrows these pairs, so the sum is an upper bound.
 *
 * The unit tests' box checks use this instead of shared/planner/text-measure.ts, so a planner
 * that under-estimates a glyph is caught rather than agreed with.
 */
const ASCII_EM: Readonly<Record<string, number>> = {
  ' ': 0.227,
  '!': 0.37,
  '"': 0.574,
  '#': 0.59,
  $: 0.59,
  '%': 0.963,
  '&': 0.74,
  "'": 0.325,
  '(': 0.378,
  ')': 0.378,
  '*': 0.507,
  '+': 0.59,
  ',': 0.325,
  '-': 0.37,
  '.': 0.325,
  '/': 0.392,
  '0': 0.59,
  '1': 0.59,
  '2': 0.59,
  '3': 0.59,
  '4': 0.59,
  '5': 0.59,
  '6': 0.59,
  '7': 0.59,
  '8': 0.59,
  '9': 0.59,
  ':': 0.325,
  ';': 0.325,
  '<': 0.59,
  '=': 0.59,
  '>': 0.59,
  '?': 0.514,
  '@': 1.007,
  A: 0.641,
  B: 0.681,
  C: 0.656,
  D: 0.714,
  E: 0.615,
  F: 0.585,
  G: 0.717,
  H: 0.757,
  I: 0.33,
  J: 0.568,
  K: 0.686,
  L: 0.578,
  M: 0.853,
  N: 0.749,
  O: 0.77,
  P: 0.667,
  Q: 0.77,
  R: 0.682,
  S: 0.624,
  T: 0.625,
  U: 0.748,
  V: 0.619,
  W: 0.915,
  X: 0.627,
  Y: 0.58,
  Z: 0.613,
  '[': 0.378,
  '\\': 0.392,
  ']': 0.378,
  '^': 0.59,
  _: 0.567,
  '`': 0.626,
  a: 0.591,
  b: 0.644,
  c: 0.527,
  d: 0.644,
  e: 0.581,
  f: 0.372,
  g: 0.597,
  h: 0.64,
  i: 0.304,
  j: 0.306,
  k: 0.604,
  l: 0.315,
  m: 0.964,
  n: 0.641,
  o: 0.626,
  p: 0.644,
  q: 0.644,
  r: 0.437,
  s: 0.495,
  t: 0.421,
  u: 0.637,
  v: 0.576,
  w: 0.863,
  x: 0.562,
  y: 0.574,
  z: 0.511,
  '{': 0.378,
  '|': 0.296,
  '}': 0.378,
  '~': 0.59,
};

/** Width in em of one string, by code point. */
export function fontWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ASCII_EM[ch] ?? 1;
  return em;
}

/** Width in CSS px at a font size. */
export function fontWidthPx(text: string, fontPx: number): number {
  return fontWidthEm(text) * fontPx;
}
