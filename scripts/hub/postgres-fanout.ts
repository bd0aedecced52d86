/**
 * Cross-node fan-out over PostgreSQL LISTEN/NOTIFY: one dedicated connection per node listens
 * on `hub_changes`; every change-log commit notifies it with its last seq (postgres-store.ts),
 * and the node's change feed reads the committed rows from the log and emits them in order.
 *
 * Why our own LISTEN carrying only a seq rather than @socket.io/postgres-adapter: the adapter
 * relays each node's *emits* through its own notifications, in the order the emitting nodes
 * happen to send them — not in seq order, and not tied to the commit of the data. Two writers
 * on two nodes could reach a hall as N+1 before N. Reading committed rows by seq keeps the
 * one ordering that matters (the log's), a NOTIFY payload stays far below PostgreSQL's 8000
 * byte limit whatever the posting, and nothing else than the database is needed.
 *
 * PostgreSQL delivers a notification only after its transaction commits, and in commit order.
 * A notification sent while this connection was down is lost: on every (re)connect the feed
 * reads from its position, and the feed's poll covers the rest.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { CHANGES_CHANNEL } from './postgres-store';

export interface FanoutListener {
  close(): Promise<void>;
  /** True while the LISTEN connection is up (for /healthz). */
  listening(): boolean;
}

export interface FanoutDeps {
  url: string;
  log: Logger;
  onSeq: (seq: number) => void;
  /** Called after each (re)connect, once LISTEN is in place. */
  onListening: () => void;
  reconnectMs?: { base: number; max: number };
}

export async function startFanoutListener(deps: FanoutDeps): Promise<FanoutListener> {
  const { log } = deps;
  const backoff = deps.reconnectMs ?? { base: 200, max: 5000 };
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: deps.url,
      application_name: 'hall-board-hub-listen',
      connectionTimeoutMillis: 10_000,
    });
    c.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      const seq = Number(message.payload);
      if (Number.isSafeInteger(seq) && seq > 0) deps.onSeq(seq);
    });
    c.on('error', (error) => {
      if (closed) return;
      log.warn({ err: error }, 'fan-out: the LISTEN connection failed; reconnecting');
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    up = true;
    attempt = 0;
    deps.onListening();
  }

  function lost(c: pg.Client): void {
    if (client !== c) return;
    client = null;
    up = false;
    c.end().catch(() => undefined);
    schedule();
  }

  function schedule(): void {
    if (closed || timer) return;
    const delay = Math.min(backoff.max, backoff.base * 2 ** Math.min(attempt++, 10));
    timer = setTimeout(() => {
      timer = null;
      connect().catch((error: unknown) => {
        if (attempt === 1) log.warn({ err: error }, 'fan-out: cannot LISTEN; retrying');
        schedule();
      });
    }, delay);
    timer.unref();
  }

  await connect();

  return {
    listening: () => up,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      up = false;
      await c?.end().catch(() => undefined);
    },
  };
}
