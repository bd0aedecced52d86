import { describe, expect, it } from 'vitest';
import { stripInvisible } from '../../../shared/schemas/invisible-text';
import { PostingSchema } from '../../../shared/schemas/posting';
import { NoticeInputSchema, UrgentInputSchema } from '../../../shared/schemas/urgent';
import { DEFAULT_SCREEN, ScreenProfileSchema } from '../../../shared/schemas/screen';
import { SignupNameSchema } from '../../../shared/schemas/signup';
import { AccountInputSchema } from '../../../shared/staff-contract';
import { makePosting } from '../db/fixtures';

const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
];

describe('invisible bidi and zero-width characters', () => {
  it('are removed, each of them, and nothing else', () => {
    for (const c of CONTROLS) expect(stripInvisible(`急${c}招`)).toBe('急招');
    expect(stripInvisible('急招 · 搬运工 (日结) ✓')).toBe('急招 · 搬运工 (日结) ✓');
  });

  it('are stripped by every schema of displayed text before its other checks', () => {
    const posting = PostingSchema.parse({
      ...makePosting(),
      title: '\u202E急招\u200B叉车司机',
      employerName: '\u2066顺达\uFEFF',
      description: '包\u200D午餐',
    });
    expect([posting.title, posting.employerName, posting.description]).toEqual(['急招叉车司机', '顺达', '包午餐']);
    // a title of nothing but controls is empty, hence refused
    expect(PostingSchema.safeParse({ ...makePosting(), title: '\u202E\u200B' }).success).toBe(false);
    expect(UrgentInputSchema.parse({ title: '\u202E急招', expiresAt: '2026-12-31T18:00:00+08:00' }).title).toBe('急招');
    expect(NoticeInputSchema.parse({ text: '\u2067今日闭馆' }).text).toBe('今日闭馆');
    expect(ScreenProfileSchema.parse({ ...DEFAULT_SCREEN, name: '大厅\u200B主屏' }).name).toBe('大厅主屏');
    expect(AccountInputSchema.parse({ name: '王\u202E主任', pin: '271828' }).name).toBe('王主任');
    // a person's name at the kiosk takes letters only: a control is refused there
    expect(SignupNameSchema.safeParse('张\u202E三').success).toBe(false);
  });
});
