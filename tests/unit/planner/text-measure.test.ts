import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fitText,
  largestFittingPx,
  textWidthEm,
  textWidthPx,
  wrappedLineCount,
} from '../../../shared/planner/text-measure';
import { fontWidthEm } from '../../support/text-width-model';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text measure', () => {
  it('counts CJK as one em and digits as 0.6 em', () => {
    expect(textWidthEm('叉车司机')).toBe(4);
    expect(textWidthEm('300')).toBeCloseTo(1.8, 9);
    expect(textWidthPx('300元/天', 40)).toBe(Math.ceil((1.8 + 2 + 0.75) * 40));
  });

  it('never estimates a printable ASCII character narrower than the bundled font draws it', () => {
    const narrow = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
      (ch) => textWidthEm(ch) < fontWidthEm(ch),
    );
    expect(narrow).toEqual([]);
    // and CJK, the marks boards draw, the ellipsis: a full em, which none of them exceeds
    for (const ch of ['叉', '（', '…', '·', '–', '—', '✓', '◆', '\u3000'])
      expect(textWidthEm(ch)).toBeGreaterThanOrEqual(fontWidthEm(ch));
  });

  it('leaves text that fits untouched', () => {
    expect(fitText('叉车司机', 4 * 30, 30)).toBe('叉车司机');
  });

  it('cuts with an ellipsis to the longest prefix that fits', () => {
    expect(fitText('保洁阿姨长期招聘', 4 * 30, 30)).toBe('保洁阿…');
    expect(fitText('保洁阿姨', 10, 30)).toBe('');
  });

  it('never returns text wider than the box, never splits a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 16, max: 200 }),
        (text, box, font) => {
          const cut = fitText(text, box, font);
          expect(textWidthPx(cut, font)).toBeLessThanOrEqual(box);
          if (cut !== text && cut !== '') {
            expect(cut.endsWith('…')).toBe(true);
            expect(text.startsWith(cut.slice(0, -1))).toBe(true);
            expect(LONE_SURROGATE.test(cut)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('wraps CJK between any two characters but never starts a line with a comma', () => {
    expect(wrappedLineCount('一二三四', 200, 100)).toBe(2);
    expect(wrappedLineCount('一二三，', 300, 100)).toBe(2);
    // the comma stays with 三, so 三， moves down together
    expect(wrappedLineCount('一二三，四', 300, 100)).toBe(2);
    expect(wrappedLineCount('一二三，四五', 300, 100)).toBe(3);
  });

  it('keeps a Latin word whole on its line and cuts one wider than the box', () => {
    // "CNC" is 2.34 em, the space 0.3: "叉车 CNC" (4.64 em) does not fit 4 em, so CNC moves down
    expect(wrappedLineCount('叉车 CNC', 400, 100)).toBe(2);
    expect(wrappedLineCount('MMMMMMMM', 404, 100)).toBe(2);
  });

  it('finds the largest size that keeps a title in its lines, between the floor and the cap', () => {
    // 27 CJK characters in two lines of 1868 px: 14 a line, so 1868 / 14 = 133.4 → 133 px
    const title = '紧急招聘高新区电子厂夜班普工二十名包吃包住月结五千元以';
    expect(Array.from(title)).toHaveLength(27);
    expect(largestFittingPx(title, 1868, 2, 216, 33)).toBe(133);
    expect(largestFittingPx('叉车司机', 1868, 2, 216.4, 33)).toBe(216);
    expect(largestFittingPx(title, 100, 1, 216, 33)).toBe(33);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 1, max: 3 }),
        (text, width, lines) => {
          const px = largestFittingPx(text, width, lines, 300, 16);
          expect(px).toBeGreaterThanOrEqual(16);
          expect(px).toBeLessThanOrEqual(300);
          if (px > 16) expect(wrappedLineCount(text, width, px)).toBeLessThanOrEqual(lines);
          if (px < 300 && px > 16) expect(wrappedLineCount(text, width, px + 1)).toBeGreaterThan(lines);
        },
      ),
    );
  });
});
