/**
 * The board's alerts: urgent postings, the notice line and the emergency message (validated),
 * plus identify and reload requests from staff. Expired items leave on time by the host's
 * clock even when the host is unreachable.
 */
import { useEffect, useState } from 'react';
import type { BoardAlerts, Identify } from '../../shared/schemas/urgent';
import { BOARD_SERVER_EVENTS } from '../../shared/api/board-events';
import { pageLog } from '../common/page-log';
import type { ServerClock } from '../common/server-clock';
import { listenAll } from '../common/use-namespace-socket';
import type { BoardSocket } from './use-board-link';

const log = pageLog('useAlerts');

export interface AlertsState {
  alerts: BoardAlerts;
  identify: Identify | null;
}

const NONE: BoardAlerts = { urgent: [], notice: null, emergency: null };

function withoutExpired(alerts: BoardAlerts, now: number): BoardAlerts {
  const urgent = alerts.urgent.filter((u) => u.expiresAt > now);
  const notice =
    alerts.notice && (alerts.notice.expiresAt === null || alerts.notice.expiresAt > now) ? alerts.notice : null;
  if (urgent.length === alerts.urgent.length && notice === alerts.notice) return alerts;
  return { ...alerts, urgent, notice };
}

function nextEnd(alerts: BoardAlerts, now: number, identify: Identify | null): number | null {
  const ends = [
    ...alerts.urgent.map((u) => u.expiresAt),
    alerts.notice?.expiresAt ?? Infinity,
    identify?.until ?? Infinity,
  ].filter((t) => t > now);
  const next = Math.min(...ends);
  return Number.isFinite(next) ? next : null;
}

export function useAlerts(socket: BoardSocket | null, clock: ServerClock): AlertsState {
  const [received, setReceived] = useState<BoardAlerts>(NONE);
  const [identify, setIdentify] = useState<Identify | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!socket) return undefined;
    const onAlerts = (raw: unknown) => {
      const parsed = BOARD_SERVER_EVENTS.alerts.safeParse(raw);
      if (!parsed.success) {
        log.error('alerts failed validation', parsed.error.issues.slice(0, 5));
        return;
      }
      setReceived(parsed.data);
    };
    const onIdentify = (raw: unknown) => {
      const parsed = BOARD_SERVER_EVENTS.identify.safeParse(raw);
      if (parsed.success) setIdentify(parsed.data);
    };
    const onReload = () => window.location.reload();
    return listenAll(socket, [
      ['alerts', onAlerts],
      ['identify', onIdentify],
      ['reload', onReload],
    ]);
  }, [socket]);

  const now = clock.now();
  const alerts = withoutExpired(received, now);
  const shownIdentify = identify && identify.until > now ? identify : null;

  // Wake up at the next expiry (posting, notice or identify flash) to take it down on time.
  const end = nextEnd(received, now, identify);
  useEffect(() => {
    if (end === null) return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(Math.max(20, end - clock.now() + 10), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [end, clock, tick]);

  return { alerts, identify: shownIdentify };
}
