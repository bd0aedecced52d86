/**
 * The hub's REST routes, registered from the route map (shared/api/hub-routes.ts) with the
 * hall's own helper (electron/host/server/api-route.ts): params, query and body are checked
 * with the map's schemas before a handler runs, and every error is the one error body
 * `{ error: { code, message } }`, like the hall's. The token check runs first (onRequest), so a
 * caller without the right learns nothing from how its input would have been judged.
 * Admin writes validate with the shared ListingSchema; a posting sent for an id the hub
 * already holds is merged over the stored one, so `curl -d '{"id":"demo-000001","title":"…"}'`
 * edits one field.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Logger } from 'pino';
import { HUB_ROUTES } from '../../shared/api/hub-routes';
import { PostingSchema, describeIssues, type Posting } from '../../shared/schemas/posting';
import { apiRoute } from '../../electron/host/server/api-route';
import { HttpError } from '../../electron/host/server/http-error';
import { requireRole, type Role } from './hub-auth';
import { CITY_CSP, CITY_CSS, renderCityPage } from './city-page';
import type { CityService } from './city-service';
import type { HubChange, HubStore } from './hub-store';
import { isPoolBusyError } from './postgres-store';

export interface HubRouteDeps {
  store: HubStore;
  tokens: { admin: string; hall: string };
  clock: () => number;
  broadcast: (changes: readonly HubChange[]) => void;
  connectedHalls: () => number;
  /** Test-only: awaited before a change-feed page is served (hold a hall mid catch-up). */
  beforeChangesPage?: ((since: number) => void | Promise<void>) | undefined;
  city: CityService;
  log?: Logger;
  /** This node, for /healthz. */
  node: () => {
    nodeId: string;
    draining: boolean;
    fanout: { listening: boolean; position: number } | null;
    hallIds: string[];
  };
}

const PING_TIMEOUT_MS = 2000;

