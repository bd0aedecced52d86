/** The console's call list (待通知) and match outcomes (part of the route map, hall-routes.ts). Staff only. */
import { defineRoute } from './define-route';
import {
  MatchOutcomeInputSchema,
  MatchParamsSchema,
  MatchPulseResponseSchema,
  MatchQueueQuerySchema,
  MatchQueueResponseSchema,
  MatchViewSchema,
} from '../matching-contract';

export const MATCHING_ROUTES = {
  matchQueue: defineRoute({
    method: 'GET',
    path: '/api/staff/matches',
    auth: 'staff',
    label: 'matches',
    query: MatchQueueQuerySchema,
    response: MatchQueueResponseSchema,
  }),
  matchOutcome: defineRoute({
    method: 'PUT',
    path: '/api/staff/matches/:signupId/:postingId/outcome',
    auth: 'staff',
    label: 'match outcome',
    params: MatchParamsSchema,
    body: MatchOutcomeInputSchema,
    response: MatchViewSchema,
  }),
  matchPulse: defineRoute({
    method: 'GET',
    path: '/api/staff/matches/pulse',
    auth: 'staff',
    label: 'match pulse',
    response: MatchPulseResponseSchema,
  }),
} as const;
