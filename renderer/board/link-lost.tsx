/** Shows the "disconnected from host" indicator only once the link has been down for 30 s. */
import { useCallback } from 'react';
import type { ServerClock } from '../common/server-clock';
import { useNow } from '../common/use-now';
import { LinkLostIndicator } from './board-notices';

export const LINK_LOST_AFTER_MS = 30_000;

export function LinkLost({ lostAt, clock, locale }: { lostAt: number | null; clock: ServerClock; locale: string }) {
  const localNow = useCallback(() => Date.now(), []);
  const now = useNow(localNow, 1000);
  if (lostAt === null || now - lostAt < LINK_LOST_AFTER_MS) return null;
  // lostAt is local time; show it on the host's clock like everything else on the wall.
  return <LinkLostIndicator since={lostAt + clock.skewMs} locale={locale} />;
}
