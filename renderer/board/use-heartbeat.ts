/**
 * Tells the host what this screen is showing: every 5 s, and right after each page or plan
 * change once it has been painted, so staff see delivery per screen and benchmarks can
 * measure push-to-paint latency. Also mirrors it on `window.__hallBoard`.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { BoardHeartbeat } from '../../shared/contract';
import type { ServerClock } from '../common/server-clock';
import { publishProbe } from './board-globals';
import type { BoardSocket } from './use-board-link';

const HEARTBEAT_EVERY_MS = 5000;
const ACK_TIMEOUT_MS = 4000;

export function useHeartbeat(
  socket: BoardSocket | null,
  clock: ServerClock,
  /** Urgent ids painted on this page (urgent-layer.tsx reports them after their frame). */
  urgentIds: readonly string[] = [],
): (planId: string, pageIndex: number) => void {
  const last = useRef<BoardHeartbeat | null>(null);
  const urgent = useRef<string[]>([...urgentIds]);

  const send = useCallback(() => {
    const beat = last.current;
    if (!socket || !socket.connected || !beat) return;
    // An unacked beat is simply superseded by the next one; the host keeps only the latest.
    socket.timeout(ACK_TIMEOUT_MS).emit('heartbeat', beat, () => undefined);
  }, [socket]);

  useEffect(() => {
    if (!socket) return undefined;
    const timer = setInterval(send, HEARTBEAT_EVERY_MS);
    socket.on('connect', send);
    return () => {
      clearInterval(timer);
      socket.off('connect', send);
    };
  }, [socket, send]);

  // The urgent layer reports after the frame that painted them: confirm to the host at once.
  const urgentKey = urgentIds.join(',');
  useEffect(() => {
    urgent.current = urgentKey === '' ? [] : urgentKey.split(',');
    const beat = last.current;
    if (!beat) return;
    last.current = { ...beat, urgentIds: urgent.current, paintedAt: Math.round(clock.now()) };
    send();
  }, [urgentKey, clock, send]);

  return useCallback(
    (planId: string, pageIndex: number) => {
      // rAF runs just before the frame is drawn; the task queued from it runs just after.
      requestAnimationFrame(() => {
        setTimeout(() => {
          const paintedAt = Math.round(clock.now());
          last.current = { planId, pageIndex, urgentIds: urgent.current, paintedAt };
          publishProbe({ planId, pageIndex, paintedAt, skewMs: clock.skewMs });
          send();
        }, 0);
      });
    },
    [clock, send],
  );
}
