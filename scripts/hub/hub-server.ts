/**
 * The reference hub: a small stand-in for the city platform that halls sync from. REST for
 * catch-up and admin writes, socket.io namespace `/hall` for live changes and submissions.
 * Contract: DESIGN.md "Public contract" (reference hub) and "Sync rules".
 *
 * One node on SQLite (the default), or any number of nodes on one PostgreSQL
 * (`databaseUrl`): each node takes admin writes, serves pages and hall sockets, and fans every
 * change out to its own halls in seq order (change-feed.ts, postgres-fanout.ts).
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { pino, type Logger } from 'pino';
import { generatePostings } from '../demo/generate-postings';
import type { HubChange, HubStore, RawChangeInput } from './hub-store';
import { openSqliteHubStore } from './sqlite-store';
import { openPostgresHubStore } from './postgres-store';
import { createChangeFeed, type ChangeFeed } from './change-feed';
import { startFanoutListener, type FanoutListener } from './postgres-fanout';
import { registerHubRoutes } from './hub-routes';
import { createCityService } from './city-service';
import type { ChangeEnvelope } from '../../shared/api/hub-wire';
import {
  attachHallNamespace,
  HALL_NAMESPACE,
  type HallNamespace,
  type HubFaults,
  type HubSocketStats,
} from './hub-socket';

export interface HubOptions {
  port: number;
  host?: string;
  /** Directory for hub.db; ':memory:' keeps everything in memory. Ignored with databaseUrl. */
  dataDir: string;
  /** postgres://… — share this database with other hub nodes instead of a local SQLite file. */
  databaseUrl?: string | undefined;
  /** This node's name in logs, /healthz and /city; default host:port. */
  nodeId?: string | undefined;
  adminToken: string;
  hallToken: string;
  /** Fill an empty hub with this many generated postings (give it to one node only). */
  seed?: number;
  /** PRNG seed for the generated postings. */
  seedValue?: number;
  /** How often expired postings are turned into delete changes. */
  expireEveryMs?: number;
  /** PostgreSQL: how often the fan-out checks lastSeq as a backstop for a lost notification. */
  feedPollMs?: number;
  /** Connections in this node's PostgreSQL pool. */
  poolSize?: number;
  /** PostgreSQL: how long a request waits for a pooled connection before it is answered 503. */
  connectionWaitMs?: number;
  /** /city serves a computed picture this long (default 30 s; tests use 0). */
  cityCacheMs?: number;
  /** Graceful shutdown waits this long at most for submissions being stored to be acked. */
  drainTimeoutMs?: number;
  clock?: () => number;
  log?: Logger;
  /** Test-only fault injection (lost acks, a held change-feed page). */
  faults?: HubFaults;
  /** Test-only: told of every route Fastify registers (the route-map test). */
  onRoute?: (route: { method: string; url: string }) => void;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly nodeId: string;
  readonly store: HubStore;
  readonly stats: HubSocketStats;
  readonly feed: ChangeFeed;
  /** Appends a change as given (even an invalid one) and broadcasts it, like a live write. */
  appendRawChange(change: RawChangeInput): Promise<HubChange>;
  /** Broadcasts changes that were written to the store directly. */
  broadcast(changes: readonly HubChange[]): void;
  connectedHalls(): number;
  /** Stops at once, dropping every hall as a crash would (tests of reconnects). */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM): refuses new halls, lets submissions being stored finish and be
   * acked, then disconnects the halls — which move to their next hub URL — and closes.
   */
  shutdown(): Promise<void>;
}

export const DEFAULT_SEED_VALUE = 20_240_601;

