/**
 * The first admin account of a new hall: from `HALL_STAFF_PIN` when it is set and no account
 * exists, otherwise a log line saying where to create one. A PIN that is not usable stops the
 * host with a message, rather than leaving a hall no one can sign in to.
 */
import { PinSchema } from '../../../shared/staff-contract';
import type { Logger } from '../util/logger';
import type { AuditLog } from './audit-log';
import type { StaffAuth } from './staff-auth';

export class StaffSetupError extends Error {
  override name = 'StaffSetupError';
}

export async function ensureFirstAdmin(deps: {
  auth: StaffAuth;
  audit: AuditLog;
  staffPin: string | null;
  log: Logger;
}): Promise<void> {
  const { auth, audit, log } = deps;
  if (auth.hasAccounts()) return;
  if (deps.staffPin === null) {
    log.info('staff: no staff account yet; open /staff to create the first admin PIN');
    return;
  }
  const pin = PinSchema.safeParse(deps.staffPin);
  if (!pin.success)
    throw new StaffSetupError(
      `ensureFirstAdmin: HALL_STAFF_PIN is not usable: ${pin.error.issues[0]?.message ?? 'invalid'}`,
    );
  const who = await auth.setupFirstAdmin('管理员', pin.data);
  audit.record({
    who,
    action: 'setup.first_admin',
    target: who.accountId,
    detail: { from: 'HALL_STAFF_PIN' },
    source: 'host',
  });
  log.info('staff: first admin account created from HALL_STAFF_PIN');
}
