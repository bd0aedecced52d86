/**
 * The staff console's data work, built once by the composition root (hall.ts): postings
 * (search, hide, local postings, spreadsheet import), sign-ups (masked list, audited reveal,
 * contacted, export, retention purge) and the market pulse (console and board page).
 *
 * It reuses the staff part's sign-in and audit log (a guard over the same StaffAuth), so every
 * action here is checked and recorded exactly like the urgent postings are.
 */
import type { FastifyInstance } from 'fastify';
import type { ScreenProfile } from '../../../shared/schemas/screen';
import type { MarketPulse } from '../../../shared/pulse/market-pulse';
import type { WritableDatabase } from '../db/handles';
import type { ListingStore } from '../db/listing-store';
import type { RouteModule } from '../server/http-server';
import type { AuditLog } from '../staff/audit-log';
import type { StaffAuth } from '../staff/staff-auth';
import { createStaffGuard } from '../staff/staff-guard';
import type { Logger } from '../util/logger';
import { createPulseService, type PulseService } from '../pulse/pulse-service';
import { pulseRoutes } from '../pulse/pulse-routes';
import { createSignupStore, type SignupStore } from '../signups/signup-store';
import { signupRoutes } from '../signups/signup-routes';
import { importRoutes } from './import-routes';
import type { ReadTable } from './import/import-reader';
import { createPostingQuery } from './posting-query';
import { postingRoutes } from './posting-routes';

const PURGE_EVERY_MS = 3600_000;

export interface ConsoleDataDeps {
  db: WritableDatabase;
  store: ListingStore;
  auth: StaffAuth;
  audit: AuditLog;
  screens: ScreenProfile[];
  dataDir: string;
  clock: () => number;
  log: Logger;
  /** Upload limit of the import (tests shrink it). */
  importMaxBytes?: number;
  /** Where uploaded spreadsheets are read (the import worker). */
  readImport?: ReadTable;
}

export interface ConsoleDataService {
  readonly routes: RouteModule;
  readonly pulse: PulseService;
  readonly signups: SignupStore;
  /** The pulse for the board planner. */
  pulseFor(now: number): MarketPulse;
  /** Called with the boards' re-plan once they exist. */
  attachBoards(replan: () => void): void;
  close(): void;
}

export function createConsoleDataService(deps: ConsoleDataDeps): ConsoleDataService {
  const { db, store, audit, clock, log } = deps;
  const guard = createStaffGuard(deps.auth);
  const pulse = createPulseService(db);
  const signups = createSignupStore(db);
  const query = createPostingQuery(db);
  let replan: () => void = () => undefined;
  const changed = () => {
    pulse.invalidate();
    replan();
  };

  function purgeNow(): void {
    try {
      const report = signups.purge(clock(), null, (r) => {
        if (r.removed + r.outboxRemoved + r.outboxDropped === 0) return;
        audit.record({ who: null, action: 'signup.purge', detail: { removed: r.removed, outboxRemoved: r.outboxRemoved, outboxWaiting: r.outboxWaiting, outboxDropped: r.outboxDropped, automatic: true }, source: 'host' });
      });
      if (report.removed + report.outboxRemoved + report.outboxDropped > 0) {
        log.info({ removed: report.removed, outboxRemoved: report.outboxRemoved, outboxWaiting: report.outboxWaiting, outboxDropped: report.outboxDropped }, 'sign-ups past retention purged');
        if (report.outboxDropped > 0) log.warn({ outboxDropped: report.outboxDropped }, 'sign-ups past retention that never reached the city platform were dropped with their personal data');
        changed();
      }
    } catch (error) {
      log.error({ err: error }, 'sign-up purge failed');
    }
  }
  purgeNow();
  const timer = setInterval(purgeNow, PURGE_EVERY_MS);
  timer.unref();

  const modules: RouteModule[] = [
    postingRoutes({ db, store, query, audit, guard, clock, changed }),
    importRoutes({ db, store, audit, guard, clock, changed, ...(deps.importMaxBytes ? { maxBytes: deps.importMaxBytes } : {}), ...(deps.readImport ? { readTable: deps.readImport } : {}) }),
    signupRoutes({ db, signups, audit, guard, clock, changed }),
    pulseRoutes({ db, pulse, audit, guard, clock, dataDir: deps.dataDir, screens: deps.screens, replan: () => changed() }),
  ];

  return {
    routes: async (app: FastifyInstance) => {
      for (const register of modules) await register(app);
    },
    pulse,
    signups,
    pulseFor: (now) => pulse.current(now).pulse,
    attachBoards(fn) {
      replan = fn;
    },
    close() {
      clearInterval(timer);
    },
  };
}
