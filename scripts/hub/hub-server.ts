/**
 * The reference hub: a small stand-in for the city platform that halls sync from. REST for
 * catch-up and admin writes, socket.io namespace `/hall` for live changes and submissions.
 * Contract: DESIGN.md "Public contract" (reference hub) and "Sync rules".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server as SocketServer, type Namespace } from 'socket.io';
import { pino, type Logger } from 'pino';
import { generateListings } from '../demo/generate-listings';
import { openHubStore, type HubChange, type HubStore, type RawChangeInput } from './hub-store';
import { registerHubRoutes } from './hub-routes';
import { attachHallNamespace, HALL_NAMESPACE, type HubFaults, type HubSocketStats } from './hub-socket';

export interface HubOptions {
  port: number;
  host?: string;
  /** Directory for hub.db; ':memory:' keeps everything in memory. */
  dataDir: string;
  adminToken: string;
  hallToken: string;
  /** Fill an empty hub with this many generated postings. */
  seed?: number;
  /** PRNG seed for the generated postings. */
  seedValue?: number;
  /** How often expired postings are turned into delete changes. */
  expireEveryMs?: number;
  clock?: () => number;
  log?: Logger;
  /** Test-only fault injection (lost acks, a held change-feed page). */
  faults?: HubFaults;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly store: HubStore;
  readonly stats: HubSocketStats;
  /** Appends a change as given (even an invalid one) and broadcasts it, like a live write. */
  appendRawChange(change: RawChangeInput): Promise<HubChange>;
  /** Broadcasts changes that were written to the store directly. */
  broadcast(changes: readonly HubChange[]): void;
  connectedHalls(): number;
  close(): Promise<void>;
}

export const DEFAULT_SEED_VALUE = 20_240_601;

export async function startHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? pino({ name: 'hub', level: process.env.HUB_LOG_LEVEL ?? 'info' });
  const tokens = { admin: options.adminToken, hall: options.hallToken };
  if (!tokens.admin || !tokens.hall) throw new Error('startHub: adminToken and hallToken are required');

  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'hub.db');
  }
  const store = openHubStore(file);

  try {
    await seedIfEmpty(store, options, clock(), log);

    const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024, forceCloseConnections: true });
    // socket.io's default 1 MB frame limit is kept: one outbox item is small.
    const io = new SocketServer(app.server, { serveClient: false, cors: { origin: false } });
    const nsp = io.of(HALL_NAMESPACE) as Namespace;
    const broadcast = (changes: readonly HubChange[]) => {
      for (const change of changes) nsp.emit('change', change);
    };
    const stats = attachHallNamespace(nsp, { store, tokens, clock, log, faults: options.faults, broadcast });
    registerHubRoutes(app, { store, tokens, clock, broadcast, connectedHalls: () => nsp.sockets.size, beforeChangesPage: options.faults?.beforeChangesPage });

    let sweeping = false;
    const expireTimer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      store
        .expireListings(clock())
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

    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      store,
      stats,
      async appendRawChange(change) {
        const stored = await store.appendRawChange(change, clock());
        broadcast([stored]);
        return stored;
      },
      broadcast,
      connectedHalls: () => nsp.sockets.size,
      close() {
        closing ??= (async () => {
          clearInterval(expireTimer);
          // Drop every hall at once (as a crash would), then stop HTTP.
          nsp.disconnectSockets(true);
          const ioClosed = new Promise<void>((resolve) => io.close(() => resolve()));
          // io.close() waits for the HTTP server, which waits for keep-alive connections
          // (a hall mid catch-up): cut them, or a stop takes a minute.
          app.server.closeAllConnections();
          await ioClosed;
          await app.close().catch(() => undefined);
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function seedIfEmpty(store: HubStore, options: HubOptions, now: number, log: Logger): Promise<void> {
  const count = options.seed ?? 0;
  if (count <= 0) return;
  const existing = await store.countListings();
  if (existing > 0) {
    log.info({ existing }, 'hub already holds postings; --seed ignored');
    return;
  }
  const listings = generateListings(count, { seed: options.seedValue ?? DEFAULT_SEED_VALUE, now });
  const chunk = 5000;
  for (let i = 0; i < listings.length; i += chunk) await store.upsertListings(listings.slice(i, i + chunk), now);
  log.info({ seeded: count }, 'hub seeded with generated postings');
}
