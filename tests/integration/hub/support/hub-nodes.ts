/**
 * Several hub nodes on one real PostgreSQL for the multi-node tests: in-process nodes (each its
 * own pool and LISTEN connection, as separate processes would have), node processes started
 * from the CLI (for SIGKILL), and raw hall-protocol clients that record what a node sends.
 */
import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import type { Hub, HubOptions } from '../../../../scripts/hub/hub-server';
import { spawnHub } from '../../../../scripts/hub/spawn-hub';
import { ADMIN_TOKEN, startTestHub } from '../../sync/support/sync-harness';
import { HALL_TOKEN } from '../../../support/in-process-hall';

export async function startNodes(
  count: number,
  databaseUrl: string,
  options: Partial<HubOptions> = {},
): Promise<Hub[]> {
  const nodes: Hub[] = [];
  for (let i = 0; i < count; i++) {
    // patient for a connection: the tests read through these nodes' stores on a loaded machine
    nodes.push(
      await startTestHub({
        dataDir: ':memory:',
        databaseUrl,
        nodeId: `node-${i + 1}`,
        feedPollMs: 500,
        connectionWaitMs: 120_000,
        ...options,
      }),
    );
  }
  return nodes;
}

export interface NodeProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** `npm run hub -- --database URL` as an operator starts it, on a fixed port when given. */
export async function startNodeProcess(
  databaseUrl: string,
  options: { port?: number; nodeId?: string; env?: Record<string, string> } = {},
): Promise<NodeProcess> {
  const args = ['--port', String(options.port ?? 0), '--database', databaseUrl];
  if (options.nodeId) args.push('--node', options.nodeId);
  const { url, child, output } = await spawnHub(args, {
    env: { HUB_ADMIN_TOKEN: ADMIN_TOKEN, HUB_HALL_TOKEN: HALL_TOKEN, ...options.env },
    what: 'startNodeProcess',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A hall-protocol socket that records every live change a node sends, in arrival order. */
export interface LiveRecorder {
  readonly socket: Socket;
  readonly seqs: number[];
  close(): void;
}

export function recordLive(nodeUrl: string, hallId: string, since: number): LiveRecorder {
  const seqs: number[] = [];
  const socket = io(`${nodeUrl}/hall`, {
    transports: ['websocket'],
    auth: { hallId, token: HALL_TOKEN, since },
    reconnection: false,
  });
  socket.on('change', (c: { seq: number }) => seqs.push(c.seq));
  return { socket, seqs, close: () => socket.close() };
}

export async function adminPostTo(nodeUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${nodeUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function changesPage(
  nodeUrl: string,
  since: number,
  limit: number,
): Promise<{ changes: Array<{ seq: number; id: string; op: string }>; lastSeq: number; hasMore: boolean }> {
  const res = await fetch(`${nodeUrl}/api/v1/changes?since=${since}&limit=${limit}`, {
    headers: { authorization: `Bearer ${HALL_TOKEN}` },
  });
  if (!res.ok) throw new Error(`changesPage: HTTP ${res.status} from ${nodeUrl}`);
  return (await res.json()) as {
    changes: Array<{ seq: number; id: string; op: string }>;
    lastSeq: number;
    hasMore: boolean;
  };
}
