/**
 * Postings in the console: search (hidden ones too), hide/unhide on the boards, and create or
 * edit a posting of the hall's own. Every change is audited in the same transaction and the
 * boards are re-planned right after it commits.
 *
 * Platform postings cannot be edited here: the next upstream revision would overwrite the
 * edit. Staff hide them instead (the hidden flag survives upstream updates).
 */
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { describeIssues, PostingSchema, type Posting } from '../../../shared/schemas/posting';
import { isHallPosting, LOCAL_ID_PREFIX, type PostingsResponse } from '../../../shared/staff-data-contract';
import { STAFF_DATA_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import type { PostingStore } from '../db/posting-store';
import { foundById, HttpError } from '../server/http-error';
import type { ConsoleRouteDeps } from '../staff/staff-guard';
import type { AuditInput } from '../staff/audit-log';
import type { PostingQueryService } from './posting-query';

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Shown as the posting's source (DOMAIN.md: a posting names where it came from). */
export const LOCAL_SOURCE = '本馆窗口录入';

export interface PostingRouteDeps extends ConsoleRouteDeps {
  store: PostingStore;
  query: PostingQueryService;
}

export function postingRoutes(deps: PostingRouteDeps) {
  const { store, query, audit, guard, clock } = deps;

  const postingOr404 = (id: string) => foundById(id, ID, (i) => query.get(i), 'posting_not_found', 'posting', 64);

  function validate(candidate: Record<string, unknown>, what: string): Posting {
    const parsed = PostingSchema.safeParse(candidate);
    if (!parsed.success) throw new HttpError(400, 'invalid_body', `${what}: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  /** A change to postings and its audit row in one transaction; the boards re-plan once it commits. */
  function changeAudited(change: () => void, entry: AuditInput): void {
    audit.recordWith(entry, change);
    deps.changed();
  }

  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_DATA_ROUTES.postings, guard.options(), async (request): Promise<PostingsResponse> => {
      const now = clock();
      return { ...query.search(request.query, now), serverNow: now };
    });

    apiRoute(app, STAFF_DATA_ROUTES.posting, guard.options(), async (request) => postingOr404(request.params.id));

    for (const [route, hidden] of [
      [STAFF_DATA_ROUTES.postingHide, true],
      [STAFF_DATA_ROUTES.postingUnhide, false],
    ] as const) {
      apiRoute(app, route, guard.options(), async (request) => {
        const who = guard.who(request);
        const posting = postingOr404(request.params.id);
        changeAudited(() => store.setHidden(posting.id, hidden), {
          who,
          action: hidden ? 'posting.hide' : 'posting.unhide',
          target: posting.id,
          detail: { title: posting.title },
          source: request.ip,
        });
        return postingOr404(posting.id);
      });
    }

    apiRoute(app, STAFF_DATA_ROUTES.postingCreate, guard.options(), async (request, reply) => {
      const who = guard.who(request);
      const body = request.body;
      const now = clock();
      const posting = validate(
        {
          validFrom: new Date(now).toISOString(),
          ...body,
          id: `${LOCAL_ID_PREFIX}${uuidv7()}`,
          source: LOCAL_SOURCE,
          revision: 1,
          updatedAt: new Date(now).toISOString(),
        },
        'posting',
      );
      changeAudited(() => store.upsertMany([posting]), {
        who,
        action: 'posting.create',
        target: posting.id,
        detail: { title: posting.title },
        source: request.ip,
      });
      return reply.status(201).send(query.get(posting.id));
    });

    apiRoute(app, STAFF_DATA_ROUTES.postingUpdate, guard.options(), async (request) => {
      const who = guard.who(request);
      const current = postingOr404(request.params.id);
      if (!isHallPosting(current.id)) {
        throw new HttpError(
          409,
          'platform_posting',
          `posting ${current.id} comes from the city platform; change it there, or hide it here`,
        );
      }
      const body = request.body;
      const { hidden: _h, editable: _e, ...stored } = current;
      const posting = validate(
        { ...stored, ...body, revision: current.revision + 1, updatedAt: new Date(clock()).toISOString() },
        'posting',
      );
      changeAudited(() => store.upsertMany([posting]), {
        who,
        action: 'posting.update',
        target: posting.id,
        detail: { title: posting.title, fields: Object.keys(body) },
        source: request.ip,
      });
      return postingOr404(posting.id);
    });
  };
}
