/**
 * Composition root: the one place that wires the hall together, in one pass and in this order:
 * the HTTP server and the socket namespaces first, then the stores and services (boards,
 * urgent postings and their push, kiosk, staff, console data, the upstream link), then every
 * route. Everything else takes what it needs as arguments; nothing else wires parts together.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import type { HallStatus, Health } from '../../shared/contract';
import { BOARD_NAMESPACE } from '../../shared/contract';
import type { ScreenProfile } from '../../shared/schemas/screen';
import type { HallOptions } from './config';
import { openDatabase, closeDatabase } from './db/open-database';
import { createPostingStore } from './db/posting-store';
import { seedDemoIfEmpty } from './db/demo-seed';
import { createSearchIndexer, type SearchIndexer } from './db/search-indexer';
import { createBoardService, type BoardNamespace, type BoardService, type BoardTuning } from './boards/board-service';
import { createPlayStore, type PlayStore } from './play/play-store';
import { createPlayTracker } from './play/play-tracker';
import { playRoutes } from './play/play-routes';
import { createBoardGate } from './boards/board-gate';
import { createPostingFeed } from './boards/posting-feed';
import { assetRoutes, createHttpServer, publicRoutes, readPage, type RouteModule } from './server/http-server';
import { capConnections } from './server/connection-caps';
import { isLoopback } from './server/addresses';
import { hallSocketParser, RawPacketAdapter } from './server/raw-packet-adapter';
import { createPublicSearch } from './server/public-search';
import { createLoopMonitor } from './server/loop-monitor';
import { createLimitCounters, type LimitCounters } from './server/limit-counters';
import { loadScreens } from './screens/screen-config';
import { loadHallProfile } from './screens/hall-profile';
import { createLogger, type Logger } from './util/logger';
import { startHubLink, type HubLink, type HubLinkTuning } from './sync/hub-link';
import { createOutboxStore } from './sync/outbox-store';
import { createKioskService, type KioskService } from './kiosk/kiosk-service';
import { LOCAL_KIOSK_ID, boardPairingRoutes, createBoardDevices, createPairingRequests } from './devices';
import { createDeviceApproval } from './devices/approve-device';
import { createAuditLog } from './staff/audit-log';
import { ensureFirstAdmin } from './staff/first-admin';
import { screenRoutes } from './staff/screen-routes';
import { sessionRoutes } from './staff/session-routes';
import { createStaffAuth } from './staff/staff-auth';
import { createStaffGuard } from './staff/staff-guard';
import { staffPageRoute } from './staff/staff-page-route';
import { createAnnouncementStore } from './urgent/announcement-store';
import { createBoardAlerts, type BoardAlertsService } from './urgent/board-alerts';
import { urgentRoutes } from './urgent/urgent-routes';
import { createUrgentStore, type UrgentStore } from './urgent/urgent-store';
import { createImportReader, defaultImportWorker } from './postings/import/import-reader';
import { importRoutes } from './postings/import-routes';
import { createPostingQuery } from './postings/posting-query';
import { postingRoutes } from './postings/posting-routes';
import { createPulseService, type PulseService } from './pulse/pulse-service';
import { pulseRoutes } from './pulse/pulse-routes';
import { seedDemoPulseHistory } from './pulse/pulse-demo-seed';
import { createSignupStore, type SignupStore } from './signups/signup-store';
import { startSignupPurge } from './signups/signup-purge';
import { signupRoutes } from './signups/signup-routes';
import { createMatchService, type MatchService } from './matching/match-service';
import { defaultRematchWorker } from './matching/rematch-scoring';
import { matchRoutes } from './matching/match-routes';
import { HOME_CITY_CODE } from '../../shared/districts';
import { toPublicPosting } from '../../shared/public-posting';

export type { HallOptions } from './config';

export interface Hall {
  readonly url: string;
  readonly port: number;
  screens(): ScreenProfile[];
  readonly boards: BoardService;
  /** The upstream link (sync + outbox), or null when standalone. */
  readonly hubLink: HubLink | null;
  /** Full-text indexing of written postings, done after each write commits. */
  readonly searchIndexer: SearchIndexer;
  /** Kiosk sign-ups and devices: `kiosk.approvePairing(code, by)`, `kiosk.localKioskToken`. */
  readonly kiosk: KioskService;
  /** Token of this host's own kiosk window (new every start): the shell opens `/kiosk#device=<token>`. */
  readonly localKioskToken: string;
  /** Urgent postings (staff's and the hub's) and their push to the boards with delivery proof. */
  readonly urgent: { readonly store: UrgentStore; readonly alerts: BoardAlertsService };
  /** The market pulse (console, board pages). */
  readonly pulse: PulseService;
  /** Sign-ups as staff see them (masked list, reveal, retention). */
  readonly signups: SignupStore;
  /** Every limit against floods, with its hit counts (also in /healthz). */
  readonly limits: LimitCounters;
  /** Proof of play: what each posting was shown, per screen and day. */
  readonly play: PlayStore;
  /** Matching sign-ups to postings, and the call list (待通知). */
  readonly matching: MatchService;
  close(): Promise<void>;
}

