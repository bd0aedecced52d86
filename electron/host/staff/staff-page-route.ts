/**
 * `GET /staff`: the console's built page. A missing console build must not stop the boards, so
 * the route then answers 503 saying what to do instead of the host refusing to start.
 */
import { STAFF_ROUTES } from '../../../shared/api/staff-routes';
import { apiRoute } from '../server/api-route';
import { readPage, RendererMissingError, servePage, type RouteModule } from '../server/http-server';
import type { Logger } from '../util/logger';

export function staffPageRoute(deps: { rendererDir: string; log: Logger }): RouteModule {
  let page: string | null = null;
  let missing = '';
  try {
    page = readPage(deps.rendererDir, 'staff');
  } catch (error) {
    if (!(error instanceof RendererMissingError)) throw error;
    missing = error.message;
    deps.log.warn({ err: error }, 'staff console page is not built');
  }
  return (app) => {
    if (page !== null) servePage(app, STAFF_ROUTES.staffPage, page);
    else
      apiRoute(app, STAFF_ROUTES.staffPage, {}, async (_request, reply) =>
        reply.status(503).send({ error: { code: 'renderer_missing', message: missing } }),
      );
  };
}
