/** Whether the link to the host has been down long enough (30 s) to say so on the wall. */
import { useCallback } from 'react';
import { useNow } from '../common/use-now';

export const LINK_LOST_AFTER_MS = 30_000;

export function useLinkLost(lostAt: number | null): boolean {
  const localNow = useCallback(() => Date.now(), []);
  // Only tick while the link is down; a connected board never re-renders for this.
  const now = useNow(localNow, lostAt === null ? 3_600_000 : 1000);
  return lostAt !== null && now - lostAt >= LINK_LOST_AFTER_MS;
}
