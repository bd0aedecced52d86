/**
 * The hub's socket.io namespace for halls: authenticates the handshake by token, takes
 * outbox submissions (stored once by id, acked every time) and heartbeats. Live changes are
 * broadcast by the server on this namespace as `change`.
 */
import type { Namespace, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  HALL_CLIENT_EVENTS,
  HallHandshakeSchema,
  type HallClientEvents,
  type HallServerEvents,
} from '../../shared/api/hub-wire';
import { tokenEquals } from './hub-auth';
import type { HallEvent, HubChange, HubStore } from './hub-store';
import { submissionEffect } from './hub-relay';

export { HALL_NAMESPACE } from '../../shared/api/hub-wire';

export interface HubSocketStats {
  /** Handshakes refused for a wrong or missing token. */
  authFailures: number;
  /** `submit` events received, duplicates included. */
  submitsReceived: number;
  connections: number;
  /** Submissions being stored right now (a graceful shutdown waits for them to be acked). */
  inFlight: number;
}

type SubmitAck = z.input<typeof HALL_CLIENT_EVENTS.submit.ack>;
type HeartbeatAck = z.input<typeof HALL_CLIENT_EVENTS.heartbeat.ack>;

interface HallSocketData {
  hallId: string;
  since: number;
}

/** The `/hall` namespace, typed by the event map both ends share (shared/api/hub-wire.ts). */
export type HallNamespace = Namespace<HallClientEvents, HallServerEvents, Record<string, never>, HallSocketData>;
type HallSocket = Socket<HallClientEvents, HallServerEvents, Record<string, never>, HallSocketData>;

/** Fault injection for tests of the hall's retry logic; a real platform has none of this. */
export interface HubFaults {
  /** Store the item but send no ack, as if the ack got lost on the way back. */
  dropSubmitAck?: (id: string) => boolean;
  /** Awaited before a change-feed page is served, to hold a hall in the middle of its catch-up. */
  beforeChangesPage?: (since: number) => void | Promise<void>;
}

export interface HallNamespaceDeps {
  store: HubStore;
  /** Sends changes that a submission caused (a relayed urgent posting) to every hall. */
  broadcast?: (changes: readonly HubChange[]) => void;
  faults?: HubFaults | undefined;
  tokens: { hall: string; admin: string };
  clock: () => number;
  log: Logger;
  /** True while the node shuts down: new halls are refused and go to their next hub. */
  draining?: () => boolean;
  /** This node's name, kept with each hall's status for /city. */
  nodeId?: () => string;
  /** A hall's heartbeat is written to the store at most this often (default 5 s). */
  hallStatusEveryMs?: number;
}

/** An Error whose `data` reaches the client's `connect_error` handler. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

export function attachHallNamespace(nsp: HallNamespace, deps: HallNamespaceDeps): HubSocketStats {
  const { store, tokens, clock, log } = deps;
  const stats: HubSocketStats = { authFailures: 0, submitsReceived: 0, connections: 0, inFlight: 0 };

  nsp.use((socket, next) => {
    if (deps.draining?.()) return next(refusal('draining', 'hub: this node is shutting down; use another hub node'));
    const parsed = HallHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      stats.authFailures++;
      return next(refusal('bad_handshake', 'hub: the handshake needs auth { hallId, token, since }'));
    }
    // An admin token works too, so an operator can watch the feed with the admin token.
    if (!tokenEquals(parsed.data.token, tokens.hall) && !tokenEquals(parsed.data.token, tokens.admin)) {
      stats.authFailures++;
      log.warn({ hallId: parsed.data.hallId }, 'hall refused: wrong token');
      return next(refusal('unauthorized', `hub: the token of hall "${parsed.data.hallId}" is not valid for this hub`));
    }
    socket.data = { hallId: parsed.data.hallId, since: parsed.data.since } satisfies HallSocketData;
    next();
  });

  const nodeId = deps.nodeId ?? (() => 'hub');
  const statusEvery = deps.hallStatusEveryMs ?? 5000;
  const warned = new Set<string>();
  // A hall's status is for /city: failing to write it must never disturb the hall's sync.
  const record = (event: HallEvent) =>
    store.recordHall(event).catch((error: unknown) => {
      if (!warned.has(event.kind)) {
        warned.add(event.kind);
        log.warn({ err: error, hallId: event.hallId }, `hall status (${event.kind}) not recorded`);
      }
    });

  nsp.on('connection', (socket: HallSocket) => {
    stats.connections++;
    const { hallId, since } = socket.data;
    log.info({ hallId, since }, 'hall connected');
    const session = `${nodeId()}/${socket.id}`;
    void record({ kind: 'connected', hallId, nodeId: nodeId(), session, at: clock(), cursor: since });
    let lastStatusAt = 0;

    socket.on('submit', async (raw: unknown, ack: unknown) => {
      stats.submitsReceived++;
      const reply = typeof ack === 'function' ? (ack as (a: SubmitAck) => void) : () => undefined;
      const parsed = HALL_CLIENT_EVENTS.submit.payload.safeParse(raw);
      if (!parsed.success) {
        reply({
          ok: false,
          error: {
            code: 'invalid_item',
            message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          },
        });
        return;
      }
      const { id, type, payload } = parsed.data;
      // Kept for audit either way; a payload the platform cannot relay is the sender's bug.
      const decision = submissionEffect(type, payload);
      stats.inFlight++;
      try {
        const { inserted, changes } = await store.addSubmission(
          { id, hallId, type, payload, receivedAt: clock() },
          'effect' in decision ? decision.effect : null,
        );
        if (inserted && 'error' in decision) log.warn({ hallId, id }, decision.error);
        if (changes.length > 0) deps.broadcast?.(changes);
        if (deps.faults?.dropSubmitAck?.(id)) return;
        reply({ ok: true, id, duplicate: !inserted });
      } catch (error) {
        log.error({ err: error, hallId }, 'storing a submission failed');
        reply({ ok: false, error: { code: 'internal', message: 'hub: could not store the item; retry' } });
      } finally {
        stats.inFlight--;
      }
    });

    socket.on('heartbeat', async (raw: unknown, ack: unknown) => {
      const now = clock();
      if (now - lastStatusAt >= statusEvery) {
        const report = HALL_CLIENT_EVENTS.heartbeat.payload.safeParse(raw ?? {});
        if (report.success) {
          lastStatusAt = now;
          // The hall is the handshake's; a hallId in the report is only the sender's label.
          const { hallId: _named, ...figures } = report.data;
          void record({ kind: 'heartbeat', hallId, nodeId: nodeId(), session, at: now, ...figures });
        }
      }
      if (typeof ack !== 'function') return;
      try {
        (ack as (a: HeartbeatAck) => void)({ ok: true, lastSeq: await store.lastSeq(), now: clock() });
      } catch (error) {
        // No ack: the hall's heartbeat times out and it carries on; its catch-up retries.
        log.warn({ err: error, hallId }, 'heartbeat: the store did not answer');
      }
    });

    socket.on('disconnect', (reason) => {
      log.info({ hallId, reason }, 'hall disconnected');
      void record({ kind: 'disconnected', hallId, session, at: clock() });
    });
  });

  return stats;
}
