/**
 * Puts urgent postings, the notice line and the emergency message on the boards, and keeps
 * the proof of delivery: each board page confirms in its heartbeat which urgent ids it has
 * painted; a page that has not confirmed a posting within CONFIRM_WITHIN_MS is sent it again
 * (with back-off) and flagged for staff.
 *
 * It listens on the same `/board` namespace as the board service, as a second set of
 * handlers, so plans and alerts stay separate concerns.
 */
import type { Socket } from 'socket.io';
import { BoardHeartbeatSchema } from '../../../shared/contract';
import { TAKEOVER_EVERY_MS, TAKEOVER_MS, type BoardAlerts } from '../../../shared/schemas/urgent';
import type { Posting } from '../../../shared/schemas/posting';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import { urgentContact } from '../../../shared/urgent-contact';
import { maskedPhoneText } from '../../../shared/planner/hall-line';
import type { ScreenProfile } from '../../../shared/schemas/screen';
import type { DeliveryCell } from '../../../shared/staff-contract';
import type { BoardNamespace } from '../boards/board-service';
import type { Logger } from '../util/logger';
import type { AnnouncementStore } from './announcement-store';
import type { UrgentRecord, UrgentStore } from './urgent-store';
import type { BandsWanted } from '../../../shared/planner/bottom-band';

/** A page that has not confirmed a posting this long after it was sent gets it again. */
export const CONFIRM_WITHIN_MS = 2000;
const MAX_RETRY_GAP_MS = 30_000;
const IDENTIFY_MS = 10_000;
/** Re-plan delay after alerts change (well inside the first seconds of a takeover). */
const REPLAN_AFTER_MS = 1_000;

interface PageState {
  socketId: string;
  screenId: string;
  /** urgent id → when it was (last) sent to this page. */
  sentAt: Map<string, number>;
  /** urgent id → host ms of the first heartbeat that showed it painted. */
  since: Map<string, number>;
  retries: Map<string, number>;
}

type AnySocket = Socket & { data: { screenId: string } };

export interface BoardAlertsDeps {
  namespace: BoardNamespace;
  screens: () => ScreenProfile[];
  urgent: UrgentStore;
  announcements: AnnouncementStore;
  clock: () => number;
  log: Logger;
  /** How often unconfirmed deliveries are checked; tests may shorten it. */
  checkEveryMs?: number;
  /** After every push: the boards re-plan, since a banner or notice takes room at the bottom. */
  onPushed?: () => void;
  /** The posting an urgent posting names (`listingId`), for the pay and phone its banner shows. */
  postingFor?: (id: string) => Posting | undefined;
  /** The hall's words (masked-phone sentence) and how often the takeover comes back. */
  hall?: HallProfile;
}

export interface BoardAlertsService {
  /** Something changed (posting created, retracted, from the hub, notice, emergency): tell every page. */
  pushAll(): void;
  /** Whether a screen shows an urgent banner or the notice line now (its plan keeps room). */
  bandsFor(screenId: string, now: number): BandsWanted;
  delivery(record: UrgentRecord): DeliveryCell[];
  identify(screenId: string): number;
  reload(screenId: string): number;
  close(): void;
}

export function targets(record: Pick<UrgentRecord, 'screens'>, screenId: string): boolean {
  return record.screens === null || record.screens.includes(screenId);
}

