import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBoard } from '../../../shared/planner/board-planner';
import { selectPostings } from '../../../shared/planner/select-postings';
import { ScreenProfileSchema } from '../../../shared/schemas/screen';
import { NOW, postingsArb, screenArb } from './planner-arbitraries';
import { allItems, overflowProblems } from './plan-checks';
import { posting, screen } from './posting-fixture';
import { boothTagText } from '../../../shared/planner/board-labels';
import zh from '../../../renderer/common/locales/zh-CN.json';
import en from '../../../renderer/common/locales/en.json';

const RUNS = 150;

describe('the booth tag', () => {
  it('is the text the planner measures, in both catalogues: 展位 A12, Booth A12', () => {
    expect(boothTagText('A12', 'zh-CN')).toBe('展位 A12');
    expect(zh.board.booth.replace('{{code}}', 'A12')).toBe(boothTagText('A12', 'zh-CN'));
    expect(en.board.booth.replace('{{code}}', 'A12')).toBe(boothTagText('A12', 'en'));
    expect(zh.board.column.booth).toBe('展位');
  });
});

describe('boothFirst', () => {
  it('is an optional boolean on a screen', () => {
    const base = screen();
    expect(ScreenProfileSchema.parse({ ...base, boothFirst: true }).boothFirst).toBe(true);
    expect(ScreenProfileSchema.parse(base).boothFirst).toBeUndefined();
    expect(ScreenProfileSchema.safeParse({ ...base, boothFirst: 'yes' }).success).toBe(false);
  });

  it('puts the postings with a booth first, each part in the usual order', () => {
    const list = [
      posting('plain-urgent', { urgent: true }),
      posting('booth-old', { booth: 'A1', validFrom: new Date(NOW - 40 * 3600_000).toISOString() }),
      posting('plain-daily', { settlement: 'daily' }),
      posting('booth-daily', { booth: 'B2', settlement: 'daily' }),
    ];
    const ids = (boothFirst: boolean) =>
      selectPostings(list, { occupations: [], districts: [] }, NOW, { boothFirst }).map((s) => s.posting.id);
    expect(ids(false)).toEqual(['plain-urgent', 'booth-daily', 'plain-daily', 'booth-old']);
    expect(ids(true)).toEqual(['booth-daily', 'booth-old', 'plain-urgent', 'plain-daily']);
  });

  it('for any postings and screen: the same postings as without it, booths first, each part in the screen’s usual order, and every box fits', () => {
    fc.assert(
      fc.property(postingsArb(60), screenArb, (postings, s) => {
        const usual = allItems(planBoard({ postings, screen: s, now: NOW, dataUpdatedAt: NOW })).map((i) => i.id);
        const plan = planBoard({ postings, screen: { ...s, boothFirst: true }, now: NOW, dataUpdatedAt: NOW });
        const hasBooth = new Set(postings.filter((p) => p.booth).map((p) => p.id));
        const expected = [...usual.filter((id) => hasBooth.has(id)), ...usual.filter((id) => !hasBooth.has(id))];
        expect(allItems(plan).map((i) => i.id)).toEqual(expected);
        expect(overflowProblems(plan)).toEqual([]);
        // every booth shown whole, on every layout
        for (const it of allItems(plan)) expect(it.booth).toBe(postings.find((p) => p.id === it.id)!.booth);
      }),
      { numRuns: RUNS },
    );
  });
});