export interface HallDeps {
  clock?: () => number;
  log?: Logger;
  /** Sync timings (page size, back-off, stale threshold…); tests shrink them. */
  sync?: Partial<HubLinkTuning>;
  /** Random source for back-off jitter. */
  random?: () => number;
  /** Test-only: how long a connecting board page has to report its viewport (default 250 ms). */
  boardViewportWaitMs?: number;
  /**
   * Whether a connection comes from the hall PC itself (its pages need no pairing and are not
   * capped per address). Default: loopback. Tests pass their own to play LAN devices.
   */
  isHallPc?: (address: string) => boolean;
  /** Board socket limits (rates, caps); tests shrink them. */
  boardTuning?: Partial<BoardTuning>;
  /** socket.io connections one address on the hall network may hold (default 256). */
  connectionsPerAddress?: number;
  /** Sign-ups per kiosk (default: a burst of 6, then one per 20 s); tests that post many raise it. */
  kioskSignups?: { signupBurst?: number; signupsPerS?: number };
  /** Told of every HTTP route as it is registered (the route-map test lists them). */
  onRoute?: (route: { method: string; url: string }) => void;
  /** Proof of play: how often its counts are written (default 30 s); tests shorten it. */
  playFlushEveryMs?: number;
}

export async function startHall(options: HallOptions, deps: HallDeps = {}): Promise<Hall> {
  const clock = deps.clock ?? Date.now;
  const isHallPc = deps.isHallPc ?? isLoopback;
  const log = deps.log ?? createLogger({ name: 'hall' });
  // One child per module, so every line says where it came from ({"module":"sync",…}).
  const logFor = (module: string) => log.child({ module });
  mkdirSync(options.dataDir, { recursive: true });

  const screens = loadScreens(options.dataDir);
  const hallProfile = loadHallProfile(options.dataDir);
  // Read before anything starts: a hall without its board page has nothing to show.
  const boardPage = readPage(options.rendererDir, 'board');
  const db = openDatabase(join(options.dataDir, 'hall.db'), { nativeBinding: options.nativeBinding });
  // `npm run test:electron` reads this line to prove which binding the Electron app's database
  // opened through; with node_modules' own build (serve, browser mode) it is only a debug line.
  log[options.nativeBinding ? 'info' : 'debug'](
    { binding: options.nativeBinding ?? 'default', modules: process.versions.modules },
    'database opened',
  );

  // ── 1. The server and its namespaces ──────────────────────────────────────────────────────
  const limits = createLimitCounters({ log: logFor('limits'), clock });
  const loop = createLoopMonitor();
  const app = createHttpServer({ log: logFor('http'), ...(deps.onRoute ? { onRoute: deps.onRoute } : {}) });
  // Board plans go out as the text and bytes the plan worker wrote (server/raw-packet-adapter.ts).
  const io = new SocketServer(app.server, {
    serveClient: false,
    cors: { origin: false },
    parser: hallSocketParser,
    adapter: RawPacketAdapter,
  });
  capConnections(io, {
    limits,
    isHallPc,
    ...(deps.connectionsPerAddress ? { perAddress: deps.connectionsPerAddress } : {}),
  });
  const boardNamespace = io.of(BOARD_NAMESPACE) as BoardNamespace;

  // ── 2. Stores and services ────────────────────────────────────────────────────────────────
  const store = createPostingStore(db);
  // 500 rows a batch: about 30 ms of trigram indexing, so a big import or sync never holds the loop long
  const searchIndexer = createSearchIndexer(store, { log: logFor('search'), batch: 500 });
  if (!options.hub) {
    const seeded = seedDemoIfEmpty(store, join(options.assetsDir, 'demo', 'postings.json'), clock());
    if (seeded > 0) {
      log.info({ seeded }, 'standalone hall: seeded demo postings into an empty database');
      const days = seedDemoPulseHistory(db, join(options.assetsDir, 'demo', 'pulse-history.json'), clock());
      if (days > 0) log.info({ days }, 'standalone hall: seeded the demo pulse history');
    }
    searchIndexer.kick();
  }

  // Staff identity and the audit log every staff action is recorded in.
  const auth = createStaffAuth(db, clock);
  const audit = createAuditLog(db, clock);
  const guard = createStaffGuard(auth);
  await ensureFirstAdmin({ auth, audit, staffPin: options.staffPin, log: logFor('staff') });

  // The upstream link starts below, once the boards exist; in a standalone hall it stays null.
  let hubLink: HubLink | null = null;
  // Send what was just queued now rather than at the pump's next poll.
  const kickOutbox = () => hubLink?.kickOutbox();
  const outbox = createOutboxStore(db);
  const status = (): HallStatus => {
    const link = hubLink?.status();
    return {
      hub: options.hub ? (link?.hub ?? 'offline') : 'standalone',
      dataUpdatedAt: store.getDataUpdatedAt(),
      lastSyncAt: link?.lastSyncAt ?? null,
      stale: link?.stale ?? false,
      serverNow: clock(),
    };
  };

  // Matching: every posting written (any road) and every new sign-up, against the active sign-ups by trade.
  const matching = createMatchService({
    db,
    clock,
    log: logFor('matching'),
    homeCity: HOME_CITY_CODE,
    worker: defaultRematchWorker(),
  });

  // Devices: browser kiosks and board pages on the hall network pair by a code (requests bounded per address).
  const pairings = createPairingRequests({ clock, limits });
  // a standalone hall keeps sign-ups for its staff only: nothing is queued for an upstream it does not have
  const kiosk = createKioskService({
    db,
    rendererDir: options.rendererDir,
    clock,
    log: logFor('kiosk'),
    hall: hallProfile,
    pairings,
    queueUpstream: options.hub !== null,
    onRegistered(id) {
      kickOutbox();
      matching.signupAdded(id);
    },
    // the confirmation's "现在有 N 个适合您的岗位": public fields of the best three, the posting signed up for left out
    matchesFor(id, listingId) {
      const found = matching.matchesOf(id, 3, listingId);
      const postings = found.best.flatMap(({ postingId, reasons }) => {
        const posting = store.get(postingId);
        return posting ? [{ posting: toPublicPosting(posting), reasons }] : [];
      });
      return { count: found.count, postings };
    },
    limits,
    ...deps.kioskSignups,
  });
  const boardDevices = createBoardDevices({ db, pairings, clock, log: logFor('devices') });

  // Console data: the market pulse, sign-ups, postings.
  const pulse = createPulseService(db);
  const signups = createSignupStore(db);
  const postingQuery = createPostingQuery(db);

  // Urgent postings: kept in their store, pushed to every board page by the alerts (which also
  // keep the proof of delivery from each page's heartbeat), relayed upstream through the outbox.
  const urgent = createUrgentStore(db, clock, logFor('urgent'));
  const announcements = createAnnouncementStore(db);

  // Proof of play: the pages' heartbeats become counts per posting, screen and day, written in batches.
  const play = createPlayStore(db, {
    clock,
    log: logFor('play'),
    retentionDays: options.playRetentionDays,
    ...(deps.playFlushEveryMs !== undefined ? { flushEveryMs: deps.playFlushEveryMs } : {}),
  });
  const playTracker = createPlayTracker({ sink: play, clock });

  const boards: BoardService = createBoardService({
    namespace: boardNamespace,
    screens: () => screens,
    hall: hallProfile,
    source: {
      activePostings: (now) => store.activePostings(now),
      dataUpdatedAt: () => store.getDataUpdatedAt(),
      pulse: (now) => pulse.current(now).pulse,
      // an urgent banner or the notice line takes room at the bottom: plans leave it clear
      bands: (screenId, now) => alerts.bandsFor(screenId, now),
    },
    feed: createPostingFeed(db),
    status,
    clock,
    log: logFor('boards'),
    ...(deps.boardViewportWaitMs !== undefined ? { viewportWaitMs: deps.boardViewportWaitMs } : {}),
    limits,
    gate: createBoardGate({ devices: boardDevices, limits, isHallPc }),
    ...(deps.boardTuning ? { tuning: deps.boardTuning } : {}),
    play: playTracker,
  });
  // the same /board namespace, a second set of handlers: plans and alerts stay separate concerns
  const alerts = createBoardAlerts({
    namespace: boardNamespace,
    screens: () => screens,
    urgent,
    announcements,
    clock,
    log: logFor('urgent'),
    onPushed: () => boards.dataChanged(),
    postingFor: (id) => store.get(id),
    hall: hallProfile,
  });

  // Postings or sign-ups changed: the pulse is computed afresh and the boards re-plan.
  const changed = () => {
    pulse.invalidate();
    boards.dataChanged();
    matching.postingsChanged();
  };
  // sign-ups purged: their matches went with them (ON DELETE CASCADE); the matcher forgets them too
  const signupsPurged = () => {
    changed();
    matching.signupsChanged();
  };
  const signupPurge = startSignupPurge({ signups, audit, clock, log: logFor('postings'), changed: signupsPurged });

  if (options.hub) {
    hubLink = startHubLink({
      hub: options.hub,
      db,
      store,
      clock,
      log: logFor('sync'),
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.sync ? { tuning: deps.sync } : {}),
      // urgent postings from the hub reach the boards the same way as local ones
      urgent: urgent.hubSink(() => alerts.pushAll()),
      onDataChanged: () => {
        boards.dataChanged();
        matching.postingsChanged();
      },
      onStatusChanged: () => boards.statusChanged(),
      screensReport: () => ({
        screensOnline: new Set(boards.presences().map((p) => p.screenId)).size,
        screensTotal: screens.length,
      }),
    });
  }

  const health = (): Health => {
    const link = hubLink?.status();
    return {
      status: 'ok',
      // counted in the kiosk's in-memory headline index: COUNT(*) over 20,000 rows took 20 ms a call
      listings: kiosk.search.countActive(clock()),
      hub: status().hub,
      cursor: store.getCursor(),
      outboxPending: outbox.pendingCount(),
      ...(link
        ? {
            sync: {
              lastSyncAt: link.lastSyncAt,
              hubLastSeq: link.hubLastSeq,
              lagChanges: link.lagChanges,
              lagMs: link.lagMs,
              stale: link.stale,
              error: link.error ? { code: link.error.code, message: link.error.message } : null,
              pageReader: link.pageReader,
            },
          }
        : {}),
      boards: { ...boards.counters(), screens: boards.cycles('never') },
      limits: limits.snapshot(),
      loop: loop.snapshot(),
    };
  };

  // ── 3. Routes ─────────────────────────────────────────────────────────────────────────────
  const routes: RouteModule[] = [
    publicRoutes({
      boardPage,
      health,
      searchPostings: createPublicSearch({
        // the kiosk's search: headlines in memory, full text by trigram, public fields only
        search(query) {
          const { listings, total } = kiosk.search.search({ ...query, offset: 0 }, clock(), { exactTotal: true });
          return { listings, total };
        },
        dataStamp: () => store.getDataUpdatedAt(),
        clock,
        limits,
      }).search,
    }),
    boardPairingRoutes({ devices: boardDevices, pairings, screenExists: (id) => screens.some((s) => s.id === id) }),
    kiosk.routes,
    staffPageRoute({ rendererDir: options.rendererDir, log: logFor('staff') }),
    sessionRoutes({ auth, audit, guard, limits }),
    urgentRoutes({
      db,
      urgent,
      announcements,
      alerts,
      audit,
      guard,
      clock,
      screenIds: () => screens.map((s) => s.id),
      postingExists: (id) => store.get(id) !== undefined,
      onQueued: kickOutbox,
    }),
    screenRoutes({
      dataDir: options.dataDir,
      screens,
      boards,
      alerts,
      audit,
      guard,
      clock,
      approveKioskPairing: (code, by) => kiosk.approvePairing(code, by),
      approveDevice: createDeviceApproval({ pairings, kiosks: kiosk.devices, boards: boardDevices }),
      // a revoked board device loses its open pages at once
      boardDevices: {
        list: () => boardDevices.list(),
        revoke(id) {
          const revoked = boardDevices.revoke(id);
          if (revoked) void boards.disconnectDevice(id);
          return revoked;
        },
      },
      revokeKiosk: (id) => kiosk.devices.revokeDevice(id),
      renameKiosk: (id, label, place) => kiosk.devices.rename(id, label, place),
      localKioskId: LOCAL_KIOSK_ID,
      pairedKiosks: () => kiosk.devices.paired(),
      kioskStatus: (id) => kiosk.statuses.of(id),
    }),
    postingRoutes({ db, store, query: postingQuery, audit, guard, clock, changed }),
    // spreadsheets are read in a worker of their own, with a memory cap
    importRoutes({
      db,
      store,
      audit,
      guard,
      clock,
      changed,
      readTable: createImportReader({ worker: defaultImportWorker() }),
    }),
    signupRoutes({ db, signups, audit, guard, clock, changed: signupsPurged, upstream: options.hub !== null }),
    matchRoutes({ db, matching, audit, guard, clock, queueUpstream: options.hub !== null, onQueued: kickOutbox }),
    playRoutes({ db, play, guard, clock }),
    pulseRoutes({ db, pulse, audit, guard, clock, dataDir: options.dataDir, screens, replan: changed }),
    assetRoutes({ rendererDir: options.rendererDir, defaultScreenId: () => screens[0]?.id ?? null }),
  ];
  for (const register of routes) await register(app);

  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  log.info({ url, screens: screens.map((s) => s.id), hub: status().hub }, 'hall host listening');
  // postings written while no matcher was reading (a crash, an upgrade) are matched now, off the host's thread
  const rematched =
    matching.activeSignups() > 0
      ? matching
          .rematch()
          .then((report) => log.info(report, 'matches re-computed'))
          .catch((error: unknown) => log.error({ err: error }, 're-matching failed'))
      : Promise.resolve();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    screens: () => screens,
    boards,
    hubLink,
    searchIndexer,
    kiosk,
    localKioskToken: kiosk.localKioskToken,
    urgent: { store: urgent, alerts },
    pulse,
    signups,
    limits,
    play,
    matching,
    close() {
      closing ??= (async () => {
        await hubLink?.close();
        await matching.close();
        await rematched;
        alerts.close();
        signupPurge.close();
        await boards.close();
        // after the boards: the counts of the last heartbeats go in too
        play.close();
        limits.close();
        loop.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await app.close().catch(() => undefined);
        searchIndexer.close();
        closeDatabase(db);
      })();
      return closing;
    },
  };
}
