/**
 * The one gate in front of every staff route: a valid Bearer token or 401, checked in
 * `onRequest` (before the body is even read), so a request without a token learns nothing
 * about what its body would have done. Staff bodies are small; a bigger one is refused (413).
 */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodError } from 'zod';
import type { StaffIdentity } from '../../../shared/staff-contract';
import type { WritableDatabase } from '../db/handles';
import { HttpError } from '../server/http-error';
import type { AuditLog } from './audit-log';
import type { StaffAuth } from './staff-auth';
import { bearerHolder, bearerOf } from '../server/bearer';

export const STAFF_BODY_LIMIT = 16 * 1024;

export function bearerToken(request: FastifyRequest): string | undefined {
  return bearerOf(request.headers.authorization);
}

export interface StaffGuard {
  /** Route options for staff routes; `admin` also needs the admin role. */
  options(admin?: boolean): RouteShorthandOptions;
  /** The identity behind this request (only inside a guarded route). */
  who(request: FastifyRequest): StaffIdentity;
}

/** What every staff route module takes: the database, the audit log, the guard and the clock. */
export interface StaffRouteDeps {
  db: WritableDatabase;
  audit: AuditLog;
  guard: StaffGuard;
  clock: () => number;
}

/** A console data route module's deps: a staff route's, and what to call when its data changed. */
export interface ConsoleRouteDeps extends StaffRouteDeps {
  /** Postings or sign-ups changed: re-plan the boards, refresh the pulse. */
  changed: () => void;
}

const STAFF_REFUSALS = {
  missing: [
    401,
    'staff_unauthorised',
    'staff only: sign in at /staff and send the session token as `Authorization: Bearer <token>`',
  ],
  unknown: [401, 'staff_session_invalid', 'the staff session is unknown or has expired; sign in again'],
} as const;

export function createStaffGuard(auth: StaffAuth): StaffGuard {
  const identities = new WeakMap<FastifyRequest, StaffIdentity>();

  function check(admin: boolean) {
    return async (request: FastifyRequest, _reply: FastifyReply) => {
      const who = bearerHolder(request.headers.authorization, (token) => auth.authenticate(token), STAFF_REFUSALS);
      if (admin && who.role !== 'admin')
        throw new HttpError(403, 'staff_admin_only', 'only an admin account may do this');
      identities.set(request, who);
    };
  }

  return {
    options: (admin = false) => ({ onRequest: check(admin), bodyLimit: STAFF_BODY_LIMIT }),
    who(request) {
      const who = identities.get(request);
      if (!who) throw new HttpError(401, 'staff_unauthorised', 'staff only');
      return who;
    },
  };
}

/** Parses with a zod schema or throws a 400 naming what was wrong. */
export function parseBody<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  body: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 6)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    throw new HttpError(400, 'invalid_body', `${what}: ${issues}`);
  }
  return parsed.data;
}
