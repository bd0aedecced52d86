/**
 * Many board pages at once, as the host sees them: one real socket.io connection each (its own
 * engine, websocket transport), the board handshake, the viewport report on connect and a
 * heartbeat every few seconds. Plans are read with the light parser (light-plan-parser.ts).
 */
import { io, type Socket } from 'socket.io-client';
import { lightParser, type LightPlan } from './light-plan-parser';

export interface BoardClientSpec {
  screenId: string;
  viewport: { width: number; height: number };
  /** A LAN screen's device token (absent for a loopback page). */
  deviceToken?: string;
}

export interface ReceivedPlan {
  at: number;
  plan: LightPlan;
}

export interface BoardClient {
  spec: BoardClientSpec;
  socket: Socket;
  plans: ReceivedPlan[];
  firstPlanAt: number | null;
  startedAt: number;
  connectErrors: string[];
  close(): void;
}

export interface BoardClientOptions {
  heartbeatEveryMs?: number;
  onPlan?: (client: BoardClient, plan: LightPlan, at: number) => void;
  /** Source address for the connections (to look like a LAN device); default the OS's choice. */
  localAddress?: string;
}

export function connectBoard(url: string, spec: BoardClientSpec, options: BoardClientOptions = {}): BoardClient {
  const socket = io(`${url}/board`, {
    forceNew: true,
    transports: ['websocket'],
    auth: { screenId: spec.screenId, ...(spec.deviceToken ? { deviceToken: spec.deviceToken } : {}) },
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
    close() {
      clearInterval(heartbeat);
      socket.close();
    },
  };
  socket.on('connect', () => socket.emit('viewport', spec.viewport));
  socket.on('connect_error', (error: Error) => {
    if (client.connectErrors.length < 20) client.connectErrors.push(error.message);
  });
  socket.on('plan', (plan: LightPlan) => {
    const at = Date.now();
    client.firstPlanAt ??= at;
    client.plans.push({ at, plan });
    options.onPlan?.(client, plan, at);
  });
  if (options.heartbeatEveryMs) {
    heartbeat = setInterval(() => {
      const last = client.plans.at(-1);
      if (!socket.connected || !last) return;
      socket.emit('heartbeat', { planId: last.plan.planId, pageIndex: 0, urgentIds: [], paintedAt: Date.now() }, () => undefined);
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
