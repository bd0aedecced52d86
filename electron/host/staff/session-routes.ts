/** Sign-in, first-use setup, sign-out, accounts and the audit log. */
import type { FastifyInstance } from 'fastify';
import type { SessionResponse } from '../../../shared/staff-contract';
import { STAFF_ROUTES } from '../../../shared/api/hall-routes';
import { HttpError } from '../server/http-error';
import { apiRoute } from '../server/api-route';
import type { AuditLog } from './audit-log';
import { StaffAuthError, type StaffAuth, type StaffSession } from './staff-auth';
import { PinHashBusyError } from './pin-hash';
import type { LimitCounters } from '../server/limit-counters';
import { bearerToken, STAFF_BODY_LIMIT, type StaffGuard } from './staff-guard';

/** Refused attempts of one device are summed into one audit row per this period. */
export const REFUSED_AUDIT_PERIOD_MS = 60_000;

function authFailure(error: unknown): never {
  if (error instanceof StaffAuthError) {
    if (error.code === 'locked_out' || error.code === 'busy')
      throw new HttpError(429, error.code, error.message, { retryAfterMs: error.retryAfterMs });
    if (error.code === 'wrong_pin') throw new HttpError(401, 'wrong_pin', error.message);
    throw new HttpError(409, error.code, error.message);
  }
  if (error instanceof PinHashBusyError)
    throw new HttpError(503, 'busy', 'sign-in: the hall is checking many PINs at once; try again in a moment', {
      retryAfterMs: 1000,
    });
  throw error;
}

export function sessionRoutes(deps: { auth: StaffAuth; audit: AuditLog; guard: StaffGuard; limits?: LimitCounters }) {
  const { auth, audit, guard } = deps;

  /** One row per wrong PIN and per lock-out; attempts refused while locked out or busy are summed. */
  function auditFailure(error: StaffAuthError, source: string): void {
    if (error.code === 'wrong_pin' || (error.code === 'locked_out' && error.justLocked)) {
      audit.record({
        who: null,
        action: error.code === 'wrong_pin' ? 'session.wrong_pin' : 'session.locked_out',
        source,
      });
      return;
    }
    if (error.code !== 'locked_out' && error.code !== 'busy') return;
    deps.limits?.hit(error.code === 'busy' ? 'signin.busy' : 'signin.locked_out', { source });
    const action = error.code === 'busy' ? 'session.busy' : 'session.locked_out';
    audit.recordSummed({ who: null, action, source }, `${action}|${source}`, REFUSED_AUDIT_PERIOD_MS);
  }
  /** A session just opened (by setup or by sign-in): audited, and what the route answers. */
  function signedIn(session: StaffSession, source: string): SessionResponse {
    audit.record({ who: session, action: 'session.signin', source });
    return {
      token: session.token,
      accountId: session.accountId,
      name: session.name,
      role: session.role,
      expiresAt: session.expiresAt,
    };
  }
  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_ROUTES.setupState, {}, async () => ({ needsSetup: !auth.hasAccounts() }));

    const setupOpen = async () => {
      if (auth.hasAccounts())
        throw new HttpError(409, 'setup_done', 'the first admin already exists; sign in with a PIN');
    };
    apiRoute(
      app,
      STAFF_ROUTES.setup,
      { bodyLimit: STAFF_BODY_LIMIT, preValidation: setupOpen },
      async (request, reply) => {
        const input = request.body;
        let session;
        try {
          const who = await auth.setupFirstAdmin(input.name, input.pin);
          audit.record({ who, action: 'setup.first_admin', target: who.accountId, source: request.ip });
          session = await auth.signIn(input.pin, request.ip);
        } catch (error) {
          authFailure(error);
        }
        return reply.status(201).send(signedIn(session, request.ip));
      },
    );

    apiRoute(app, STAFF_ROUTES.signIn, { bodyLimit: STAFF_BODY_LIMIT }, async (request, reply) => {
      const { pin } = request.body;
      if (!auth.hasAccounts())
        throw new HttpError(409, 'needs_setup', 'no staff account exists yet: create the first admin PIN at /staff');
      try {
        const session = await auth.signIn(pin, request.ip);
        return reply.status(201).send(signedIn(session, request.ip));
      } catch (error) {
        if (error instanceof StaffAuthError) auditFailure(error, request.ip);
        return authFailure(error);
      }
    });

    apiRoute(app, STAFF_ROUTES.signOut, guard.options(), async (request) => {
      const who = guard.who(request);
      auth.signOut(bearerToken(request)!);
      audit.record({ who, action: 'session.signout', source: request.ip });
      return { ok: true as const };
    });

    apiRoute(app, STAFF_ROUTES.me, guard.options(), async (request) => guard.who(request));

    apiRoute(app, STAFF_ROUTES.createAccount, guard.options(true), async (request, reply) => {
      const who = guard.who(request);
      const input = request.body;
      try {
        const created = await auth.createAccount(input.name, input.pin, input.role);
        audit.record({
          who,
          action: 'account.create',
          target: created.accountId,
          detail: { name: created.name, role: created.role },
          source: request.ip,
        });
        return reply.status(201).send(created);
      } catch (error) {
        return authFailure(error);
      }
    });

    apiRoute(app, STAFF_ROUTES.audit, guard.options(), async (request) => {
      return { ...audit.search(request.query), who: audit.names() };
    });
  };
}
