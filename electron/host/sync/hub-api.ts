/**
 * The hall's REST client for the hub's change feed. Typed errors tell the sync loop what to
 * do next: an auth error means "retry rarely and tell the operator", anything else "retry".
 */
import { queryString } from '../../../shared/api/define-route';
import { HUB_ROUTES } from '../../../shared/api/hub-routes';
import { ChangesPageSchema, type ChangesPage } from '../../../shared/api/hub-wire';

export interface HubEndpoint {
  /** The first (or only) hub node. */
  url: string;
  /** Every hub node, in the order `--hub` gave them; the sync client fails over along it. */
  urls?: readonly string[];
  hallId: string;
  token: string;
}

/** The hub refused this hall's token (401/403 or a refused socket handshake). */
export class HubAuthError extends Error {
  override name = 'HubAuthError';
  readonly code = 'unauthorized';
}

/** The hub could not be reached or answered something the hall cannot use. */
export class HubRequestError extends Error {
  override name = 'HubRequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function fetchChangesPage(
  hub: HubEndpoint,
  since: number,
  limit: number,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ChangesPage> {
  const url = `${hub.url}${HUB_ROUTES.changes.path}${queryString({ since, limit })}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${hub.token}`, accept: 'application/json' },
      signal,
    });
  } catch (error) {
    // Stopped by the caller (a catch-up cancelled): say so, as the page worker's stream does.
    if (options.signal?.aborted) throw new HubRequestError('fetchChangesPage: catch-up stopped', null, 'aborted');
    throw new HubRequestError(
      `fetchChangesPage: hub unreachable at ${hub.url} (${(error as Error).message})`,
      null,
      'unreachable',
    );
  }
  if (response.status === 401 || response.status === 403) {
    const detail = await response.text().catch(() => '');
    throw new HubAuthError(
      `fetchChangesPage: the hub refused hall "${hub.hallId}" (HTTP ${response.status}); check --hub-token. ${detail.slice(0, 200)}`,
    );
  }
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new HubRequestError(
      `fetchChangesPage: HTTP ${response.status} from ${url}: ${detail.slice(0, 200)}`,
      response.status,
      'http_error',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new HubRequestError(
      `fetchChangesPage: the hub sent a body that is not JSON (${(error as Error).message})`,
      response.status,
      'bad_body',
    );
  }
  const parsed = ChangesPageSchema.safeParse(body);
  if (!parsed.success) {
    throw new HubRequestError(
      `fetchChangesPage: the hub sent a page without { changes, lastSeq, hasMore }`,
      response.status,
      'bad_page',
    );
  }
  return parsed.data;
}
