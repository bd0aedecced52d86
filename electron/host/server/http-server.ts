import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Health, PostingQuery, PostingsResponse } from '../../../shared/contract';
import type { RouteDef } from '../../../shared/api/define-route';
import { PUBLIC_ROUTES } from '../../../shared/api/hall-routes';
import { SCREEN_ID } from '../../../shared/schemas/screen';
import { HttpError } from './http-error';
import { apiRoute } from './api-route';
import type { Logger } from '../util/logger';

/** A group of routes owned by one concern (kiosk, staff, …), registered by the composition root. */
export type RouteModule = (app: FastifyInstance) => void | Promise<void>;

export interface HttpDeps {
  log: Logger;
  /** Told of every route as Fastify registers it (HEAD twins included). */
  onRoute?: (route: { method: string; url: string }) => void;
}

export interface PublicRouteDeps {
  /** The built board page (`readPage(rendererDir, 'board')`), the same for every screen id. */
  boardPage: string;
  health: () => Health;
  /** The public search, bounded per address (public-search.ts). */
  searchPostings: (query: PostingQuery, address: string) => PostingsResponse;
}

/**
 * Sent with every HTML response, whatever route or static path served it (`/staff` and
 * `/staff/index.html` alike). `frame-ancestors` works only as a header: browsers ignore it in
 * the pages' meta tag, so without the header another site could frame the console.
 */
export const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export class RendererMissingError extends Error {
  override name = 'RendererMissingError';
}

/** The built HTML entry of a window role (`dist/renderer/<role>/index.html`). */
export function readPage(rendererDir: string, role: string): string {
  const file = join(rendererDir, role, 'index.html');
  if (!existsSync(file)) {
    throw new RendererMissingError(
      `readPage: the ${role} screen is not built (${file} is missing); run \`npm run build:renderer\``,
    );
  }
  return readFileSync(file, 'utf8');
}

/** Serves a built page (a map entry with `response: 'page'`) with the security headers every page gets. */
export function servePage(app: FastifyInstance, route: RouteDef & { response: 'page' }, html: string): void {
  apiRoute(app, route, {}, async (_request, reply) =>
    reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html),
  );
}

/**
 * The hall's HTTP server with no route yet: the one error body for every failure, the 404, and
 * the page headers on every HTML answer. The composition root (hall.ts) creates it first, hangs
 * socket.io on `app.server`, and registers the routes of every part once the parts exist.
 */
export function createHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  const onRoute = deps.onRoute;
  if (onRoute) {
    app.addHook('onRoute', (route) => {
      for (const method of Array.isArray(route.method) ? route.method : [route.method])
        onRoute({ method, url: route.url });
    });
  }

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return error.send(reply);
    const { statusCode, code, message } = error as { statusCode?: number; code?: string; message?: string };
    // Fastify's own 4xx (unparsable JSON, body too large, bad content type) keep their status.
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return reply
        .status(statusCode)
        .send({ error: { code: code ?? 'bad_request', message: message ?? 'bad request' } });
    }
    deps.log.error({ err: error }, 'unhandled route error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error; see the hall log' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
  });

  // Every HTML answer gets the page headers, including the built index.html files that the
  // static handler would otherwise serve bare.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.headers(PAGE_HEADERS);
    return payload;
  });

  return app;
}

/** Health, the public search and the board page (`PUBLIC_ROUTES`; the pairing routes are devices/'). */
export function publicRoutes(deps: PublicRouteDeps): RouteModule {
  return (app) => {
    apiRoute(app, PUBLIC_ROUTES.health, {}, async () => deps.health());

    apiRoute(app, PUBLIC_ROUTES.listings, {}, async (request) => deps.searchPostings(request.query, request.ip));

    apiRoute(app, PUBLIC_ROUTES.boardPage, {}, async (request, reply) => {
      const { screenId } = request.params;
      if (!SCREEN_ID.test(screenId)) throw new HttpError(404, 'unknown_screen', `"${screenId}" is not a screen id`);
      // An unconfigured id still gets the page: it shows a notice and picks up the screen as
      // soon as staff configure it, instead of a dead 404 on a wall.
      return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(deps.boardPage);
    });
  };
}

/** `/` to the first board, and the built assets (hashed file names) under dist/renderer. */
export function assetRoutes(deps: { rendererDir: string; defaultScreenId: () => string | null }): RouteModule {
  return async (app) => {
    apiRoute(app, PUBLIC_ROUTES.home, {}, async (_request, reply) => {
      const id = deps.defaultScreenId();
      return reply.redirect(id ? `/board/${id}` : '/healthz');
    });

    await app.register(fastifyStatic, {
      root: deps.rendererDir,
      prefix: '/',
      index: false,
      wildcard: true,
      setHeaders(res, path) {
        if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  };
}
