/**
 * Bearer-token checks for the reference hub. Tokens are compared in constant time so a hall
 * on the network cannot learn the admin token one character at a time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../../electron/host/server/http-error';

export type Role = 'admin' | 'hall';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export function tokenEquals(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The role a request's token grants; admin may do everything a hall may. */
export function requireRole(header: string | undefined, role: Role, tokens: { admin: string; hall: string }): void {
  const token = bearerOf(header);
  if (token === undefined)
    throw new HttpError(401, 'unauthorized', 'requireRole: missing "Authorization: Bearer <token>" header');
  if (tokenEquals(token, tokens.admin)) return;
  if (role === 'hall' && tokenEquals(token, tokens.hall)) return;
  if (role === 'admin' && tokenEquals(token, tokens.hall)) {
    throw new HttpError(403, 'forbidden', 'requireRole: this route needs the admin token, not a hall token');
  }
  throw new HttpError(401, 'unauthorized', 'requireRole: the token is not valid for this hub');
}
