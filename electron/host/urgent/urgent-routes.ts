/**
 * `POST /api/urgent`, `DELETE /api/urgent/:id`, the console's list with delivery proof, and
 * the notice line and emergency message. Every change is audited in its own transaction and
 * pushed to the boards right after it commits.
 */
import type { FastifyInstance } from 'fastify';
import { URGENT_MAX_LIFETIME_MS } from '../../../shared/schemas/urgent';
import type { UrgentListResponse, UrgentView } from '../../../shared/staff-contract';
import { STAFF_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import { foundById, HttpError } from '../server/http-error';
import type { StaffRouteDeps } from '../staff/staff-guard';
import type { AnnouncementStore } from './announcement-store';
import type { BoardAlertsService } from './board-alerts';
import type { UrgentRecord, UrgentStore } from './urgent-store';

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** The console lists postings that ended within this long, so staff see what just ran. */
const RECENT_MS = 24 * 3600_000;

export interface UrgentRouteDeps extends StaffRouteDeps {
  urgent: UrgentStore;
  announcements: AnnouncementStore;
  alerts: BoardAlertsService;
  screenIds: () => string[];
  /** True when a posting with this id is in the hall's store (for "promote a posting"). */
  postingExists: (id: string) => boolean;
  /** Wakes the outbox pump after a posting was queued for the hub. */
  onQueued?: () => void;
}

export function urgentRoutes(deps: UrgentRouteDeps) {
  const { db, urgent, announcements, alerts, audit, guard, clock } = deps;

  function view(r: UrgentRecord, now: number): UrgentView {
    const live = r.retractedAt === null && r.expiresAt > now;
    return { ...r, live, delivery: live ? alerts.delivery(r) : [] };
  }

  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_ROUTES.urgentList, guard.options(), async (): Promise<UrgentListResponse> => {
      const now = clock();
      return {
        urgent: urgent.recent(now, RECENT_MS, 100).map((r) => view(r, now)),
        notice: announcements.get('notice', now),
        emergency: announcements.get('emergency', now),
        serverNow: now,
      };
    });

    apiRoute(app, STAFF_ROUTES.urgentOne, guard.options(), async (request) => {
      const record = foundById(request.params.id, ID, (id) => urgent.get(id), 'urgent_not_found', 'urgent posting', 64);
      return view(record, clock());
    });

    apiRoute(app, STAFF_ROUTES.urgentCreate, guard.options(), async (request, reply) => {
      const who = guard.who(request);
      const input = request.body;
      const now = clock();
      const expiresAt = Date.parse(input.expiresAt);
      if (expiresAt <= now + 5000)
        throw new HttpError(
          422,
          'expiry_in_past',
          `urgent posting: expiresAt ${input.expiresAt} is not in the future; an urgent posting needs an end time ahead of now`,
        );
      if (expiresAt > now + URGENT_MAX_LIFETIME_MS)
        throw new HttpError(
          422,
          'expiry_too_far',
          'urgent posting: expiresAt is more than 7 days ahead; an urgent posting is for now, not for the week after',
        );
      if (input.screens) {
        const known = new Set(deps.screenIds());
        const unknown = input.screens.filter((s) => !known.has(s));
        if (unknown.length > 0)
          throw new HttpError(
            422,
            'unknown_screen',
            `urgent posting: no screen has id ${unknown.map((s) => `"${s}"`).join(', ')}`,
          );
      }
      if (input.listingId && !deps.postingExists(input.listingId)) {
        throw new HttpError(422, 'unknown_listing', `urgent posting: no posting has id "${input.listingId}"`);
      }
      const record = urgent.create(input, who.name, now, (r) =>
        audit.record({
          who,
          action: 'urgent.create',
          target: r.id,
          detail: { title: r.title, expiresAt: r.expiresAt, screens: r.screens, listingId: r.listingId },
          source: request.ip,
        }),
      );
      alerts.pushAll();
      deps.onQueued?.();
      return reply.status(201).send({ id: record.id });
    });

    apiRoute(app, STAFF_ROUTES.urgentRetract, guard.options(), async (request) => {
      const who = guard.who(request);
      const { id } = request.params;
      if (!ID.test(id)) throw new HttpError(400, 'invalid_id', `"${id.slice(0, 80)}" is not an urgent posting id`);
      const record = urgent.retract(id, who.name, clock(), (r) =>
        audit.record({ who, action: 'urgent.retract', target: r.id, detail: { title: r.title }, source: request.ip }),
      );
      if (!record) {
        const existing = urgent.get(id);
        if (!existing) throw new HttpError(404, 'urgent_not_found', `no urgent posting has id "${id}"`);
        throw new HttpError(
          409,
          'urgent_not_live',
          `urgent posting "${id}" has already ${existing.retractedAt !== null ? 'been retracted' : 'expired'}`,
        );
      }
      alerts.pushAll();
      deps.onQueued?.();
      return { id, retractedAt: record.retractedAt };
    });

    apiRoute(app, STAFF_ROUTES.noticeSet, guard.options(), async (request) => {
      const who = guard.who(request);
      const input = request.body;
      const now = clock();
      const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
      if (expiresAt !== null && expiresAt <= now)
        throw new HttpError(422, 'expiry_in_past', `notice: expiresAt ${input.expiresAt} is not in the future`);
      db.transaction(() => {
        announcements.set('notice', { title: input.text, body: '', expiresAt }, who.name, now);
        audit.record({ who, action: 'notice.set', detail: { text: input.text, expiresAt }, source: request.ip });
      })();
      alerts.pushAll();
      return announcements.get('notice', now);
    });

    apiRoute(app, STAFF_ROUTES.emergencySet, guard.options(), async (request) => {
      const who = guard.who(request);
      const input = request.body;
      const now = clock();
      db.transaction(() => {
        announcements.set('emergency', { title: input.title, body: input.body, expiresAt: null }, who.name, now);
        audit.record({
          who,
          action: 'emergency.set',
          detail: { title: input.title, body: input.body },
          source: request.ip,
        });
      })();
      alerts.pushAll();
      return announcements.get('emergency', now);
    });

    for (const [route, kind] of [
      [STAFF_ROUTES.noticeClear, 'notice'],
      [STAFF_ROUTES.emergencyClear, 'emergency'],
    ] as const) {
      apiRoute(app, route, guard.options(), async (request) => {
        const who = guard.who(request);
        const cleared = db.transaction(() => {
          const had = announcements.clear(kind);
          if (had) audit.record({ who, action: `${kind}.clear`, source: request.ip });
          return had;
        })();
        alerts.pushAll();
        return { cleared };
      });
    }
  };
}
