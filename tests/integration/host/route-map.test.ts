/**
 * The route map (shared/api/hall-routes.ts) is the whole HTTP surface of the hall host: the real
 * host is started and every route Fastify registered is compared with the map, both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HALL_ROUTES,
  KIOSK_ROUTES,
  PUBLIC_ROUTES,
  STAFF_DATA_ROUTES,
  STAFF_ROUTES,
} from '../../../shared/api/hall-routes';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';
import { checkRouteMap } from '../../support/route-map-check';

describe('the hall route map', () => {
  let hall: Hall & { dataDir: string };
  const registered: { method: string; url: string }[] = [];

  beforeAll(async () => {
    hall = await startTestHall({ deps: { onRoute: (route) => registered.push(route) } });
  });
  afterAll(() => hall?.close());

  const check = () => checkRouteMap(HALL_ROUTES, registered);
  const mapped = () => new Set(Object.values(HALL_ROUTES).map((r) => `${r.method} ${r.path}`));

  it('has an entry for every route the host registers', () => {
    expect(registered.length).toBeGreaterThan(40);
    expect(check().unmapped).toEqual([]);
  });

  it('has a route on the host for every entry', () => {
    expect(check().unserved).toEqual([]);
  });

  it('names each method and path once', () => {
    expect(check().repeated).toEqual([]);
  });

  it('gives each entry a name no other group uses, so the merged map loses none', () => {
    const names = [PUBLIC_ROUTES, KIOSK_ROUTES, STAFF_ROUTES, STAFF_DATA_ROUTES].flatMap((group) => Object.keys(group));
    expect(names.length).toBe(Object.keys(HALL_ROUTES).length);
  });

  it('every HEAD twin belongs to a mapped GET', () => {
    const { heads, headsWithoutGet } = check();
    expect(heads).toBeGreaterThan(0);
    expect(headsWithoutGet).toEqual([]);
  });

  it('keeps the paths DESIGN.md publishes', () => {
    const map = mapped();
    for (const route of [
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
    ]) {
      expect(map.has(route), route).toBe(true);
    }
  });
});