export function createBoardAlerts(deps: BoardAlertsDeps): BoardAlertsService {
  const { namespace, urgent, announcements, clock, log } = deps;
  const pages = new Map<string, PageState>();
  let expiryTimer: NodeJS.Timeout | null = null;

  const everyS = deps.hall?.urgentTakeoverEveryS;
  const takeover = { everyMs: everyS === undefined ? TAKEOVER_EVERY_MS : everyS * 1000, forMs: TAKEOVER_MS };

  function alertsFor(screenId: string, live: readonly UrgentRecord[], now: number): BoardAlerts {
    const locale = deps.screens().find((s) => s.id === screenId)?.locale ?? 'zh-CN';
    return {
      urgent: live
        .filter((r) => targets(r, screenId))
        .map(({ id, title, body, listingId, createdAt, expiresAt }) => {
          const posting = listingId ? deps.postingFor?.(listingId) : undefined;
          const contact = urgentContact({ body }, posting, locale, maskedPhoneText(deps.hall, locale));
          return { id, title, body, listingId, createdAt, expiresAt, ...contact };
        }),
      notice: announcements.get('notice', now),
      emergency: announcements.get('emergency', now),
      takeover,
    };
  }

  function sockets(): AnySocket[] {
    return [...(namespace.sockets.values() as Iterable<AnySocket>)];
  }

  function sendTo(socket: AnySocket, alerts: BoardAlerts, now: number): void {
    const page = pages.get(socket.id);
    if (page) {
      for (const u of alerts.urgent) if (!page.sentAt.has(u.id)) page.sentAt.set(u.id, now);
    }
    socket.emit('alerts', alerts);
  }

  function pushAll(): void {
    const now = clock();
    const live = urgent.live(now);
    const byScreen = new Map<string, BoardAlerts>();
    for (const socket of sockets()) {
      const screenId = socket.data.screenId;
      let alerts = byScreen.get(screenId);
      if (!alerts) {
        alerts = alertsFor(screenId, live, now);
        byScreen.set(screenId, alerts);
      }
      sendTo(socket, alerts, now);
    }
    scheduleExpiry(live, now);
    scheduleReplan();
  }

  /** Boards drop expired postings by themselves; this re-sends so heartbeats and lists agree. */
  /**
   * The plans that make room for the banner follow a second later: a new posting takes over the
   * whole screen first anyway, and re-drawing every board in the same frame as the takeover
   * doubled the time to paint it (urgent bench p50 43 -> 119 ms).
   */
  let replanTimer: NodeJS.Timeout | null = null;
  function scheduleReplan(): void {
    if (!deps.onPushed || replanTimer) return;
    replanTimer = setTimeout(() => {
      replanTimer = null;
      deps.onPushed?.();
    }, REPLAN_AFTER_MS);
    replanTimer.unref();
  }

  function scheduleExpiry(live: readonly UrgentRecord[], now: number): void {
    if (expiryTimer) clearTimeout(expiryTimer);
    const notice = announcements.get('notice', now);
    const ends = [...live.map((r) => r.expiresAt), ...(notice?.expiresAt ? [notice.expiresAt] : [])].filter(
      (t) => t > now,
    );
    if (ends.length === 0) return;
    expiryTimer = setTimeout(pushAll, Math.min(Math.max(50, Math.min(...ends) - now + 20), 2 ** 31 - 1));
    expiryTimer.unref();
  }

  /** Re-sends to every page that has not confirmed a live posting in time. */
  function checkDeliveries(): void {
    const now = clock();
    const live = urgent.live(now);
    if (live.length === 0) return;
    for (const socket of sockets()) {
      const page = pages.get(socket.id);
      if (!page) continue;
      let resend = false;
      for (const r of live) {
        if (!targets(r, page.screenId) || page.since.has(r.id)) continue;
        const sentAt = page.sentAt.get(r.id);
        const retries = page.retries.get(r.id) ?? 0;
        const gap = Math.min(MAX_RETRY_GAP_MS, CONFIRM_WITHIN_MS * 2 ** retries);
        if (sentAt === undefined || now - sentAt >= gap) {
          page.retries.set(r.id, retries + 1);
          page.sentAt.set(r.id, now);
          resend = true;
          log.warn(
            { urgentId: r.id, screenId: page.screenId, retries: retries + 1 },
            'urgent posting not confirmed by a board page; sending it again',
          );
        }
      }
      if (resend) socket.emit('alerts', alertsFor(page.screenId, live, now));
    }
  }
  const checkTimer = setInterval(checkDeliveries, deps.checkEveryMs ?? 500);
  checkTimer.unref();

  namespace.on('connection', (socket) => {
    const s = socket as unknown as AnySocket;
    const page: PageState = {
      socketId: s.id,
      screenId: s.data.screenId,
      sentAt: new Map(),
      since: new Map(),
      retries: new Map(),
    };
    pages.set(s.id, page);
    const now = clock();
    sendTo(s, alertsFor(page.screenId, urgent.live(now), now), now);

    s.on('heartbeat', (raw: unknown) => {
      const parsed = BoardHeartbeatSchema.safeParse(raw);
      if (!parsed.success) return;
      // A page can confirm only what it was sent: an id it never got proves nothing.
      const shown = new Set(parsed.data.urgentIds.filter((id) => page.sentAt.has(id)));
      for (const id of shown) if (!page.since.has(id)) page.since.set(id, Math.min(parsed.data.paintedAt, clock()));
      // A posting the page no longer paints (taken down by an emergency, reload) must confirm again.
      for (const id of [...page.since.keys()]) if (!shown.has(id)) page.since.delete(id);
    });
    s.on('disconnect', () => pages.delete(s.id));
  });

  function screenName(id: string): string {
    return deps.screens().find((s) => s.id === id)?.name ?? id;
  }

  function emitToScreen(screenId: string, emit: (socket: AnySocket) => void): number {
    let n = 0;
    for (const socket of sockets()) {
      if (socket.data.screenId !== screenId) continue;
      emit(socket);
      n++;
    }
    return n;
  }

  return {
    pushAll,
    bandsFor(screenId, now) {
      return {
        urgent: urgent.live(now).some((r) => targets(r, screenId)),
        notice: announcements.get('notice', now) !== null,
      };
    },
    delivery(record) {
      const cells: DeliveryCell[] = [];
      const withPage = new Set<string>();
      for (const page of pages.values()) {
        if (!targets(record, page.screenId)) continue;
        withPage.add(page.screenId);
        const retries = page.retries.get(record.id) ?? 0;
        const since = page.since.get(record.id) ?? null;
        cells.push({
          screenId: page.screenId,
          screenName: screenName(page.screenId),
          pageId: page.socketId,
          online: true,
          showingSince: since,
          retries,
          flagged: since === null && retries > 0,
        });
      }
      // Configured screens with no page open cannot confirm anything: show them as such.
      for (const screen of deps.screens()) {
        if (withPage.has(screen.id) || !targets(record, screen.id)) continue;
        cells.push({
          screenId: screen.id,
          screenName: screen.name,
          pageId: null,
          online: false,
          showingSince: null,
          retries: 0,
          flagged: true,
        });
      }
      return cells.sort(
        (a, b) =>
          a.screenId.localeCompare(b.screenId, 'en', { numeric: true }) ||
          (a.pageId ?? '').localeCompare(b.pageId ?? ''),
      );
    },
    identify(screenId) {
      const until = clock() + IDENTIFY_MS;
      return emitToScreen(screenId, (s) => s.emit('identify', { name: screenName(screenId), screenId, until }));
    },
    reload: (screenId) => emitToScreen(screenId, (s) => s.emit('reload')),
    close() {
      clearInterval(checkTimer);
      if (expiryTimer) clearTimeout(expiryTimer);
      if (replanTimer) clearTimeout(replanTimer);
    },
  };
}
