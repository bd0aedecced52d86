/**
 * The board's side of the host contract: joins `/board` with its screen id, reports its
 * viewport (on connect and, debounced, on resize), and validates what the host sends. It takes
 * live changes as patches (`auth.planPatch`): the host sends the whole plan on connect and a
 * `plan-patch` from the plan this page holds for each change; a patch that does not fit (a
 * missed one, a reconnect) makes the page ask for the whole plan again (`plan-resync`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { ErrorBody, HallStatus } from '../../shared/contract';
import {
  BOARD_NAMESPACE,
  BOARD_SERVER_EVENTS,
  type BoardClientEvents,
  type BoardServerEvents,
} from '../../shared/api/board-events';
import type { BoardPlan } from '../../shared/schemas/board-plan';
import { applyPlanPatch } from '../../shared/planner/plan-patch';
import { ViewportSchema } from '../../shared/schemas/screen';
import { pageLog } from '../common/page-log';
import type { ServerClock } from '../common/server-clock';
import { listenAll, useNamespaceSocket } from '../common/use-namespace-socket';
import { storedDeviceToken, storeDeviceToken } from './board-pairing';

const log = pageLog('useBoardLink');

const RESIZE_DEBOUNCE_MS = 300;

export type BoardSocket = Socket<BoardServerEvents, BoardClientEvents>;

export interface BoardLink {
  socket: BoardSocket | null;
  plan: BoardPlan | null;
  status: HallStatus | null;
  screenError: ErrorBody['error'] | null;
  /** The last plan the host sent failed validation (the previous plan, if any, stays up). */
  badPlan: boolean;
  connected: boolean;
  lostAt: number | null;
  /** Bumps whenever the clock skew changes, so time-derived state recomputes. */
  clockEpoch: number;
  /** Why the host refused this page (`pairing_required`: a LAN page must pair first), or null. */
  refusal: string | null;
  /** A pairing was approved: connect again with the device token. */
  paired: (token: string) => void;
}

function currentViewport() {
  const parsed = ViewportSchema.safeParse({
    width: Math.round(window.innerWidth),
    height: Math.round(window.innerHeight),
  });
  return parsed.success ? parsed.data : null;
}

/** A page refused for too many open pages tries again after this long. */
const REFUSED_RETRY_MS = 15_000;

export function useBoardLink(screenId: string | null, clock: ServerClock): BoardLink {
  const [deviceToken, setDeviceToken] = useState<string | null>(() =>
    screenId === null ? null : storedDeviceToken(screenId),
  );
  const [refusal, setRefusal] = useState<string | null>(null);
  const auth = screenId === null ? null : { screenId, planPatch: true, ...(deviceToken ? { deviceToken } : {}) };
  const { socket, connected, lostAt } = useNamespaceSocket<BoardServerEvents, BoardClientEvents>(BOARD_NAMESPACE, auth);
  const [plan, setPlanState] = useState<BoardPlan | null>(null);
  // the plan patches apply to, as soon as it is set (events can come before the next render)
  const held = useRef<BoardPlan | null>(null);
  const setPlan = useCallback((next: BoardPlan) => {
    held.current = next;
    setPlanState(next);
  }, []);
  const [status, setStatus] = useState<HallStatus | null>(null);
  const [screenError, setScreenError] = useState<ErrorBody['error'] | null>(null);
  const [badPlan, setBadPlan] = useState(false);
  const [clockEpoch, setClockEpoch] = useState(0);

  useEffect(() => {
    if (!socket) return undefined;
    const sendViewport = () => {
      const viewport = currentViewport();
      if (viewport && socket.connected) socket.emit('viewport', viewport);
    };
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(sendViewport, RESIZE_DEBOUNCE_MS);
    };
    const onPlan = (raw: unknown) => {
      const parsed = BOARD_SERVER_EVENTS.plan.safeParse(raw);
      if (!parsed.success) {
        log.error('plan failed validation', parsed.error.issues.slice(0, 5));
        setBadPlan(true);
        return;
      }
      setBadPlan(false);
      setScreenError(null);
      setPlan(parsed.data);
    };
    const onPatch = (raw: unknown) => {
      const parsed = BOARD_SERVER_EVENTS['plan-patch'].safeParse(raw);
      const base = held.current;
      if (!parsed.success) log.error('plan patch failed validation', parsed.error.issues.slice(0, 5));
      if (parsed.success && base && parsed.data.basePlanId === base.planId) {
        try {
          setPlan(applyPlanPatch(base, parsed.data));
          setBadPlan(false);
          setScreenError(null);
          return;
        } catch (error) {
          log.error('plan patch did not fit', String(error));
        }
      }
      // not for the plan this page holds: ask for the whole plan
      socket.emit('plan-resync', { have: base?.planId ?? null });
    };
    const onStatus = (raw: unknown) => {
      const parsed = BOARD_SERVER_EVENTS.status.safeParse(raw);
      if (!parsed.success) {
        log.error('status failed validation', parsed.error.issues.slice(0, 5));
        return;
      }
      const before = clock.skewMs;
      const after = clock.sync(parsed.data.serverNow);
      // Re-plan deadlines only for a real change; network jitter of a few ms is not one.
      if (Math.abs(after - before) > 50) setClockEpoch((n) => n + 1);
      setStatus(parsed.data);
    };
    const onScreenError = (error: ErrorBody['error']) => {
      setScreenError({ code: String(error?.code ?? 'unknown'), message: String(error?.message ?? '') });
    };
    // The host refuses a LAN page that is not paired (or no longer): show a pairing code.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onRefused = (error: Error & { data?: { code?: unknown } }) => {
      const code = typeof error.data?.code === 'string' ? error.data.code : null;
      if (code === null) return;
      if ((code === 'pairing_required' || code === 'device_other_screen') && screenId !== null) {
        storeDeviceToken(screenId, null);
        setRefusal('pairing_required');
        return;
      }
      setRefusal(code);
      retry = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
    };
    const onConnected = () => setRefusal(null);
    const unlisten = listenAll(socket, [
      ['connect_error', onRefused],
      ['connect', onConnected],
      ['connect', sendViewport],
      ['plan', onPlan],
      ['plan-patch', onPatch],
      ['status', onStatus],
      ['screen-error', onScreenError],
    ]);
    window.addEventListener('resize', onResize);
    if (socket.connected) sendViewport();
    return () => {
      clearTimeout(resizeTimer);
      clearTimeout(retry);
      unlisten();
      window.removeEventListener('resize', onResize);
    };
  }, [socket, clock, screenId, setPlan]);

  const paired = useCallback((token: string) => {
    setDeviceToken(token);
    setRefusal(null);
  }, []);

  return { socket, plan, status, screenError, badPlan, connected, lostAt, clockEpoch, refusal, paired };
}
