/** Helpers for staff route tests against a real in-process hall. */
import { expect } from 'vitest';
import type { ResponseJson } from '../../support/response-json';
export const ADMIN_PIN = '271828';

export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let json: ResponseJson;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

export async function signIn(base: string, pin = ADMIN_PIN): Promise<string> {
  const r = await call(base, 'POST', '/api/staff/session', { body: { pin } });
  if (r.status !== 201) throw new Error(`signIn: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.token as string;
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A refusal staff can act on: 4xx, an error code, and a message that says something. */
export function expectClearRefusal(r: { status: number; json: ResponseJson }, label: string): void {
  expect(r.status, label).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  expect(typeof r.json?.error?.code, label).toBe('string');
  expect(r.json.error.message.length, label).toBeGreaterThan(5);
}