export function registerHubRoutes(app: FastifyInstance, deps: HubRouteDeps): void {
  const { store, tokens, clock, broadcast } = deps;
  const open: RouteShorthandOptions = {};
  const needs = (role: Role): RouteShorthandOptions => ({
    onRequest: async (request: FastifyRequest) => requireRole(request.headers.authorization, role, tokens),
  });
  const hall = needs('hall');
  const admin = needs('admin');

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return error.send(reply);
    if (isPoolBusyError(error)) {
      deps.log?.warn({ url: request.url.split('?')[0] }, 'hub: no database connection came free in time; answered 503');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({
          error: { code: 'busy', message: 'hub: this node is busy; try again in a second or use another node' },
        });
    }
    const { statusCode, code, message } = error as { statusCode?: number; code?: string; message?: string };
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return reply
        .status(statusCode)
        .send({ error: { code: code ?? 'bad_request', message: message ?? 'bad request' } });
    }
    deps.log?.error({ err: error, url: request.url.split('?')[0] }, 'hub: a request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'hub: internal error; see the hub log' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `hub: no route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  // Per node: a load balancer takes a node out on 503 (database away, or shutting down).
  apiRoute(app, HUB_ROUTES.health, open, async (_request, reply) => {
    const node = deps.node();
    const started = performance.now();
    let database: { reachable: boolean; latencyMs: number; error?: string };
    let figures: { lastSeq: number | null; listings: number | null } = { lastSeq: null, listings: null };
    try {
      await withTimeout(store.ping(), PING_TIMEOUT_MS, 'ping');
      database = { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      figures = { lastSeq: await store.lastSeq(), listings: await store.countPostings() };
    } catch (error) {
      database = {
        reachable: false,
        latencyMs: Math.round(performance.now() - started),
        error: (error as Error).message.slice(0, 200),
      };
    }
    const status = node.draining
      ? 'draining'
      : database.reachable && (node.fanout?.listening ?? true)
        ? 'ok'
        : 'degraded';
    return reply.status(status === 'ok' ? 200 : 503).send({
      status,
      node: node.nodeId,
      store: store.kind,
      database,
      ...(node.fanout ? { fanout: node.fanout } : {}),
      ...figures,
      halls: deps.connectedHalls(),
      connectedHalls: node.hallIds,
    });
  });

  // The city's picture: public and read-only, counts only (no person), cached by the service.
  apiRoute(app, HUB_ROUTES.cityPage, open, async (request, reply) => {
    const picture = await deps.city.current();
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CITY_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'public, max-age=30')
      .send(renderCityPage(picture, request.query.lang, deps.node().nodeId));
  });

  apiRoute(app, HUB_ROUTES.cityStyles, open, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(CITY_CSS),
  );

  apiRoute(app, HUB_ROUTES.city, open, async (_request, reply) => {
    const picture = await deps.city.current();
    return reply
      .header('cache-control', 'public, max-age=30')
      .header('access-control-allow-origin', '*')
      .send({ node: deps.node().nodeId, ...picture });
  });

  apiRoute(app, HUB_ROUTES.changes, hall, async (request, reply) => {
    const { since, limit } = request.query;
    await deps.beforeChangesPage?.(since);
    // The store writes the page's JSON itself (the feed's hot path): the map's schema is its shape.
    return reply.type('application/json; charset=utf-8').send(await store.changesPageJson(since, limit));
  });

  apiRoute(app, HUB_ROUTES.listing, hall, async (request) => {
    const posting = await store.getPosting(request.params.id);
    if (!posting) throw new HttpError(404, 'not_found', `listings: no live posting has id "${request.params.id}"`);
    return posting;
  });

  apiRoute(app, HUB_ROUTES.listingsUpsert, admin, async (request, reply) => {
    const items = request.body;
    const now = clock();
    const ids = items.flatMap((item) =>
      item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
        ? [(item as { id: string }).id]
        : [],
    );
    const held = await store.getPostings(ids);
    const postings: Posting[] = items.map((item, index) => toPosting(item, index, held, now));
    const changes = await store.upsertPostings(postings, now);
    broadcast(changes);
    return reply.status(200).send({
      upserted: changes.map((c) => ({ id: c.id, seq: c.seq, revision: (c.data as Posting).revision })),
      lastSeq: await store.lastSeq(),
    });
  });

  apiRoute(app, HUB_ROUTES.listingDelete, admin, async (request) => {
    const change = await store.deletePosting(request.params.id, clock());
    if (!change) throw new HttpError(404, 'not_found', `listings: no live posting has id "${request.params.id}"`);
    broadcast([change]);
    return { id: change.id, seq: change.seq };
  });

  apiRoute(app, HUB_ROUTES.urgent, admin, async (request) => {
    const { id, ...rest } = request.body;
    const change = await store.upsertUrgent({ id: id ?? randomUUID(), ...rest }, clock());
    broadcast([change]);
    return { id: change.id, seq: change.seq };
  });

  apiRoute(app, HUB_ROUTES.submissions, admin, async (request) => {
    const { after, limit, type } = request.query;
    return { submissions: await store.submissions(after, limit, type ?? null), total: await store.countSubmissions() };
  });
}

/** A full posting, or a partial one merged over what the hub holds; validated either way. */
function toPosting(item: unknown, index: number, held: ReadonlyMap<string, Posting>, now: number): Posting {
  if (!item || typeof item !== 'object' || Array.isArray(item))
    throw new HttpError(400, 'invalid_body', `listings[${index}]: not an object`);
  const input = item as Record<string, unknown>;
  const existing = typeof input.id === 'string' ? held.get(input.id) : undefined;
  const stamp = new Date(now).toISOString();
  // revision and updatedAt are the hub's to set; the store bumps the revision
  const merged = { revision: 0, updatedAt: stamp, ...existing, ...input };
  const parsed = PostingSchema.safeParse(merged);
  if (!parsed.success)
    throw new HttpError(422, 'invalid_listing', `listings[${index}]: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
