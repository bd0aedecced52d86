import type { FastifyReply } from 'fastify';
import type { ErrorBody } from '../../../shared/contract';

/** What a screen's sentence for the code fills in (lists are joined by the screen, in its language). */
export type HttpErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * An error a route means to show its caller: `{ error: { code, message } }` with `status`, and
 * `params` where the screen's sentence for the code fills something in (the import's missing columns).
 */
export class HttpError extends Error {
  override name = 'HttpError';
  /** For 429 and 503: when to try again (sent as `Retry-After`, in whole seconds). */
  readonly retryAfterMs: number | null;
  readonly params: HttpErrorParams | null;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: { retryAfterMs?: number; params?: HttpErrorParams } = {},
  ) {
    super(message);
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.params = options.params ?? null;
  }

  toBody(): ErrorBody {
    if (!this.params) return { error: { code: this.code, message: this.message } };
    const params = Object.fromEntries(
      Object.entries(this.params).map(([k, v]) => [k, typeof v === 'object' ? [...v] : v]),
    );
    return { error: { code: this.code, message: this.message, params } };
  }

  /** Sends this error (with its Retry-After, if any). */
  send(reply: FastifyReply): FastifyReply {
    if (this.retryAfterMs !== null)
      reply.header('retry-after', String(Math.max(1, Math.ceil(this.retryAfterMs / 1000))));
    return reply.status(this.status).send(this.toBody());
  }
}

/**
 * What `find` holds under an id from the URL, or a 404 `code` saying "no <what> has id …" (the
 * id cut to `shownChars`: it is the caller's text). An id that fails `pattern` is not looked up.
 */
export function foundById<T>(
  id: string,
  pattern: RegExp,
  find: (id: string) => T | null | undefined,
  code: string,
  what: string,
  shownChars = 40,
): T {
  const found = pattern.test(id) ? find(id) : undefined;
  if (found === undefined || found === null)
    throw new HttpError(404, code, `no ${what} has id "${id.slice(0, shownChars)}"`);
  return found;
}