async function openStore(options: HubOptions, log: Logger): Promise<HubStore> {
  if (options.databaseUrl) {
    return openPostgresHubStore(options.databaseUrl, {
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
      ...(options.connectionWaitMs ? { connectionWaitMs: options.connectionWaitMs } : {}),
      onPoolError: (error) =>
        log.warn(
          { code: (error as { code?: string }).code, reason: error.message },
          'database: an idle connection failed; the pool replaces it',
        ),
    });
  }
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'hub.db');
  }
  return openSqliteHubStore(file);
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? pino({ name: 'hub', level: process.env.HUB_LOG_LEVEL ?? 'info' });
  const tokens = { admin: options.adminToken, hall: options.hallToken };
  if (!tokens.admin || !tokens.hall) throw new Error('startHub: adminToken and hallToken are required');

  const store = await openStore(options, log);
  let listener: FanoutListener | null = null;
  let feed: ChangeFeed | null = null;

  try {
    await seedIfEmpty(store, options, clock(), log);

    const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024, forceCloseConnections: true });
    const onRoute = options.onRoute;
    if (onRoute) {
      app.addHook('onRoute', (route) => {
        for (const method of Array.isArray(route.method) ? route.method : [route.method])
          onRoute({ method, url: route.url });
      });
    }
    // socket.io's default 1 MB frame limit is kept: one outbox item is small.
    const io = new SocketServer(app.server, { serveClient: false, cors: { origin: false } });
    const nsp: HallNamespace = io.of(HALL_NAMESPACE);
    const liveFeed = createChangeFeed({
      store,
      // A change appended raw (appendRawChange, tests of bad upstreams) may be anything: the hall
      // checks every envelope it gets, live or paged.
      emit: (change) => nsp.emit('change', change as ChangeEnvelope),
      startAt: await store.lastSeq(),
      log,
      pollMs: store.kind === 'postgres' ? (options.feedPollMs ?? 2000) : 0,
    });
    feed = liveFeed;
    if (options.databaseUrl) {
      listener = await startFanoutListener({
        url: options.databaseUrl,
        log,
        onSeq: liveFeed.notify,
        onListening: liveFeed.pull,
      });
    }
    const broadcast = (changes: readonly HubChange[]) => liveFeed.offer(changes);

    const state = { draining: false };
    // The node's name needs the port, known only once listening; halls connect after that.
    let nodeId = options.nodeId || `${hostname()}:${options.port}`;
    const stats = attachHallNamespace(nsp, {
      store,
      tokens,
      clock,
      log,
      faults: options.faults,
      broadcast,
      draining: () => state.draining,
      nodeId: () => nodeId,
    });
    const city = createCityService({
      store,
      clock,
      log,
      ...(options.cityCacheMs !== undefined ? { cacheMs: options.cityCacheMs } : {}),
    });
    const fanout = listener;
    registerHubRoutes(app, {
      store,
      tokens,
      clock,
      broadcast,
      connectedHalls: () => nsp.sockets.size,
      city,
      log,
      beforeChangesPage: options.faults?.beforeChangesPage,
      node: () => ({
        nodeId,
        draining: state.draining,
        fanout: fanout ? { listening: fanout.listening(), position: liveFeed.position() } : null,
        hallIds: [...new Set([...nsp.sockets.values()].map((s) => s.data.hallId))].sort(),
      }),
    });

    let sweeping = false;
    const expireTimer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      store
        .expirePostings(clock())
        .then((expired) => {
          if (expired.length === 0) return;
          log.info({ expired: expired.length }, 'expired postings withdrawn');
          broadcast(expired);
        })
        .catch((error: unknown) => log.error({ err: error }, 'expiry sweep failed'))
        .finally(() => (sweeping = false));
    }, options.expireEveryMs ?? 30_000);
    expireTimer.unref();

    await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    nodeId = options.nodeId || `${hostname()}:${port}`;
    log.info({ url, nodeId, store: store.kind }, 'hub node listening');

    async function stopEverything(): Promise<void> {
      clearInterval(expireTimer);
      city.close();
      liveFeed.close();
      await listener?.close();
      const ioClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      // io.close() waits for the HTTP server, which waits for keep-alive connections
      // (a hall mid catch-up): cut them, or a stop takes a minute.
      app.server.closeAllConnections();
      await ioClosed;
      await app.close().catch(() => undefined);
      await store.close();
    }

    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      nodeId,
      store,
      stats,
      feed: liveFeed,
      async appendRawChange(change) {
        const stored = await store.appendRawChange(change, clock());
        broadcast([stored]);
        return stored;
      },
      broadcast,
      connectedHalls: () => nsp.sockets.size,
      close() {
        closing ??= (async () => {
          // Drop every hall at once (as a crash would), then stop HTTP.
          nsp.disconnectSockets(true);
          await stopEverything();
        })();
        return closing;
      },
      shutdown() {
        closing ??= (async () => {
          state.draining = true;
          log.info(
            { halls: nsp.sockets.size, inFlight: stats.inFlight },
            'draining: refusing new halls, finishing submissions',
          );
          const deadline = Date.now() + (options.drainTimeoutMs ?? 10_000);
          while (stats.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
          // Every ack written so far goes out before the disconnect packet on the same socket.
          nsp.disconnectSockets(true);
          await stopEverything();
          log.info('hub node stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    feed?.close();
    await listener?.close();
    await store.close();
    throw error;
  }
}

async function seedIfEmpty(store: HubStore, options: HubOptions, now: number, log: Logger): Promise<void> {
  const count = options.seed ?? 0;
  if (count <= 0) return;
  const existing = await store.countPostings();
  if (existing > 0) {
    log.info({ existing }, 'hub already holds postings; --seed ignored');
    return;
  }
  const postings = generatePostings(count, { seed: options.seedValue ?? DEFAULT_SEED_VALUE, now });
  const chunk = 5000;
  for (let i = 0; i < postings.length; i += chunk) await store.upsertPostings(postings.slice(i, i + chunk), now);
  log.info({ seeded: count }, 'hub seeded with generated postings');
}
