/**
 * The route map (shared/api/hall-routes.ts) is the whole HTTP surface of the hall host: the real
 * host is started and every route Fastify registered is compared with the map, both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HALL_ROUTES, KIOSK_ROUTES, PUBLIC_ROUTES, STAFF_DATA_ROUTES, STAFF_ROUTES } from '../../../shared/api/hall-routes';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';

const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

describe('the hall route map', () => {
  let hall: Hall & { dataDir: string };
  const registered: { method: string; url: string }[] = [];

  beforeAll(async () => {
    hall = await startTestHall({ deps: { onRoute: (route) => registered.push(route) } });
  });
  afterAll(() => hall?.close());

  const mapped = () => new Set(Object.values(HALL_ROUTES).map((r) => key(r.method, r.path)));
  // Fastify adds a HEAD twin of every GET route (exposeHeadRoutes); the map lists the GET.
  const served = () => new Set(registered.filter((r) => r.method !== 'HEAD').map((r) => key(r.method, r.url)));

  it('has an entry for every route the host registers', () => {
    expect(registered.length).toBeGreaterThan(40);
    const map = mapped();
    expect([...served()].filter((route) => !map.has(route))).toEqual([]);
  });

  it('has a route on the host for every entry', () => {
    const host = served();
    expect([...mapped()].filter((route) => !host.has(route))).toEqual([]);
  });

  it('names each method and path once', () => {
    const entries = Object.values(HALL_ROUTES).map((r) => key(r.method, r.path));
    expect(entries.length).toBe(new Set(entries).size);
  });

  it('gives each entry a name no other group uses, so the merged map loses none', () => {
    const names = [PUBLIC_ROUTES, KIOSK_ROUTES, STAFF_ROUTES, STAFF_DATA_ROUTES].flatMap((group) => Object.keys(group));
    expect(names.length).toBe(Object.keys(HALL_ROUTES).length);
  });

  it('every HEAD twin belongs to a mapped GET', () => {
    const map = mapped();
    const heads = registered.filter((r) => r.method === 'HEAD');
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.filter((r) => !map.has(key('GET', r.url)))).toEqual([]);
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
