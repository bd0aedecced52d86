/**
 * The console's screens page: every configured screen with its open pages (online, last seen,
 * what each shows), kiosks, identify and reload, edits of a screen (written to screens.json),
 * and approving a pairing code.
 *
 * `screens` is the hall's own array: edits replace its contents in place, so every part of the
 * host that reads it sees the change without being rewired.
 */
import type { FastifyInstance } from 'fastify';
import { maxCycleMsOf, SCREEN_ID, ScreenProfileSchema, type ScreenProfile } from '../../../shared/schemas/screen';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import { glyphFloorPx } from '../../../shared/legibility';
import type { KioskView, ScreenPatch, ScreensResponse, ScreenView } from '../../../shared/staff-contract';
import { STAFF_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute, type ApiHandler } from '../server/api-route';
import { cycleOf, type BoardService } from '../boards/board-service';
import { summarise } from '../boards/plan-engine';
import type { BoardDevices, PairedDevice } from '../devices';
import type { DeviceApproval } from '../devices/approve-device';
import { writeScreens } from '../screens/screen-config';
import { foundById, HttpError } from '../server/http-error';
import type { BoardAlertsService } from '../urgent/board-alerts';
import type { AuditLog } from './audit-log';
import type { StaffGuard } from './staff-guard';

/** `approve()` of the code a device or kiosk shows; a code none shows (or expired) is a 404 saying what to do. */
function approveShownCode<T>(what: 'device' | 'kiosk', code: string, approve: () => T): T {
  try {
    return approve();
  } catch (error) {
    if ((error as { code?: string }).code === 'unknown_code')
      throw new HttpError(
        404,
        'unknown_code',
        `pairing: no ${what} is showing code ${code} (or it expired); ask the ${what} for a new code`,
      );
    throw error;
  }
}

export interface ScreenRouteDeps {
  dataDir: string;
  screens: ScreenProfile[];
  boards: BoardService;
  alerts: BoardAlertsService;
  audit: AuditLog;
  guard: StaffGuard;
  clock: () => number;
  /** The kiosk engineer's pairing approval (devices/); absent when the kiosk part is not wired. */
  approveKioskPairing?: (code: string, approvedBy: string) => { deviceId: string };
  localKioskId?: string;
  /** Paired browser kiosks (devices/); absent when the kiosk part is not wired. */
  pairedKiosks?: () => readonly PairedDevice[];
  approveDevice?: (code: string, approvedBy: string) => DeviceApproval;
  boardDevices?: Pick<BoardDevices, 'list' | 'revoke'>;
  revokeKiosk?: (deviceId: string) => boolean;
  renameKiosk?: (deviceId: string, label: string, place: string) => boolean;
  /** What a kiosk last reported about itself (its voice); absent when the kiosk part is not wired. */
  kioskStatus?: (deviceId: string) => { voice: string | null; reportedAt: number } | null;
}

