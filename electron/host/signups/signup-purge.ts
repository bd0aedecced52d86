/**
 * Sign-ups past the retention period staff set are deleted at start and then every hour, with
 * one audit row for each run that removed something (DOMAIN.md: personal data is kept no
 * longer than needed).
 */
import type { PurgeReport } from '../../../shared/staff-data-contract';
import type { AuditLog } from '../staff/audit-log';
import type { Logger } from '../util/logger';
import type { SignupStore } from './signup-store';

const PURGE_EVERY_MS = 3600_000;

/** What a purge removed, kept and dropped: the detail of its audit row and its log line. */
export function purgeCounts(
  r: PurgeReport,
): Pick<PurgeReport, 'removed' | 'outboxRemoved' | 'outboxWaiting' | 'outboxDropped'> {
  return {
    removed: r.removed,
    outboxRemoved: r.outboxRemoved,
    outboxWaiting: r.outboxWaiting,
    outboxDropped: r.outboxDropped,
  };
}

export function startSignupPurge(deps: {
  signups: SignupStore;
  audit: AuditLog;
  clock: () => number;
  log: Logger;
  changed: () => void;
}): { close(): void } {
  const { signups, audit, clock, log } = deps;
  function purgeNow(): void {
    try {
      const report = signups.purge(clock(), null, (r) => {
        if (r.removed + r.outboxRemoved + r.outboxDropped === 0) return;
        audit.record({
          who: null,
          action: 'signup.purge',
          detail: { ...purgeCounts(r), automatic: true },
          source: 'host',
        });
      });
      if (report.removed + report.outboxRemoved + report.outboxDropped > 0) {
        log.info(purgeCounts(report), 'sign-ups past retention purged');
        if (report.outboxDropped > 0)
          log.warn(
            { outboxDropped: report.outboxDropped },
            'sign-ups past retention that never reached the city platform were dropped with their personal data',
          );
        deps.changed();
      }
    } catch (error) {
      log.error({ err: error }, 'sign-up purge failed');
    }
  }
  purgeNow();
  const timer = setInterval(purgeNow, PURGE_EVERY_MS);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
