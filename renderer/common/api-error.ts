/**
 * The one error of every call to the host: the HTTP status (0 when the host was not reached),
 * the contract's error code, and the host's message (English, for logs and tests — a screen
 * shows `apiErrorText`, chosen by the code, never this message).
 */
import type { ErrorParams } from '../../shared/api/error-body';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From the host's `Retry-After` (429, 503): how long to wait before asking again. */
    readonly retryAfterMs: number | null = null,
    /** What the screen's sentence for the code fills in, when the host sent it. */
    readonly params: ErrorParams | null = null,
  ) {
    super(message);
  }
}

/** The codes the client itself gives: no answer, an answer without the error body, an answer not matching its schema. */
export const CLIENT_ERROR_CODES = { offline: 'offline', httpError: 'http_error', badResponse: 'bad_response' } as const;
