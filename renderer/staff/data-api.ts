/**
 * Calls of the console's data views that are not plain JSON: uploading a spreadsheet as the
 * request body, and downloading a CSV with the session token (a bare link could not send it).
 */
import { StaffApiError, tokenStore } from './staff-api';

function authHeaders(): Record<string, string> {
  const token = tokenStore.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function failure(response: Response): Promise<StaffApiError> {
  let error: { code?: string; message?: string } | undefined;
  try {
    error = ((await response.json()) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  return new StaffApiError(response.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`);
}

export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/octet-stream' }, body: file });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Fetches a file and hands it to the browser's download, under the server's file name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
