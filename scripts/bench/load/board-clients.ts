/**
 * Many board pages at once, as the host sees them: one real socket.io connection each (its own
 * engine, websocket transport), the board handshake, the viewport report on connect and a
 * heartbeat every few seconds. Plans are read with the light parser (light-plan-parser.ts).
 * With `planPatch` a client takes live changes as patches like a real board page: a patch
 * counts only when it is for the plan the client holds; otherwise it asks for the whole plan.
 */
import { io, type Socket } from 'socket.io-client';
import { lightParser, type LightPatch, type LightPlan } from './light-plan-parser';

export interface BoardClientSpec {
  screenId: string;
  viewport: { width: number; height: number };
  /** A LAN screen's device token (absent for a loopback page). */
  deviceToken?: string;
  /** Take live changes as `plan-patch` events (handshake `auth.planPatch`), as the board page does. */
  planPatch?: boolean;
}

export interface ReceivedPlan {
  at: number;
  /** What the client holds after it: a whole plan, or the last one with a patch applied. */
  plan: LightPlan;
  via: 'plan' | 'patch';
}

export interface BoardClient {
  spec: BoardClientSpec;
  socket: Socket;
  plans: ReceivedPlan[];
  firstPlanAt: number | null;
  startedAt: number;
  connectErrors: string[];
  /** Patches that were not for the plan held (each was answered with `plan-resync`). */
  resyncs: number;
  close(): void;
}

export interface BoardClientOptions {
  heartbeatEveryMs?: number;
  /** Every plan the client comes to hold, whole (`via: 'plan'`) or patched; `chars` is what arrived. */
  onPlan?: (client: BoardClient, plan: LightPlan, at: number, via: 'plan' | 'patch') => void;
  /** Source address for the connections (to look like a LAN device); default the OS's choice. */
  localAddress?: string;
}

export function connectBoard(url: string, spec: BoardClientSpec, options: BoardClientOptions = {}): BoardClient {
  const socket = io(`${url}/board`, {
    forceNew: true,
    transports: ['websocket'],
    auth: {
      screenId: spec.screenId,
      ...(spec.deviceToken ? { deviceToken: spec.deviceToken } : {}),
      ...(spec.planPatch ? { planPatch: true } : {}),
    },
    parser: lightParser,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    timeout: 20_000,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  } as Parameters<typeof io>[1]);
  let heartbeat: NodeJS.Timeout | undefined;
  const client: BoardClient = {
    spec,
    socket,
    plans: [],
    firstPlanAt: null,
    startedAt: Date.now(),
    connectErrors: [],
    resyncs: 0,
    close() {
      clearInterval(heartbeat);
      socket.close();
    },
  };
  socket.on('connect', () => socket.emit('viewport', spec.viewport));
  socket.on('connect_error', (error: Error) => {
    if (client.connectErrors.length < 20) client.connectErrors.push(error.message);
  });
  const hold = (plan: LightPlan, via: 'plan' | 'patch') => {
    const at = Date.now();
    client.firstPlanAt ??= at;
    client.plans.push({ at, plan, via });
    options.onPlan?.(client, plan, at, via);
  };
  socket.on('plan', (plan: LightPlan) => hold(plan, 'plan'));
  socket.on('plan-patch', (patch: LightPatch) => {
    const held = client.plans.at(-1)?.plan;
    if (!held || held.planId !== patch.basePlanId) {
      client.resyncs++;
      socket.emit('plan-resync', { have: held?.planId ?? null });
      return;
    }
    hold(
      {
        light: true,
        planId: patch.planId,
        totalItems: patch.set.totalItems ?? held.totalItems,
        dataUpdatedAt: patch.set.dataUpdatedAt !== undefined ? patch.set.dataUpdatedAt : held.dataUpdatedAt,
        generatedAt: patch.set.generatedAt ?? held.generatedAt,
        chars: patch.chars,
      },
      'patch',
    );
  });
  if (options.heartbeatEveryMs) {
    heartbeat = setInterval(() => {
      const last = client.plans.at(-1);
      if (!socket.connected || !last) return;
      socket.emit(
        'heartbeat',
        { planId: last.plan.planId, pageIndex: 0, urgentIds: [], paintedAt: Date.now() },
        () => undefined,
      );
    }, options.heartbeatEveryMs);
    heartbeat.unref();
  }
  return client;
}

export function closeBoards(clients: readonly BoardClient[]): void {
  for (const c of clients) c.close();
}

/** Resolves when every client has a first plan, or after `timeoutMs` (then some have none). */
export async function waitForFirstPlans(clients: readonly BoardClient[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && clients.some((c) => c.firstPlanAt === null)) await new Promise((r) => setTimeout(r, 50));
}
