/**
 * The console's file calls: downloading a CSV with the session token (a bare link could not
 * send it), under the server's file name.
 */
import type { RouteDef } from '../../shared/api/define-route';
import type { CallInput } from '../common/api-client';
import { staffApi } from './staff-api';

/** Fetches a file route and hands it to the browser's download, under the server's file name. */
export async function downloadFile<R extends RouteDef & { response: 'file' }>(
  route: R,
  input: CallInput<R>,
  fallbackName: string,
): Promise<void> {
  const response = await staffApi.fetchFile(route, input);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
