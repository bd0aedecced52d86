/**
 * Every HTTP route of the hall host, as data (define-route.ts). The host registers each one
 * from here (electron/host/server/api-route.ts) and the screens call them through one client
 * (renderer/common/api-client.ts); a test lists Fastify's routes and fails on any route that is
 * not in this map and on any entry with no route. DESIGN.md's "Public contract" names the
 * routes other systems rely on: those paths never change.
 */
import { KIOSK_ROUTES } from './kiosk-routes';
import { MATCHING_ROUTES } from './matching-routes';
import { PLAY_ROUTES } from './play-routes';
import { PUBLIC_ROUTES } from './public-routes';
import { STAFF_DATA_ROUTES } from './staff-data-routes';
import { STAFF_ROUTES } from './staff-routes';

export { KIOSK_ROUTES, MATCHING_ROUTES, PLAY_ROUTES, PUBLIC_ROUTES, STAFF_DATA_ROUTES, STAFF_ROUTES };

/**
 * The whole hall host: every route it serves, each once. The groups live in their own files so
 * a screen's bundle takes only the schemas of the routes it calls (a board: public-routes.ts).
 */
export const HALL_ROUTES = {
  ...PUBLIC_ROUTES,
  ...KIOSK_ROUTES,
  ...STAFF_ROUTES,
  ...STAFF_DATA_ROUTES,
  ...PLAY_ROUTES,
  ...MATCHING_ROUTES,
} as const;
export type HallRouteName = keyof typeof HALL_ROUTES;
