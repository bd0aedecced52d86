/** Helpers for the console data tests: an in-process hall with a signed-in admin, and raw uploads. */
import type { ResponseJson } from '../../support/response-json';
import { startTestHall } from '../../support/in-process-hall';
import { ADMIN_PIN, call } from '../staff/staff-support';
import type { Hall } from '../../../electron/host/hall';

export type TestHall = Hall & { dataDir: string };

export async function hallWithAdmin(
  options: Parameters<typeof startTestHall>[0] = {},
): Promise<{ hall: TestHall; token: string }> {
  const hall = await startTestHall(options);
  const r = await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
  if (r.status !== 201) throw new Error(`hallWithAdmin: setup answered ${r.status}`);
  return { hall, token: r.json.token as string };
}

export async function upload(
  base: string,
  token: string | null,
  name: string,
  body: Buffer | string,
  extra = '',
  contentType = 'application/octet-stream',
) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/api/staff/postings/import?name=${encodeURIComponent(name)}${extra}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let json: ResponseJson;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}
