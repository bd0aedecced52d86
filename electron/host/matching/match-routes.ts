/**
 * The console's call list (待通知) and the outcomes staff record. Staff only; the person is
 * masked (the phone comes from the sign-ups' audited reveal). Reading the list is audited (one
 * summed row per account and hour, the console polls it), and so is every outcome, which goes
 * upstream through the outbox in the same transaction (type `match-outcome`: ids, trade and
 * outcome, never a phone or a name).
 */
import type { FastifyInstance } from 'fastify';
import { MATCHING_ROUTES } from '../../../shared/api/hall-routes';
import { MATCH_OUTCOME_OUTBOX_TYPE, type MatchQueueResponse } from '../../../shared/matching-contract';
import { PULSE_DEFAULTS } from '../../../shared/pulse/market-pulse';
import { apiRoute } from '../server/api-route';
import { HttpError } from '../server/http-error';
import type { StaffRouteDeps } from '../staff/staff-guard';
import { enqueueOutbox } from '../sync/outbox-store';
import type { MatchService } from './match-service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTING_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const HOUR_MS = 3600_000;

export interface MatchRouteDeps extends StaffRouteDeps {
  matching: MatchService;
  /** Whether outcomes go upstream (false in a standalone hall). */
  queueUpstream: boolean;
  /** An outcome was queued for upstream: send it now. */
  onQueued: () => void;
}

export function matchRoutes(deps: MatchRouteDeps) {
  const { db, matching, audit, guard, clock } = deps;
  const store = matching.store;

  function existing(signupId: string, postingId: string) {
    const found =
      UUID.test(signupId) && POSTING_ID.test(postingId) ? store.get(signupId.toLowerCase(), postingId) : undefined;
    if (!found) throw new HttpError(404, 'match_not_found', 'no such match (the sign-up or the posting is gone)');
    return found;
  }

  return (app: FastifyInstance) => {
    apiRoute(app, MATCHING_ROUTES.matchQueue, guard.options(), async (request): Promise<MatchQueueResponse> => {
      const who = guard.who(request);
      const now = clock();
      const found = store.queue(request.query, now);
      audit.recordSummed(
        { who, action: 'match.queue', detail: { status: request.query.status }, source: request.ip },
        `match.queue:${who.accountId}`,
        HOUR_MS,
      );
      return { ...found, serverNow: now };
    });

    apiRoute(app, MATCHING_ROUTES.matchOutcome, guard.options(), async (request) => {
      const who = guard.who(request);
      const match = existing(request.params.signupId, request.params.postingId);
      const { outcome } = request.body;
      const now = clock();
      const entry = {
        who,
        action: 'match.outcome',
        target: match.signupId,
        detail: { number: match.number, postingId: match.postingId, outcome, from: match.outcome },
        source: request.ip,
      };
      const queued = audit.recordWith(entry, () => {
        if (!store.setOutcome(match.signupId, match.postingId, outcome, who.name, now)) return false;
        if (!deps.queueUpstream) return false;
        enqueueOutbox(
          db,
          {
            type: MATCH_OUTCOME_OUTBOX_TYPE,
            payload: {
              signupId: match.signupId,
              postingId: match.postingId,
              occupation: match.occupation,
              outcome,
              score: match.score,
              at: new Date(now).toISOString(),
            },
          },
          now,
        );
        return true;
      });
      if (queued) deps.onQueued();
      return store.get(match.signupId, match.postingId)!;
    });

    apiRoute(app, MATCHING_ROUTES.matchPulse, guard.options(), async () => {
      const now = clock();
      return {
        trades: store.pulse(now, PULSE_DEFAULTS.windowDays),
        windowDays: PULSE_DEFAULTS.windowDays,
        serverNow: now,
      };
    });
  };
}
