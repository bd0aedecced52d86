import { describe, expect, it } from 'vitest';
import { continuesShowing, itemKey } from '../../../renderer/board/live-keys';
import type { BoardItem, BoardPage } from '../../../shared/schemas/board-plan';
import { toBoardItem } from '../../../shared/planner/board-items';
import type { SelectedPosting } from '../../../shared/planner/select-postings';
import { makePosting } from '../db/fixtures';

const NOW = Date.parse('2026-12-02T08:00:00Z');
const item = (id: string, title = '叉车司机'): BoardItem => {
  const posting = makePosting({ id, title });
  const selected: SelectedPosting = { posting, validFromMs: Date.parse(posting.validFrom) };
  return toBoardItem(selected, NOW, 'zh-CN', '电话请到服务窗口咨询');
};
const page = (index: number, items: BoardItem[]): BoardPage => ({
  index,
  startMs: index * 10_000,
  dwellMs: 10_000,
  items,
});

describe('live keys: what a live change animates', () => {
  it('keys a card by its posting and what it shows', () => {
    const a = item('a');
    expect(itemKey(a)).toBe(itemKey(item('a')));
    expect(itemKey(a).startsWith('a:')).toBe(true);
    expect(itemKey(item('a', '电焊工'))).not.toBe(itemKey(a));
    expect(itemKey(item('b'))).not.toBe(itemKey(a));
  });

  it('a new plan continues the showing while the page shows some of the same postings', () => {
    const shown = { planId: 'p1', page: page(0, [item('a'), item('b')]) };
    expect(continuesShowing(shown, { planId: 'p2', page: page(0, [item('a', '电焊工'), item('b')]) })).toBe(true);
    expect(continuesShowing(shown, { planId: 'p2', page: page(3, [item('b'), item('c')]) })).toBe(true);
    expect(continuesShowing(shown, { planId: 'p2', page: page(0, [item('c'), item('d')]) })).toBe(false);
  });

  it('the same plan starts a new showing when time brings another page up', () => {
    const shown = { planId: 'p1', page: page(0, [item('a')]) };
    expect(continuesShowing(shown, { planId: 'p1', page: page(1, [item('a')]) })).toBe(false);
    expect(continuesShowing(shown, { planId: 'p1', page: page(0, [item('a')]) })).toBe(true);
  });
});
