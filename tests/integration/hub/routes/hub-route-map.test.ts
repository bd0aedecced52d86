/**
 * The hub's route map (shared/api/hub-routes.ts) is the whole HTTP surface of the reference
 * hub: a real hub is started, every route Fastify registered is compared with the map both
 * ways, and each JSON route's real answer is read with the map's own response schema.
 */
import { describe, expect, it } from 'vitest';
import { HUB_ROUTES } from '../../../../shared/api/hub-routes';
import { routePath } from '../../../../shared/api/define-route';
import { ErrorBodySchema } from '../../../../shared/api/error-body';
import { ADMIN_TOKEN, startTestHub } from '../../sync/support/sync-harness';
import { HALL_TOKEN } from '../../../support/in-process-hall';
import { itMatchesRouteMap } from '../../../support/route-map-check';

describe('the hub route map', () => {
  const started = itMatchesRouteMap(
    'hub',
    HUB_ROUTES,
    (onRoute) => startTestHub({ dataDir: ':memory:', seed: 3, cityCacheMs: 0, onRoute }),
    {
      atLeast: 10,
      published: [
        'GET /healthz',
        'GET /api/v1/changes',
        'POST /api/v1/listings',
        'DELETE /api/v1/listings/:id',
        'POST /api/v1/urgent',
        'GET /api/v1/submissions',
      ],
    },
  );

  async function call(
    route: (typeof HUB_ROUTES)[keyof typeof HUB_ROUTES],
    init: { token?: string; params?: Record<string, string>; query?: string; body?: unknown } = {},
  ) {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${started.server.url}${routePath(route, init.params)}${init.query ?? ''}`, {
      method: route.method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  }

  it("answers every JSON route with what the map's response schema reads", async () => {
    const health = await call(HUB_ROUTES.health);
    expect(health.status).toBe(200);
    expect(HUB_ROUTES.health.response.parse(health.json).status).toBe('ok');

    const city = await call(HUB_ROUTES.city);
    expect(HUB_ROUTES.city.response.parse(city.json).node).toBe(started.server.nodeId);

    const page = HUB_ROUTES.changes.response.parse(
      (await call(HUB_ROUTES.changes, { token: HALL_TOKEN, query: '?since=0&limit=2' })).json,
    );
    expect([page.changes.length, page.hasMore]).toEqual([2, true]);

    const upsert = await call(HUB_ROUTES.listingsUpsert, {
      token: ADMIN_TOKEN,
      body: { id: (page.changes[0] as { id: string }).id, title: '搬运工（改）' },
    });
    expect(upsert.status).toBe(200);
    const [edited] = HUB_ROUTES.listingsUpsert.response.parse(upsert.json).upserted;

    const posting = await call(HUB_ROUTES.listing, { token: HALL_TOKEN, params: { id: edited!.id } });
    expect(HUB_ROUTES.listing.response.parse(posting.json).title).toBe('搬运工（改）');

    const urgent = await call(HUB_ROUTES.urgent, {
      token: ADMIN_TOKEN,
      body: { title: '急招', expiresAt: '2099-01-01T00:00:00+08:00' },
    });
    expect(HUB_ROUTES.urgent.response.parse(urgent.json).seq).toBeGreaterThan(edited!.seq);

    const deleted = await call(HUB_ROUTES.listingDelete, { token: ADMIN_TOKEN, params: { id: edited!.id } });
    expect(HUB_ROUTES.listingDelete.response.parse(deleted.json).id).toBe(edited!.id);

    const submissions = await call(HUB_ROUTES.submissions, { token: ADMIN_TOKEN, query: '?limit=abc' });
    expect(HUB_ROUTES.submissions.response.parse(submissions.json).total).toBe(0);
  });

  it('checks the token before the input, and answers bad input with the one error body', async () => {
    const noToken = await call(HUB_ROUTES.changes, { query: '?since=-1' });
    expect([noToken.status, ErrorBodySchema.parse(noToken.json).error.code]).toEqual([401, 'unauthorized']);

    const badQuery = await call(HUB_ROUTES.changes, { token: HALL_TOKEN, query: '?since=-1' });
    expect([badQuery.status, ErrorBodySchema.parse(badQuery.json).error.code]).toEqual([400, 'invalid_query']);

    const hallWrites = await call(HUB_ROUTES.urgent, { token: HALL_TOKEN, body: { title: '' } });
    expect([hallWrites.status, ErrorBodySchema.parse(hallWrites.json).error.code]).toEqual([403, 'forbidden']);

    const badUrgent = await call(HUB_ROUTES.urgent, {
      token: ADMIN_TOKEN,
      body: { title: '<b>急</b>', expiresAt: 'soon' },
    });
    expect([badUrgent.status, ErrorBodySchema.parse(badUrgent.json).error.code]).toEqual([422, 'invalid_urgent']);
    expect(ErrorBodySchema.parse(badUrgent.json).error.message).toMatch(/^urgent: /);

    const empty = await call(HUB_ROUTES.listingsUpsert, { token: ADMIN_TOKEN, body: [] });
    expect([empty.status, ErrorBodySchema.parse(empty.json).error.code]).toEqual([400, 'invalid_body']);

    const badItem = await call(HUB_ROUTES.listingsUpsert, { token: ADMIN_TOKEN, body: { listings: [42] } });
    expect([badItem.status, ErrorBodySchema.parse(badItem.json).error.message]).toEqual([
      400,
      'listings[0]: not an object',
    ]);
  });
});
