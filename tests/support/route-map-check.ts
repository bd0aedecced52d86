/**
 * A route map (shared/api/: the hall's HALL_ROUTES, the hub's HUB_ROUTES) against the routes a
 * real server registered (Fastify's onRoute), both ways. Fastify adds a HEAD twin of every GET
 * route (exposeHeadRoutes); a map lists the GET only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteDef } from '../../shared/api/define-route';

export interface RouteMapCheck {
  /** `METHOD /path` the server registered that no entry names. */
  unmapped: string[];
  /** Entries with no route on the server. */
  unserved: string[];
  /** Entries that name a method and path another entry names too. */
  repeated: string[];
  /** HEAD routes registered, and those without a mapped GET. */
  heads: number;
  headsWithoutGet: string[];
}

const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

export function checkRouteMap(
  map: Readonly<Record<string, RouteDef>>,
  registered: readonly { method: string; url: string }[],
): RouteMapCheck {
  const entries = Object.values(map).map((r) => key(r.method, r.path));
  const mapped = new Set(entries);
  const served = new Set(registered.filter((r) => r.method !== 'HEAD').map((r) => key(r.method, r.url)));
  const heads = registered.filter((r) => r.method === 'HEAD');
  return {
    unmapped: [...served].filter((route) => !mapped.has(route)),
    unserved: [...mapped].filter((route) => !served.has(route)),
    repeated: entries.filter((route, i) => entries.indexOf(route) !== i),
    heads: heads.length,
    headsWithoutGet: heads.filter((r) => !mapped.has(key('GET', r.url))).map((r) => key(r.method, r.url)),
  };
}

/**
 * The route-map tests the hall and the hub share: every route the server registered is mapped,
 * every entry is served, none is named twice, every HEAD twin has a mapped GET, and the paths
 * DESIGN.md publishes are still there. Call inside a describe: the server `start` starts (with
 * the onRoute hook to give Fastify) runs for the describe's tests; it is returned once started.
 */
export function itMatchesRouteMap<S extends { close(): unknown }>(
  server: string,
  map: Readonly<Record<string, RouteDef>>,
  start: (onRoute: (route: { method: string; url: string }) => void) => Promise<S>,
  expected: { atLeast: number; published: readonly string[] },
): { server: S } {
  const registered: { method: string; url: string }[] = [];
  const started = {} as { server: S };
  beforeAll(async () => {
    started.server = await start((route) => registered.push(route));
  });
  afterAll(() => started.server?.close());
  const check = () => checkRouteMap(map, registered);

  it(`has an entry for every route the ${server} registers`, () => {
    expect(registered.length).toBeGreaterThanOrEqual(expected.atLeast);
    expect(check().unmapped).toEqual([]);
  });

  it(`has a route on the ${server} for every entry`, () => {
    expect(check().unserved).toEqual([]);
  });

  it('names each method and path once', () => {
    expect(check().repeated).toEqual([]);
  });

  it('has a mapped GET for every HEAD twin', () => {
    const { heads, headsWithoutGet } = check();
    expect(heads).toBeGreaterThan(0);
    expect(headsWithoutGet).toEqual([]);
  });

  it('keeps the paths DESIGN.md publishes', () => {
    const mapped = new Set(Object.values(map).map((r) => key(r.method, r.path)));
    for (const route of expected.published) expect(mapped.has(route), route).toBe(true);
  });
  return started;
}
