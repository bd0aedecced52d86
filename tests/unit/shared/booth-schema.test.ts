import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOTH_PATTERN, LIMITS, PostingSchema } from '../../../shared/schemas/posting';
import { toPublicPosting } from '../../../shared/public-posting';
import { PublicPostingSchema } from '../../../shared/schemas/public-posting';
import { makePosting } from '../db/fixtures';

const withBooth = (booth: unknown) => PostingSchema.safeParse({ ...makePosting(), booth });

describe('posting booth', () => {
  it.each([
    ['A12', 'A12'],
    ['a12', 'A12'],
    ['  B-03 ', 'B-03'],
    ['Ａ１２', 'A12'],
    ['2f－a12', '2F-A12'],
    ['\u200BA\u202E12', 'A12'],
    ['ABCD-123', 'ABCD-123'],
    ['7', '7'],
  ])('stores %j as %j', (input, stored) => {
    const parsed = withBooth(input);
    expect(parsed.success && parsed.data.booth).toBe(stored);
  });

  it.each(['', '   ', '\u3000', '\u200B', null, undefined])('treats %j as no booth: the key is absent', (input) => {
    const parsed = withBooth(input);
    expect(parsed.success).toBe(true);
    const json = JSON.parse(JSON.stringify(parsed.success && parsed.data)) as Record<string, unknown>;
    expect(json).not.toHaveProperty('booth');
  });

  it.each(['ABCDEFGHJ', 'A12号', 'A 12', 'A_12', '-A12', 'A12-', '<b>A1', 'A\n12', 12, 'x'.repeat(10_000)])(
    'refuses case %# with a reason naming booth',
    (input) => {
      const parsed = withBooth(input);
      expect(parsed.success).toBe(false);
      expect(!parsed.success && parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['booth']);
    },
  );

  it('never stores more than the limit, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const parsed = withBooth(s);
        if (parsed.success && parsed.data.booth !== undefined) {
          expect(parsed.data.booth.length).toBeLessThanOrEqual(LIMITS.booth);
          expect(parsed.data.booth).toMatch(BOOTH_PATTERN);
        }
      }),
    );
  });

  it('reaches the public shape when set, and is absent there when not', () => {
    const booth = toPublicPosting(PostingSchema.parse({ ...makePosting(), booth: 'c7' }));
    expect(PublicPostingSchema.parse(booth).booth).toBe('C7');
    expect(toPublicPosting(makePosting())).not.toHaveProperty('booth');
  });
});
