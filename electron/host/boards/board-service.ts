import type { Namespace, Socket } from 'socket.io';
import type { Listing } from '../../../shared/schemas/listing';
import type { ScreenProfile, Viewport } from '../../../shared/schemas/screen';
import { ViewportSchema } from '../../../shared/schemas/screen';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { BoardHandshakeSchema, BoardHeartbeatSchema, type BoardClientEvents, type BoardServerEvents, type HallStatus } from '../../../shared/contract';
import { planBoard } from '../../../shared/planner/board-planner';
import type { Logger } from '../util/logger';
import type { MarketPulse } from '../../../shared/pulse/market-pulse';
import type { BandsWanted } from '../../../shared/planner/bottom-band';

/** What the boards need from the store; kept narrow so the service is easy to test. */
export interface BoardDataSource {
  activeListings(now: number): Listing[];
  dataUpdatedAt(): number | null;
  /** Market indices for screens that show the pulse page (optional: absent, no pulse page). */
  pulse?(now: number): MarketPulse | null;
  /** Bottom bands a screen must keep clear now (an urgent banner, the hall notice). */
  bands?(screenId: string, now: number): BandsWanted;
}

/** What one connected board page reported last. */
export interface ScreenPresence {
  socketId: string;
  screenId: string;
  viewport: Viewport | null;
  planId: string | null;
  pageIndex: number | null;
  urgentIds: string[];
  paintedAt: number | null;
  connectedAt: number;
  lastSeenAt: number;
}

interface SocketData {
  screenId: string;
  viewport: Viewport | null;
  lastPlanId: string | null;
}

type BoardSocket = Socket<BoardClientEvents, BoardServerEvents, Record<string, never>, SocketData>;
export type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents, Record<string, never>, SocketData>;

export interface BoardServiceDeps {
  namespace: BoardNamespace;
  screens: () => ScreenProfile[];
  source: BoardDataSource;
  status: () => HallStatus;
  clock: () => number;
  log: Logger;
  /** Plans are re-made at least this often, so expired postings leave on time even offline. */
  refreshEveryMs?: number;
  /** How long a connecting page has to report its viewport (default VIEWPORT_WAIT_MS); tests lengthen it. */
  viewportWaitMs?: number;
}

export interface BoardService {
  /** Postings changed: re-plan every connected board now. */
  dataChanged(): void;
  /** Hall status changed (upstream link, staleness): tell every board. */
  statusChanged(): void;
  presences(): ScreenPresence[];
  /** The plan a screen would show at its configured size (for staff previews and tests). */
  planFor(screenId: string, viewport?: Viewport): BoardPlan | null;
  close(): void;
}

/**
 * A board page reports its viewport as soon as it connects. Planning for the configured size
 * first would query and plan every posting twice per page (about 150 ms each at 10,000
 * postings, for every wall at once after a restart), so the configured-size plan waits this
 * long for a page that never reports one.
 */
export const VIEWPORT_WAIT_MS = 250;

