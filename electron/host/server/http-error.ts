import type { FastifyReply } from 'fastify';
import type { ErrorBody } from '../../../shared/contract';

/** An error a route means to show its caller: `{ error: { code, message } }` with `status`. */
export class HttpError extends Error {
  override name = 'HttpError';
  /** For 429 and 503: when to try again (sent as `Retry-After`, in whole seconds). */
  readonly retryAfterMs: number | null;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: { retryAfterMs?: number } = {},
  ) {
    super(message);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }

  /** Sends this error (with its Retry-After, if any). */
  send(reply: FastifyReply): FastifyReply {
    if (this.retryAfterMs !== null)
      reply.header('retry-after', String(Math.max(1, Math.ceil(this.retryAfterMs / 1000))));
    return reply.status(this.status).send(this.toBody());
  }
}
