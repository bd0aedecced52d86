/**
 * The screens' one client (renderer/common/api-client.ts) against the real hall host: requests
 * built from the route map, responses checked with its schemas, and every failure one ApiError
 * — the host's error body, no answer, an answer without the error body, an answer that does
 * not match its schema — with the text a zh-CN screen shows chosen by the code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES } from '../../../shared/api/public-routes';
import { STAFF_DATA_ROUTES } from '../../../shared/api/staff-data-routes';
import { STAFF_ROUTES } from '../../../shared/api/staff-routes';
import { createApiClient } from '../../../renderer/common/api-client';
import { ApiError } from '../../../renderer/common/api-error';
import { apiErrorText } from '../../../renderer/common/api-error-text';
import { createI18n } from '../../../renderer/common/i18n';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';

const ADMIN_PIN = '583920';

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** A real HTTP server answering every request with one fixed reply. */
async function serveOnce(status: number, type: string, body: string): Promise<{ server: Server; base: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the common API client', () => {
  let hall: Hall & { dataDir: string };
  let token: string | null = null;
  const zh = createI18n('zh-CN');

  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall?.close());

  const client = () => createApiClient({ base: hall.url, authorization: () => (token ? `Bearer ${token}` : null) });

  it('calls the public search with a query built from the map and parses the answer', async () => {
    const result = await client().call(PUBLIC_ROUTES.listings, { query: { limit: 3 } });
    expect(result.listings.length).toBe(3);
    expect(result.total).toBeGreaterThan(3);
  });

  it('turns the host error body into an ApiError with status and code, shown in Chinese', async () => {
    const error = await failure(client().call(STAFF_ROUTES.me, {}));
    expect(error.status).toBe(401);
    expect(error.code).toBe('staff_unauthorised');
    const text = apiErrorText(zh.t, error);
    expect(text).toBe('请先登录员工后台。');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('signs in, then sends the session on staff calls, with path params and JSON bodies', async () => {
    const session = await client().call(STAFF_ROUTES.setup, { body: { name: '管理员', pin: ADMIN_PIN } });
    token = session.token;
    expect(session.role).toBe('admin');
    const me = await client().call(STAFF_ROUTES.me, {});
    expect(me.name).toBe('管理员');
    const screens = await client().call(STAFF_ROUTES.screens, {});
    const first = screens.screens[0]!;
    const updated = await client().call(STAFF_ROUTES.screenUpdate, {
      params: { id: first.id },
      body: { viewingDistanceM: 9 },
    });
    expect(updated.viewingDistanceM).toBe(9);
    const missing = await failure(
      client().call(STAFF_ROUTES.screenUpdate, { params: { id: 'no/such screen' }, body: { viewingDistanceM: 9 } }),
    );
    expect([missing.status, missing.code]).toEqual([404, 'unknown_screen']);
  });

  it('parses every staff GET answer of a fresh hall with its schema', async () => {
    const calls = [
      client().call(STAFF_ROUTES.urgentList, {}),
      client().call(STAFF_ROUTES.audit, { query: { limit: 5 } }),
      client().call(STAFF_DATA_ROUTES.postings, { query: { limit: 5, hallOnly: '0' } }),
      client().call(STAFF_DATA_ROUTES.signups, { query: { limit: 5 } }),
      client().call(STAFF_DATA_ROUTES.pulse, {}),
    ];
    const [urgent, audit, postings, signups, pulse] = await Promise.all(calls);
    expect(urgent).toMatchObject({ urgent: [] });
    expect((audit as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    expect((postings as { postings: unknown[] }).postings.length).toBe(5);
    expect(signups).toMatchObject({ signups: [], total: 0 });
    expect(pulse).toHaveProperty('pulse.trades');
  });

  it('refuses a body the map does not allow with invalid_body, naming the route', async () => {
    const error = await failure(client().call(STAFF_ROUTES.noticeSet, { body: { text: '' } }));
    expect([error.status, error.code]).toEqual([400, 'invalid_body']);
    expect(error.message).toMatch(/^notice: /);
    expect(apiErrorText(zh.t, error)).toBe('填写的内容不符合要求，请检查后再提交。');
  });

  it('downloads a file route and maps its failure the same way', async () => {
    const file = await client().fetchFile(STAFF_DATA_ROUTES.importTemplate, {});
    expect(file.headers.get('content-type')).toMatch(/text\/csv/);
    const anonymous = createApiClient({ base: hall.url });
    const error = await failure(anonymous.fetchFile(STAFF_DATA_ROUTES.importTemplate, {}));
    expect([error.status, error.code]).toEqual([401, 'staff_unauthorised']);
  });

  it('is an ApiError "offline" when nothing answers', async () => {
    const { server, base } = await serveOnce(200, 'application/json', '{}');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failure(createApiClient({ base }).call(PUBLIC_ROUTES.health, {}));
    expect([error.status, error.code]).toEqual([0, 'offline']);
    expect(apiErrorText(zh.t, error)).toBe('无法连接主机，请检查网络。');
  });

  it('is an ApiError "bad_response", not a crash, when a 200 answer does not match the schema', async () => {
    const { server, base } = await serveOnce(
      200,
      'application/json',
      JSON.stringify({ status: 'ok', listings: 'many' }),
    );
    try {
      const error = await failure(createApiClient({ base }).call(PUBLIC_ROUTES.health, {}));
      expect([error.status, error.code]).toEqual([200, 'bad_response']);
      expect(error.message).toMatch(/^health: .*listings/);
      expect(apiErrorText(zh.t, error)).toMatch(/主机的回答格式不对/);
    } finally {
      server.close();
    }
  });

  it('is an ApiError "http_error" for an error page without the error body, and keeps Retry-After', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '7' });
      res.end('<h1>Bad gateway</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await failure(createApiClient({ base }).call(PUBLIC_ROUTES.health, {}));
      expect([error.status, error.code, error.retryAfterMs]).toEqual([503, 'http_error', 7000]);
    } finally {
      server.close();
    }
  });

  it('shows an unknown code in Chinese with the code, never the host English message', () => {
    const text = apiErrorText(zh.t, new ApiError(418, 'teapot_refused', 'I am a teapot'));
    expect(text).toContain('teapot_refused');
    expect(text).not.toContain('teapot ');
    expect(text).toMatch(/操作未成功/);
  });
});