export function createBoardService(deps: BoardServiceDeps): BoardService {
  const { namespace, source, clock, log } = deps;
  const refreshEveryMs = deps.refreshEveryMs ?? 15_000;
  const presence = new Map<string, ScreenPresence>();
  /** Sockets still waiting for their viewport before a first plan. */
  const firstPlan = new Map<string, NodeJS.Timeout>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  function screenById(id: string): ScreenProfile | undefined {
    return deps.screens().find((s) => s.id === id);
  }

  function makePlan(screen: ScreenProfile, viewport: Viewport | null, listings: readonly Listing[], now: number): BoardPlan {
    return planBoard({
      screen,
      ...(viewport ? { viewport } : {}),
      listings,
      now,
      dataUpdatedAt: source.dataUpdatedAt(),
      ...(screen.pulsePage && source.pulse ? { pulse: source.pulse(now) } : {}),
      ...(source.bands ? { bands: source.bands(screen.id, now) } : {}),
    });
  }

  /** One query and one plan per (screen, viewport) however many pages show it. */
  function refresh(): void {
    if (closed) return;
    const now = clock();
    // No board open: nothing to plan (loading 10,000 postings costs ~150 ms per change).
    if (namespace.sockets.size === 0) return schedule([], now);
    const listings = source.activeListings(now);
    const cache = new Map<string, BoardPlan>();
    for (const socket of namespace.sockets.values() as Iterable<BoardSocket>) {
      const screen = screenById(socket.data.screenId);
      if (!screen) continue;
      const key = `${screen.id}@${socket.data.viewport ? `${socket.data.viewport.width}x${socket.data.viewport.height}` : 'configured'}`;
      let plan = cache.get(key);
      if (!plan) {
        plan = makePlan(screen, socket.data.viewport, listings, now);
        cache.set(key, plan);
      }
      sendPlan(socket, plan);
    }
    schedule(listings, now);
  }

  function sendPlan(socket: BoardSocket, plan: BoardPlan): void {
    if (socket.data.lastPlanId === plan.planId) return;
    socket.data.lastPlanId = plan.planId;
    socket.emit('plan', plan);
  }

  /** Next re-plan at the earliest expiry, but never later than refreshEveryMs from now. */
  function schedule(listings: readonly Listing[], now: number): void {
    if (timer) clearTimeout(timer);
    let next = now + refreshEveryMs;
    for (const l of listings) {
      const until = Date.parse(l.validUntil);
      if (until > now && until < next) next = until;
    }
    timer = setTimeout(refresh, Math.max(50, next - now + 5));
    timer.unref();
  }

  function planForSocket(socket: BoardSocket): void {
    const screen = screenById(socket.data.screenId);
    if (!screen) {
      socket.emit('screen-error', { code: 'unknown_screen', message: `screen "${socket.data.screenId}" is not configured` });
      return;
    }
    const now = clock();
    sendPlan(socket, makePlan(screen, socket.data.viewport, source.activeListings(now), now));
  }

  namespace.use((socket, next) => {
    const parsed = BoardHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('board handshake needs auth.screenId (1–32 letters, digits, _ or -)'));
    socket.data = { screenId: parsed.data.screenId, viewport: null, lastPlanId: null };
    next();
  });

  namespace.on('connection', (socket: BoardSocket) => {
    const now = clock();
    presence.set(socket.id, {
      socketId: socket.id,
      screenId: socket.data.screenId,
      viewport: null,
      planId: null,
      pageIndex: null,
      urgentIds: [],
      paintedAt: null,
      connectedAt: now,
      lastSeenAt: now,
    });
    socket.emit('status', deps.status());
    firstPlan.set(
      socket.id,
      setTimeout(() => {
        firstPlan.delete(socket.id);
        planForSocket(socket);
      }, deps.viewportWaitMs ?? VIEWPORT_WAIT_MS),
    );

    socket.on('viewport', (raw) => {
      const parsed = ViewportSchema.safeParse(raw);
      if (!parsed.success) return;
      socket.data.viewport = parsed.data;
      clearTimeout(firstPlan.get(socket.id));
      firstPlan.delete(socket.id);
      const p = presence.get(socket.id);
      if (p) p.viewport = parsed.data;
      planForSocket(socket);
    });

    socket.on('heartbeat', (raw, ack) => {
      const parsed = BoardHeartbeatSchema.safeParse(raw);
      const p = presence.get(socket.id);
      if (parsed.success && p) {
        Object.assign(p, {
          planId: parsed.data.planId,
          pageIndex: parsed.data.pageIndex,
          urgentIds: parsed.data.urgentIds,
          paintedAt: parsed.data.paintedAt,
          lastSeenAt: clock(),
        });
      }
      if (typeof ack === 'function') ack(parsed.success);
    });

    socket.on('disconnect', () => {
      presence.delete(socket.id);
      clearTimeout(firstPlan.get(socket.id));
      firstPlan.delete(socket.id);
    });
    log.debug({ screenId: socket.data.screenId }, 'board connected');
  });

  schedule([], clock());

  return {
    dataChanged: refresh,
    statusChanged() {
      namespace.emit('status', deps.status());
    },
    presences: () => [...presence.values()],
    planFor(screenId, viewport) {
      const screen = screenById(screenId);
      if (!screen) return null;
      const now = clock();
      return makePlan(screen, viewport ?? null, source.activeListings(now), now);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const t of firstPlan.values()) clearTimeout(t);
      firstPlan.clear();
    },
  };
}
