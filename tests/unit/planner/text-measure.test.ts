import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitText, textWidthEm, textWidthPx } from '../../../shared/planner/text-measure';
import { fontWidthEm } from '../../support/text-width-model';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text measure', () => {
  it('counts CJK as one em and digits as 0.6 em', () => {
    expect(textWidthEm('叉车司机')).toBe(4);
    expect(textWidthEm('300')).toBeCloseTo(1.8, 9);
    expect(textWidthPx('300元/天', 40)).toBe(Math.ceil((1.8 + 2 + 0.75) * 40));
  });

  it('never estimates a printable ASCII character narrower than the bundled font draws it', () => {
    const narrow = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((ch) => textWidthEm(ch) < fontWidthEm(ch));
    expect(narrow).toEqual([]);
    // and CJK, the marks boards draw, the ellipsis: a full em, which none of them exceeds
    for (const ch of ['叉', '（', '…', '·', '–', '—', '✓', '◆', '\u3000']) expect(textWidthEm(ch)).toBeGreaterThanOrEqual(fontWidthEm(ch));
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
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 16, max: 200 }), (text, box, font) => {
        const cut = fitText(text, box, font);
        expect(textWidthPx(cut, font)).toBeLessThanOrEqual(box);
        if (cut !== text && cut !== '') {
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
          expect(LONE_SURROGATE.test(cut)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
