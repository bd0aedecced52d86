/**
 * The route map (shared/api/hall-routes.ts) is the whole HTTP surface of the hall host: the real
 * host is started and every route Fastify registered is compared with the map, both ways.
 */
import { describe, expect, it } from 'vitest';
import {
  HALL_ROUTES,
  KIOSK_ROUTES,
  MATCHING_ROUTES,
  PLAY_ROUTES,
  PUBLIC_ROUTES,
  STAFF_DATA_ROUTES,
  STAFF_ROUTES,
} from '../../../shared/api/hall-routes';
import { startTestHall } from '../../support/in-process-hall';
import { itMatchesRouteMap } from '../../support/route-map-check';

describe('the hall route map', () => {
  itMatchesRouteMap('host', HALL_ROUTES, (onRoute) => startTestHall({ deps: { onRoute } }), {
    atLeast: 41,
    published: [
      'GET /healthz',
      'GET /api/listings',
      'POST /api/staff/session',
      'POST /api/urgent',
      'DELETE /api/urgent/:id',
      'POST /api/registrations',
      'POST /api/staff/postings/import',
      'POST /api/board/pairings',
      'GET /api/board/pairings/:pairingId',
      'GET /board/:screenId',
      'GET /kiosk',
      'GET /staff',
    ],
  });

  it('gives each entry a name no other group uses, so the merged map loses none', () => {
    const names = [PUBLIC_ROUTES, KIOSK_ROUTES, STAFF_ROUTES, STAFF_DATA_ROUTES, PLAY_ROUTES, MATCHING_ROUTES].flatMap(
      (group) => Object.keys(group),
    );
    expect(names.length).toBe(Object.keys(HALL_ROUTES).length);
  });
});
