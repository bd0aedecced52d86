/**
 * What makes something on a board "new", so that a live change animates only what it changed.
 *
 * A showing is one page being up. A new plan (every live change) continues the showing on
 * screen when it still shows the same postings there: the page does not replay its transition.
 * Time moving the rotation on to another page of the same plan starts a new showing.
 *
 * Within a showing each card (or table row) is keyed by its posting id and a hash of what it
 * shows, so React remounts — and the board animates — only a card whose content changed.
 */
import { useEffect, useRef } from 'react';
import type { BoardItem, BoardPage } from '../../shared/schemas/board-plan';
import { planHash } from '../../shared/planner/plan-hash';

const keys = new WeakMap<BoardItem, string>();

/** `id:hash` of the posting's drawn content; the same while nothing on the card changes. */
export function itemKey(item: BoardItem): string {
  let key = keys.get(item);
  if (key === undefined) {
    key = `${item.id}:${planHash(JSON.stringify(item))}`;
    keys.set(item, key);
  }
  return key;
}

export interface Showing {
  planId: string;
  page: BoardPage;
}

/** True when `next` is the page already on screen (so it must not replay the page transition). */
export function continuesShowing(prev: Showing, next: Showing): boolean {
  if (prev.planId === next.planId) return prev.page.index === next.page.index;
  if (prev.page.pulse && next.page.pulse) return true;
  const ids = new Set(prev.page.items.map((i) => i.id));
  return next.page.items.some((i) => ids.has(i.id));
}

/**
 * False during a component's first render, true after it: a card (or row) mounted after its
 * page was first drawn came by a live change.
 */
export function useMountedRef(): { readonly current: boolean } {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  return mounted;
}
