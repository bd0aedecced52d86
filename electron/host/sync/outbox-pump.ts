/**
 * Sends outbox items to the hub over the socket (`submit`, ack + timeout) and marks each one
 * delivered only when the hub acks it. A timeout, a refusal or a dropped link leaves the item
 * pending with a back-off (with jitter) before the next try; the hub dedupes by id, so a
 * retry after a lost ack is harmless. State lives in the table, so restarts lose nothing.
 */
import type { Logger } from '../util/logger';
import { serialTask } from '../util/serial-task';
import { backoffDelay, SUBMIT_BACKOFF, type BackoffPolicy, type RandomSource } from './backoff';
import { SubmitAckSchema } from '../../../shared/api/hub-wire';
import type { OutboxItem, OutboxStore } from './outbox-store';

export interface SubmitTransport {
  connected(): boolean;
  /** Emits `submit` and resolves with the ack, or rejects on timeout. */
  submit(item: { id: string; type: string; payload: unknown; createdAt: number }, timeoutMs: number): Promise<unknown>;
}

export interface OutboxPumpDeps {
  outbox: OutboxStore;
  transport: SubmitTransport;
  clock: () => number;
  random: RandomSource;
  log: Logger;
  backoff?: BackoffPolicy;
  ackTimeoutMs?: number;
  /** Items in flight at once. */
  window?: number;
  /** How often the table is checked for items written by other stores. */
  pollMs?: number;
}

export interface OutboxPump {
  /** Look for due items now (after an enqueue, or when the link came back). */
  kick(): void;
  /** The link came back: every pending item is due now. */
  linkRestored(): void;
  /** Resolves when the current run is over. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createOutboxPump(deps: OutboxPumpDeps): OutboxPump {
  const { outbox, transport, clock, log } = deps;
  const policy = deps.backoff ?? SUBMIT_BACKOFF;
  const ackTimeoutMs = deps.ackTimeoutMs ?? 10_000;
  const window = Math.max(1, deps.window ?? 16);
  let stopped = false;
  const warned = new Set<string>();

  async function sendOne(item: OutboxItem): Promise<void> {
    let failure: string;
    try {
      const raw = await transport.submit(
        { id: item.id, type: item.type, payload: item.payload, createdAt: item.createdAt },
        ackTimeoutMs,
      );
      const ack = SubmitAckSchema.safeParse(raw);
      if (ack.success && ack.data.ok && (ack.data.id === undefined || ack.data.id === item.id)) {
        if (!stopped) outbox.markDelivered(item.id, clock());
        return;
      }
      failure = ack.success
        ? `refused: ${ack.data.error?.code ?? 'unknown'} ${ack.data.error?.message ?? ''}`.trim()
        : 'the hub sent an unreadable ack';
    } catch (error) {
      failure = `no ack: ${(error as Error).message}`;
    }
    if (stopped) return;
    const next = clock() + backoffDelay(policy, item.attempts + 1, deps.random);
    outbox.markFailed(item.id, failure, next);
    const kind = failure.split(':')[0] ?? failure;
    if (!warned.has(kind)) {
      warned.add(kind);
      log.warn({ id: item.id, type: item.type, failure }, 'outbox item not delivered yet; will retry');
    }
  }

  const sending = serialTask(
    async () => {
      while (!stopped && transport.connected()) {
        const due = outbox.due(clock(), window);
        if (due.length === 0) break;
        await Promise.all(due.map(sendOne));
      }
    },
    { onError: (error) => log.error({ err: error }, 'outbox pump failed; retrying at the next poll') },
  );
  const kick = () => sending.request();

  const timer = setInterval(kick, deps.pollMs ?? 1000);
  timer.unref();

  return {
    kick,
    linkRestored() {
      if (stopped) return;
      outbox.retryAllNow();
      warned.clear();
      kick();
    },
    idle: () => sending.idle(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await sending.stop();
    },
  };
}