export function screenRoutes(deps: ScreenRouteDeps) {
  const { screens, boards, alerts, audit, guard, clock } = deps;

  const screenOr404 = (id: string): ScreenProfile =>
    foundById(id, SCREEN_ID, (i) => screens.find((s) => s.id === i), 'unknown_screen', 'screen');

  /** Writes the file first: if that fails, nothing in memory changed either. */
  function replaceScreens(next: ScreenProfile[]): void {
    writeScreens(deps.dataDir, next);
    screens.splice(0, screens.length, ...next);
    boards.dataChanged();
    alerts.pushAll();
  }

  /** The screen with staff's edits in place (a null group leaves the group), or a 400 saying what is wrong. */
  function edited(screen: ScreenProfile, patch: ScreenPatch): ScreenProfile {
    const { group, ...rest } = patch;
    const base: Record<string, unknown> = { ...screen, ...rest };
    if (group === null) delete base.group;
    else if (group !== undefined) base.group = group;
    const merged = ScreenProfileSchema.safeParse(base);
    if (!merged.success)
      throw new HttpError(
        400,
        'invalid_body',
        `screen: ${merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return merged.data;
  }

  function listScreens(): ScreensResponse {
    const presences = boards.presences();
    const cycles = new Map(boards.cycles('if-due').map((c) => [c.screenId, c]));
    const views: ScreenView[] = screens.map((s) => {
      const pages = presences
        .filter((p) => p.screenId === s.id)
        .map((p) => ({
          pageId: p.socketId,
          viewport: p.viewport,
          connectedAt: p.connectedAt,
          lastSeenAt: p.lastSeenAt,
          planId: p.planId,
          pageIndex: p.pageIndex,
          urgentIds: p.urgentIds,
          paintedAt: p.paintedAt,
        }));
      return {
        id: s.id,
        name: s.name,
        width: s.width,
        height: s.height,
        pitchMm: s.pitchMm,
        viewingDistanceM: s.viewingDistanceM,
        legibilityRule: s.legibilityRule,
        layout: s.layout,
        filter: s.filter,
        minGlyphPx: glyphFloorPx(s),
        online: pages.length > 0,
        lastSeenAt: pages.length > 0 ? Math.max(...pages.map((p) => p.lastSeenAt)) : null,
        pages,
        group: s.group ?? null,
        maxCycleS: maxCycleMsOf(s) / 1000,
        groupLegend: s.groupLegend === true,
        minDwellS: s.minDwellS,
        maxDwellS: s.maxDwellS,
        cycle: cycles.get(s.id) ?? null,
      };
    });
    const status = (id: string) => ({ status: deps.kioskStatus?.(id) ?? null });
    const kiosks: KioskView[] = [
      ...(deps.localKioskId
        ? [
            {
              id: deps.localKioskId,
              kind: 'local' as const,
              label: '',
              place: '',
              approvedBy: null,
              createdAt: null,
              lastSeenAt: null,
              ...status(deps.localKioskId),
            },
          ]
        : []),
      ...(deps.pairedKiosks?.() ?? []).map((k) => ({ ...k, kind: 'paired' as const, ...status(k.id) })),
    ];
    return { screens: views, kiosks, boardDevices: deps.boardDevices?.list() ?? [], serverNow: clock() };
  }

  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_ROUTES.screens, guard.options(), async () => listScreens());

    apiRoute(app, STAFF_ROUTES.screenUpdate, guard.options(), async (request) => {
      const who = guard.who(request);
      const screen = screenOr404(request.params.id);
      const patch = request.body;
      if (Object.keys(patch).length === 0) throw new HttpError(400, 'invalid_body', 'screen: nothing to change');
      const merged = edited(screen, patch);
      replaceScreens(screens.map((s) => (s.id === screen.id ? merged : s)));
      audit.record({ who, action: 'screen.update', target: screen.id, detail: patch, source: request.ip });
      const updated = listScreens().screens.find((s) => s.id === screen.id);
      if (!updated) throw new Error(`screen-routes: screen "${screen.id}" vanished while it was being updated`);
      return updated;
    });

    apiRoute(app, STAFF_ROUTES.screenPreview, guard.options(), async (request) => {
      const screen = screenOr404(request.params.id);
      const draft = edited(screen, request.body);
      const cycle = (profile: ScreenProfile, plan: BoardPlan) => cycleOf(summarise(plan, profile), 'preview');
      return {
        current: cycle(screen, boards.planDraft(screen)),
        draft: cycle(draft, boards.planDraft(draft)),
      };
    });

    // A command to the screen's open board pages, audited with how many pages it reached.
    const screenCommand =
      (
        action: 'screen.identify' | 'screen.reload',
        send: (screenId: string) => number,
      ): ApiHandler<typeof STAFF_ROUTES.screenIdentify | typeof STAFF_ROUTES.screenReload> =>
      async (request) => {
        const who = guard.who(request);
        const screen = screenOr404(request.params.id);
        const pages = send(screen.id);
        audit.record({ who, action, target: screen.id, detail: { pages }, source: request.ip });
        return { pages };
      };
    apiRoute(
      app,
      STAFF_ROUTES.screenIdentify,
      guard.options(),
      screenCommand('screen.identify', (id) => alerts.identify(id)),
    );
    apiRoute(
      app,
      STAFF_ROUTES.screenReload,
      guard.options(),
      screenCommand('screen.reload', (id) => alerts.reload(id)),
    );

    apiRoute(app, STAFF_ROUTES.deviceRename, guard.options(), async (request) => {
      const who = guard.who(request);
      const id = request.params.id;
      const { label, place } = request.body;
      if (!/^kiosk-[0-9a-f]{8}$/.test(id) || !deps.renameKiosk?.(id, label, place))
        throw new HttpError(404, 'unknown_device', `no paired kiosk has id "${id.slice(0, 40)}"`);
      audit.record({ who, action: 'device.rename', target: id, detail: { label, place }, source: request.ip });
      return { renamed: id };
    });

    apiRoute(app, STAFF_ROUTES.deviceRevoke, guard.options(), async (request) => {
      const who = guard.who(request);
      const id = request.params.id;
      const revoked = /^[a-z]+-[0-9a-f]{8}$/.test(id) && (deps.boardDevices?.revoke(id) || deps.revokeKiosk?.(id));
      if (!revoked) throw new HttpError(404, 'unknown_device', `no paired device has id "${id.slice(0, 40)}"`);
      audit.record({ who, action: 'device.revoke', target: id, source: request.ip });
      return { revoked: id };
    });

    apiRoute(app, STAFF_ROUTES.pairingApprove, guard.options(), async (request, reply) => {
      const who = guard.who(request);
      const input = request.body;
      if (input.role === 'device') {
        const approve = deps.approveDevice;
        if (!approve) throw new HttpError(503, 'device_pairing_unavailable', 'this hall has no device pairing');
        const approved = approveShownCode('device', input.code, () => approve(input.code, who.name));
        audit.record({
          who,
          action: 'pairing.approve',
          target: approved.deviceId,
          detail: { ...approved },
          source: request.ip,
        });
        return reply.status(201).send(approved);
      }
      if (input.role === 'kiosk') {
        const approve = deps.approveKioskPairing;
        if (!approve) throw new HttpError(503, 'kiosk_pairing_unavailable', 'this hall has no kiosk pairing');
        const { deviceId } = approveShownCode('kiosk', input.code, () => approve(input.code, who.name));
        audit.record({
          who,
          action: 'pairing.approve',
          target: deviceId,
          detail: { role: 'kiosk' },
          source: request.ip,
        });
        return reply.status(201).send({ role: 'kiosk', deviceId });
      }
      const profile = ScreenProfileSchema.safeParse({
        id: input.screenId,
        name: input.name,
        width: input.width,
        height: input.height,
        pitchMm: input.pitchMm,
        viewingDistanceM: input.viewingDistanceM,
        layout: input.layout,
        ...(input.filter ? { filter: input.filter } : {}),
      });
      if (!profile.success)
        throw new HttpError(
          400,
          'invalid_body',
          `pairing: ${profile.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const exists = screens.some((s) => s.id === input.screenId);
      if (!exists && screens.length >= 200)
        throw new HttpError(409, 'too_many_screens', 'pairing: a hall has at most 200 screens');
      replaceScreens(
        exists ? screens.map((s) => (s.id === input.screenId ? profile.data : s)) : [...screens, profile.data],
      );
      audit.record({
        who,
        action: exists ? 'screen.update' : 'screen.add',
        target: input.screenId,
        detail: { ...input },
        source: request.ip,
      });
      return reply.status(201).send({ role: 'board', screenId: input.screenId, url: `/board/${input.screenId}` });
    });
  };
}
