/**
 * Everything staff need on the host, built once by the composition root (hall.ts): identity,
 * the audit log, urgent postings with their push to the boards and delivery proof, the notice
 * line and emergency message, the screens page, and the `/staff` page itself.
 */
import type { FastifyInstance } from 'fastify';
import type { ScreenProfile } from '../../../shared/schemas/screen';
import { PinSchema } from '../../../shared/staff-contract';
import { STAFF_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import type { BoardNamespace, BoardService } from '../boards/board-service';
import type { WritableDatabase } from '../db/handles';
import type { BoardDevices, PairedDevice } from '../devices';
import type { DeviceApproval } from '../devices/approve-device';
import { readPage, RendererMissingError, servePage, type RouteModule } from '../server/http-server';
import type { UrgentSink } from '../sync/apply-changes';
import type { Logger } from '../util/logger';
import type { LimitCounters } from '../server/limit-counters';
import { createAnnouncementStore } from '../urgent/announcement-store';
import { createBoardAlerts, type BoardAlertsService } from '../urgent/board-alerts';
import { urgentRoutes } from '../urgent/urgent-routes';
import { createUrgentStore, type UrgentStore } from '../urgent/urgent-store';
import { createAuditLog, type AuditLog } from './audit-log';
import { screenRoutes } from './screen-routes';
import { sessionRoutes } from './session-routes';
import { createStaffAuth, type StaffAuth } from './staff-auth';
import { createStaffGuard } from './staff-guard';

export class StaffSetupError extends Error {
  override name = 'StaffSetupError';
}

export interface StaffServiceDeps {
  db: WritableDatabase;
  dataDir: string;
  rendererDir: string;
  /** HALL_STAFF_PIN: becomes the first admin's PIN when no account exists. */
  staffPin: string | null;
  /** The hall's screens array (edited in place by the screens page). */
  screens: ScreenProfile[];
  clock: () => number;
  log: Logger;
  listingExists: (id: string) => boolean;
  approveKioskPairing?: (code: string, approvedBy: string) => { deviceId: string };
  /** Approves any device (kiosk or board page) by the code it shows. */
  approveDevice?: (code: string, approvedBy: string) => DeviceApproval;
  /** Paired board pages on the hall network. */
  boardDevices?: Pick<BoardDevices, 'list' | 'revoke'>;
  /** Revokes a paired kiosk (board devices are revoked through `boardDevices`). */
  revokeKiosk?: (deviceId: string) => boolean;
  localKioskId?: string;
  pairedKiosks?: () => readonly PairedDevice[];
  /** Wakes the outbox pump after an urgent posting was queued. */
  onQueued?: () => void;
  /** Limit hits (refused sign-ins) for /healthz and the log. */
  limits?: LimitCounters;
}

export interface StaffService {
  readonly routes: RouteModule;
  readonly auth: StaffAuth;
  readonly audit: AuditLog;
  readonly urgent: UrgentStore;
  /** Pushes to the boards; usable once `attachBoards` ran. */
  readonly alerts: BoardAlertsService;
  /**
   * The board socket namespace and service exist only after the HTTP server does (which
   * needs these routes first): the composition root attaches them right after creating them.
   */
  attachBoards(namespace: BoardNamespace, boards: BoardService): void;
  /** Hand to the sync client: urgent postings from the hub reach the boards like local ones. */
  readonly hubUrgentSink: UrgentSink;
  close(): void;
}

export async function createStaffService(deps: StaffServiceDeps): Promise<StaffService> {
  const { db, clock, log } = deps;
  const auth = createStaffAuth(db, clock);
  const audit = createAuditLog(db, clock);
  const guard = createStaffGuard(auth);
  const urgent = createUrgentStore(db, clock, log);
  const announcements = createAnnouncementStore(db);
  let attached: { alerts: BoardAlertsService; boards: BoardService } | null = null;
  const need = () => {
    if (!attached) throw new StaffSetupError('createStaffService: boards used before attachBoards()');
    return attached;
  };
  // Forwarders, so routes can be registered before the board namespace exists.
  const alerts: BoardAlertsService = {
    pushAll: () => attached?.alerts.pushAll(),
    bandsFor: (id, now) => attached?.alerts.bandsFor(id, now) ?? { urgent: false, notice: false },
    delivery: (record) => need().alerts.delivery(record),
    identify: (id) => need().alerts.identify(id),
    reload: (id) => need().alerts.reload(id),
    close: () => attached?.alerts.close(),
  };
  const boards: BoardService = {
    dataChanged: () => attached?.boards.dataChanged(),
    statusChanged: () => attached?.boards.statusChanged(),
    presences: () => need().boards.presences(),
    planFor: (id, viewport) => need().boards.planFor(id, viewport),
    summaries: () => need().boards.summaries(),
    counters: () => need().boards.counters(),
    disconnectDevice: (id) => attached?.boards.disconnectDevice(id) ?? 0,
    settled: () => attached?.boards.settled() ?? Promise.resolve(),
    close: () => Promise.resolve(),
  };

  if (deps.staffPin !== null && !auth.hasAccounts()) {
    const pin = PinSchema.safeParse(deps.staffPin);
    if (!pin.success) throw new StaffSetupError(`createStaffService: HALL_STAFF_PIN is not usable: ${pin.error.issues[0]?.message ?? 'invalid'}`);
    const who = await auth.setupFirstAdmin('管理员', pin.data);
    audit.record({ who, action: 'setup.first_admin', target: who.accountId, detail: { from: 'HALL_STAFF_PIN' }, source: 'host' });
    log.info('staff: first admin account created from HALL_STAFF_PIN');
  } else if (!auth.hasAccounts()) {
    log.info('staff: no staff account yet; open /staff to create the first admin PIN');
  }

  // A missing console build must not stop the boards: /staff then says what to do instead.
  let page: string | null = null;
  let pageMissing = '';
  try {
    page = readPage(deps.rendererDir, 'staff');
  } catch (error) {
    if (!(error instanceof RendererMissingError)) throw error;
    pageMissing = error.message;
    log.warn({ err: error }, 'staff console page is not built');
  }
  const modules: RouteModule[] = [
    sessionRoutes({ auth, audit, guard, ...(deps.limits ? { limits: deps.limits } : {}) }),
    urgentRoutes({
      db,
      urgent,
      announcements,
      alerts,
      audit,
      guard,
      clock,
      screenIds: () => deps.screens.map((s) => s.id),
      listingExists: deps.listingExists,
      ...(deps.onQueued ? { onQueued: deps.onQueued } : {}),
    }),
    screenRoutes({
      dataDir: deps.dataDir,
      screens: deps.screens,
      boards,
      alerts,
      audit,
      guard,
      clock,
      ...(deps.approveKioskPairing ? { approveKioskPairing: deps.approveKioskPairing } : {}),
      ...(deps.approveDevice ? { approveDevice: deps.approveDevice } : {}),
      ...(deps.boardDevices ? { boardDevices: deps.boardDevices } : {}),
      ...(deps.revokeKiosk ? { revokeKiosk: deps.revokeKiosk } : {}),
      ...(deps.localKioskId ? { localKioskId: deps.localKioskId } : {}),
      ...(deps.pairedKiosks ? { pairedKiosks: deps.pairedKiosks } : {}),
    }),
  ];

  return {
    routes: async (app: FastifyInstance) => {
      if (page !== null) servePage(app, STAFF_ROUTES.staffPage, page);
      else apiRoute(app, STAFF_ROUTES.staffPage, {}, async (_request, reply) => reply.status(503).send({ error: { code: 'renderer_missing', message: pageMissing } }));
      for (const register of modules) await register(app);
    },
    auth,
    audit,
    urgent,
    alerts,
    attachBoards(namespace, boardService) {
      attached = {
        boards: boardService,
        alerts: createBoardAlerts({ namespace, screens: () => deps.screens, urgent, announcements, clock, log, onPushed: () => boardService.dataChanged() }),
      };
    },
    hubUrgentSink: urgent.hubSink(() => alerts.pushAll()),
    close: () => alerts.close(),
  };
}
