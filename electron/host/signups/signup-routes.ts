/**
 * Sign-ups in the console. Phones and names are masked in every answer unless staff reveal
 * them, which needs a reason and is written to the audit log (one sign-up, or a revealed
 * export). Marking a sign-up contacted, changing the retention period and purging are audited.
 */
import type { FastifyInstance } from 'fastify';
import type { SignupsResponse } from '../../../shared/staff-data-contract';
import { STAFF_DATA_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import { foundById, HttpError } from '../server/http-error';
import type { ConsoleRouteDeps } from '../staff/staff-guard';
import { signupsToCsv } from './signup-csv';
import { maskPhone } from '../../../shared/format';
import type { SignupStore } from './signup-store';
import { purgeCounts } from './signup-purge';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignupRouteDeps extends ConsoleRouteDeps {
  /** Whether sign-ups go to a city platform (false in a standalone hall). */
  upstream: boolean;
  signups: SignupStore;
}

export function signupRoutes(deps: SignupRouteDeps) {
  const { db, signups, audit, guard, clock } = deps;

  const existing = (id: string) =>
    foundById(id, UUID, (i) => signups.get(i.toLowerCase(), false), 'signup_not_found', 'sign-up');

  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_DATA_ROUTES.signups, guard.options(), async (request): Promise<SignupsResponse> => {
      const q = request.query.q;
      const found = signups.list(request.query);
      // A search by phone can say who someone is (that this number signed up): audited, the
      // number masked in the record.
      if (q && q.by !== 'number') {
        const who = guard.who(request);
        audit.record({
          who,
          action: 'signup.search',
          detail: { by: q.by, q: q.by === 'phone' ? maskPhone(q.value) : `****${q.value}`, results: found.total },
          source: request.ip,
        });
      }
      return {
        ...found,
        retentionDays: signups.retentionDays(),
        lastPurge: signups.lastPurge(),
        serverNow: clock(),
        upstream: deps.upstream,
      };
    });

    apiRoute(app, STAFF_DATA_ROUTES.signupReveal, guard.options(), async (request) => {
      const who = guard.who(request);
      const masked = existing(request.params.id);
      const { reason } = request.body;
      // Audit first, in the same transaction as the read: no reveal without its record.
      const entry = {
        who,
        action: 'signup.reveal',
        target: masked.id,
        detail: { number: masked.number, reason },
        source: request.ip,
      };
      return audit.recordWith(entry, () => {
        const shown = signups.get(masked.id, true)!;
        return { id: shown.id, phone: shown.phone, name: shown.name };
      });
    });

    apiRoute(app, STAFF_DATA_ROUTES.signupContacted, guard.options(), async (request) => {
      const who = guard.who(request);
      const masked = existing(request.params.id);
      const { contacted } = request.body;
      const action = contacted ? 'signup.contacted' : 'signup.uncontacted';
      audit.recordWith({ who, action, target: masked.id, detail: { number: masked.number }, source: request.ip }, () =>
        signups.setContacted(masked.id, contacted, who.name, clock()),
      );
      return existing(masked.id);
    });

    apiRoute(app, STAFF_DATA_ROUTES.signupsExport, guard.options(), async (request, reply) => {
      const who = guard.who(request);
      const { reveal, reason } = request.query;
      if (reveal && (!reason || reason.length < 2 || /[<>]/.test(reason))) {
        throw new HttpError(
          400,
          'reason_required',
          'export: an export with phones and names needs a reason (2–100 characters of plain text)',
        );
      }
      const csv = db.transaction(() => {
        const rows = signups.all(reveal);
        audit.record({
          who,
          action: reveal ? 'signup.export_revealed' : 'signup.export',
          detail: { rows: rows.length, ...(reveal ? { reason } : {}) },
          source: request.ip,
        });
        return signupsToCsv(rows);
      })();
      const day = new Date(clock() + 8 * 3600_000).toISOString().slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="signups-${day}${reveal ? '' : '-masked'}.csv"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    });

    apiRoute(app, STAFF_DATA_ROUTES.signupsRetention, guard.options(true), async (request) => {
      const who = guard.who(request);
      const { days } = request.body;
      const before = signups.retentionDays();
      audit.recordWith(
        { who, action: 'signup.retention', detail: { from: before, to: days }, source: request.ip },
        () => signups.setRetentionDays(days),
      );
      return { retentionDays: days };
    });

    apiRoute(app, STAFF_DATA_ROUTES.signupsPurge, guard.options(), async (request) => {
      const who = guard.who(request);
      if (
        request.body !== undefined &&
        request.body !== null &&
        !(typeof request.body === 'object' && Object.keys(request.body).length === 0)
      ) {
        throw new HttpError(400, 'invalid_body', 'purge: takes no body (the retention period decides what goes)');
      }
      const report = signups.purge(clock(), who.name, (r) =>
        audit.record({ who, action: 'signup.purge', detail: purgeCounts(r), source: request.ip }),
      );
      if (report.removed > 0) deps.changed();
      return report;
    });
  };
}
