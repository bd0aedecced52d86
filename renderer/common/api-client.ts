/**
 * The screens' one client of the hall host, built from the route map (shared/api/): a call
 * names a map entry and passes its path params, query and body; the URL and method come from
 * the entry, the response is parsed with the entry's schema, and every failure — no answer, the
 * host's `{ error: { code, message } }`, a response that does not match — is one `ApiError`.
 */
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/error-body';
import { queryString, routePath, type RouteDef } from '../../shared/api/define-route';
import { ApiError, CLIENT_ERROR_CODES } from './api-error';

type Part<S, K extends string, Optional extends boolean = false> = S extends z.ZodType
  ? Optional extends true
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What a call of `route` takes: exactly the parts its entry has. */
export type CallInput<R extends RouteDef> = Part<R['params'], 'params'> &
  Part<R['query'], 'query', true> &
  (R['body'] extends 'file' ? { body: Blob } : Part<R['body'], 'body'>) & {
    signal?: AbortSignal;
    headers?: Record<string, string>;
  };

export interface ApiClientOptions {
  /** The `Authorization` value to send, read at each call (a staff session, a kiosk's device token). */
  authorization?: () => string | null;
  /** The host's origin; same origin by default. */
  base?: string;
}

/** A JSON route: its response is a schema, so the client can check it. */
type JsonRoute = RouteDef & { response: z.ZodType };
/** A route answering with a file download. */
type FileRoute = RouteDef & { response: 'file' };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((issue) => `${issue.path.join('.') || '(response)'}: ${issue.message}`)
    .join('; ');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The host's error body as an ApiError; an answer without one still gets a code. */
function failure(route: RouteDef, response: Response, body: unknown): ApiError {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success)
    return new ApiError(
      response.status,
      parsed.data.error.code,
      parsed.data.error.message,
      retryAfterMs,
      parsed.data.error.params ?? null,
    );
  return new ApiError(
    response.status,
    CLIENT_ERROR_CODES.httpError,
    `${route.label}: HTTP ${response.status}`,
    retryAfterMs,
  );
}

export interface ApiClient {
  call<R extends JsonRoute>(route: R, input: CallInput<R>): Promise<z.output<R['response']>>;
  /** Fetches a file route; resolves with the answer for the caller to save, or throws the ApiError. */
  fetchFile<R extends FileRoute>(route: R, input: CallInput<R>): Promise<Response>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  async function send(route: RouteDef, input: CallInput<RouteDef>): Promise<Response> {
    const url = `${options.base ?? ''}${routePath(route, input.params as Record<string, string> | undefined)}${queryString(input.query as Record<string, string> | undefined)}`;
    const headers: Record<string, string> = { ...input.headers };
    const authorization = options.authorization?.();
    if (authorization) headers.authorization = authorization;
    let body: BodyInit | undefined;
    if (route.body === 'file') {
      headers['content-type'] = 'application/octet-stream';
      body = input.body as Blob;
    } else if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    try {
      return await fetch(url, {
        method: route.method,
        headers,
        cache: 'no-store',
        ...(body !== undefined ? { body } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
    } catch (error) {
      // An abort is the caller's own doing: hand it back as it is.
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, CLIENT_ERROR_CODES.offline, `${route.label}: ${(error as Error).message}`);
    }
  }

  return {
    async call<R extends JsonRoute>(route: R, input: CallInput<R>): Promise<z.output<R['response']>> {
      const response = await send(route, input as CallInput<RouteDef>);
      const body = await readJson(response);
      if (!response.ok) throw failure(route, response, body);
      const parsed = z.safeParse(route.response, body);
      if (!parsed.success)
        throw new ApiError(
          response.status,
          CLIENT_ERROR_CODES.badResponse,
          `${route.label}: the host's answer does not match the contract (${describe(parsed.error)})`,
        );
      // Already parsed by the entry's own schema; TypeScript cannot carry the generic entry's
      // output type through zod's parse, so it is named here.
      return parsed.data as z.output<R['response']>;
    },
    async fetchFile(route, input) {
      const response = await send(route, input as CallInput<RouteDef>);
      if (!response.ok) throw failure(route, response, await readJson(response));
      return response;
    },
  };
}
