/** Helpers for the console data tests: an in-process hall with a signed-in admin, and raw uploads. */
import { afterAll, beforeAll } from 'vitest';
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

/** A body `POST /api/staff/postings` takes (a 叉车司机 in 信州区, live for a day), with overrides. */
export function postingInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '叉车司机',
    occupation: 'driving',
    employerName: 'x',
    employerKind: 'enterprise',
    employerVerified: false,
    payMin: 200,
    payUnit: 'day',
    settlement: 'daily',
    headcount: 1,
    employmentType: 'gig',
    districtCode: '361102',
    contactPhone: '13812348000',
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    ...overrides,
  };
}

/**
 * hallWithAdmin() for the describe this is called in: started before its tests, closed after.
 * Read `hall` and `token` inside the tests (they are set once beforeAll has run).
 */
export function adminHallForSuite(options: Parameters<typeof startTestHall>[0] = {}): {
  hall: TestHall;
  token: string;
} {
  const suite = {} as { hall: TestHall; token: string };
  beforeAll(async () => {
    Object.assign(suite, await hallWithAdmin(options));
  });
  afterAll(async () => {
    await suite.hall?.close();
  });
  return suite;
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
