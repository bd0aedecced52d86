/**
 * One HTTP route as data: method, path, who may call it, and zod schemas for its params,
 * querystring, body and response. The host registers routes from these entries and the
 * renderers' client builds requests from them, so neither side spells a path or a shape again.
 */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone (`public`), a signed-in staff account (`staff`, `admin` for the
 * admin role), an authorised kiosk device (`kiosk`), a hall with its token (`hall`) or the
 * hub's admin (`hub-admin`). The host enforces it; the entry says it for the reader.
 */
export type RouteAuth = 'public' | 'staff' | 'admin' | 'kiosk' | 'hall' | 'hub-admin';

/** What a route answers with when it is not JSON: a built HTML page, a file download, or a redirect. */
export type NonJsonResponse = 'page' | 'file' | 'redirect';

export interface RouteDef {
  readonly method: HttpMethod;
  /** Fastify's path syntax: `/api/urgent/:id`. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** A JSON body's schema, or `'file'`: the body is a file's raw bytes (the import). */
  readonly body?: z.ZodType | 'file';
  readonly response: z.ZodType | NonJsonResponse;
  /** Names the route in validation errors (`"urgent posting: title: required"`). */
  readonly label: string;
  /** The error code of a body that fails its schema; `invalid_body` unless a route says otherwise. */
  readonly bodyError?: string;
  /** The status of a body that fails its schema; 400 unless a route says otherwise (the hub's 422s). */
  readonly bodyStatus?: number;
}

/** Keeps each entry's literal types (method, path, schemas) while checking it is a RouteDef. */
export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}

type SchemaOf<T, Io extends 'in' | 'out'> = T extends z.ZodType
  ? Io extends 'in'
    ? z.input<T>
    : z.output<T>
  : undefined;

/** What a caller sends (schema inputs) and what a handler gets (schema outputs). */
export type RouteParams<R extends RouteDef> = SchemaOf<R['params'], 'out'>;
export type RouteQuery<R extends RouteDef> = SchemaOf<R['query'], 'out'>;
export type RouteBody<R extends RouteDef> = R['body'] extends 'file' ? Uint8Array : SchemaOf<R['body'], 'out'>;
/** The response as the handler returns it (schema input: defaults may be left out). */
export type RouteReply<R extends RouteDef> = R['response'] extends z.ZodType ? z.input<R['response']> : unknown;
/** The response as the client hands it on, after the schema parsed it. */
export type RouteResponse<R extends RouteDef> = R['response'] extends z.ZodType ? z.output<R['response']> : never;

/** A route's path with its `:params` filled in, each encoded. */
export function routePath(route: Pick<RouteDef, 'path'>, params?: Record<string, string | number>): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`routePath: ${route.path} needs the parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}

/** A querystring from plain values: undefined, null and '' are left out; booleans become 1 / 0. */
export function queryString(query?: Record<string, string | number | boolean | null | undefined>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
