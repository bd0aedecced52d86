/**
 * Registers a route of a shared map (shared/api/: the hall's HALL_ROUTES, and the reference
 * hub's HUB_ROUTES, which scripts/hub registers with this same helper) on Fastify: method and path from the entry,
 * params, querystring and JSON body parsed with its schemas before the handler runs, and the
 * handler typed from them. A part that fails its schema is answered 400 with the one error
 * body (`invalid_params`, `invalid_query`, or the entry's body code), naming the route.
 *
 * Validation runs as the last `preValidation` hook: a route's own `onRequest` checks (the staff
 * guard, a kiosk's token) answer first, so a caller without the right learns nothing from how
 * its input would have been judged.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteShorthandOptions,
  preValidationHookHandler,
} from 'fastify';
import type { z } from 'zod';
import type { RouteBody, RouteDef, RouteParams, RouteQuery, RouteReply } from '../../../shared/api/define-route';
import { HttpError } from './http-error';

export type ApiRequest<R extends RouteDef> = FastifyRequest<{
  Params: RouteParams<R>;
  Querystring: RouteQuery<R>;
  Body: RouteBody<R>;
}>;

/** A handler returns the response (checked against the entry's schema by the typechecker) or sends it on `reply`. */
export type ApiHandler<R extends RouteDef> = (
  request: ApiRequest<R>,
  reply: FastifyReply,
) => Promise<RouteReply<R> | FastifyReply>;

/** `path: message` for the first few issues, so a console or a log line says what to fix. */
function describe(error: z.ZodError, root: string): string {
  return error.issues
    .slice(0, 6)
    .map((issue) => `${issue.path.join('.') || root}: ${issue.message}`)
    .join('; ');
}

function parsePart(
  schema: z.ZodType,
  value: unknown,
  code: string,
  route: RouteDef,
  root: string,
  status = 400,
): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(status, code, `${route.label}: ${describe(parsed.error, root)}`);
  return parsed.data;
}

function hooks(value: RouteShorthandOptions['preValidation']): preValidationHookHandler[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as preValidationHookHandler[];
}

export function apiRoute<R extends RouteDef>(
  app: FastifyInstance,
  route: R,
  options: RouteShorthandOptions,
  handler: ApiHandler<R>,
): void {
  const validate: preValidationHookHandler = async (request) => {
    if (route.params) request.params = parsePart(route.params, request.params, 'invalid_params', route, '(params)');
    if (route.query) request.query = parsePart(route.query, request.query ?? {}, 'invalid_query', route, '(query)');
    if (route.body && route.body !== 'file')
      request.body = parsePart(
        route.body,
        request.body,
        route.bodyError ?? 'invalid_body',
        route,
        '(body)',
        route.bodyStatus,
      );
  };
  app.route({
    ...options,
    method: route.method,
    url: route.path,
    preValidation: [...hooks(options.preValidation), validate],
    // The request was validated into exactly these types by `validate` above.
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}
