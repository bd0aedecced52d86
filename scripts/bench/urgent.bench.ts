/**
 * Urgent push latency, as staff wait for it: from sending `POST /api/urgent` to the posting
 * painted on each of 8 board pages in Chromium (each page stamps the start of the frame after
 * the one that drew the DOM update, i.e. after its paint; renderer/board/urgent-probe.ts),
 * p50 and p99 over 50 pushes after 5 warm-up pushes. The target (p99 under 250 ms) is held to
 * that figure. Also shown: the same from the POST's response, and the moment all 8 had it.
 * Compared with a bare socket.io round trip (emit + ack, Node client ↔ server) on the same
 * machine in the same run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { hallOptionsFrom } from '../../electron/host/config';
import { startHall } from '../../electron/host/hall';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { launchChromium, openBoardPages } from '../../tests/support/browser';
import { signIn } from '../../tests/integration/staff/staff-support';

const PUSHES = 50;
const WARMUP = 5;
const PAGES = 8;
const PIN = '318265';

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

async function socketRoundTrips(n: number): Promise<number[]> {
  const server = createServer();
  const ioServer = new Server(server, { serveClient: false });
  ioServer.on('connection', (socket) => socket.on('ping-bench', (_: unknown, ack: () => void) => ack()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  await new Promise<void>((ok) => client.on('connect', () => ok()));
  const samples: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    await new Promise<void>((ok) => client.emit('ping-bench', null, () => ok()));
    if (i >= 5) samples.push(performance.now() - t0);
  }
  client.close();
  await new Promise<void>((ok) => ioServer.close(() => ok()));
  return samples;
}

async function waitPainted(page: Page, id: string): Promise<number> {
  // Runs in the page (globalThis is its window); this file is typechecked for Node.
  const handle = await page.waitForFunction(
    (urgentId: string) =>
      (globalThis as { __hallUrgent?: { paintedAt: Record<string, number> } }).__hallUrgent?.paintedAt[urgentId] ??
      false,
    id,
    { timeout: 10_000, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-urgent-'));
  const screens = Array.from({ length: PAGES }, (_, i) => ({
    ...DEFAULT_SCREEN,
    id: String(i + 1),
    name: `${i + 1}号屏`,
  }));
  writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens }));
  const hall = await startHall(hallOptionsFrom(['--port', '0', '--data', dataDir], { HALL_STAFF_PIN: PIN }), {
    log: pino({ level: 'silent' }),
  });
  const browser = await launchChromium();
  try {
    const pages = await openBoardPages(
      browser,
      hall.url,
      screens.map((s) => s.id),
      { width: 960, height: 480 },
    );
    const token = await signIn(hall.url, PIN);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const perPage: number[] = [];
    const perPageFromResponse: number[] = [];
    const allEight: number[] = [];
    for (let i = 0; i < WARMUP + PUSHES; i++) {
      const sent = Date.now();
      const response = await fetch(`${hall.url}/api/urgent`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `急招搬运工 ${i + 1} 号`,
          body: '日结 200元/天',
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
        }),
      });
      const answered = Date.now();
      const { id } = (await response.json()) as { id: string };
      const painted = await Promise.all(pages.map((p) => waitPainted(p, id)));
      if (i >= WARMUP) {
        for (const t of painted) {
          perPage.push(t - sent);
          perPageFromResponse.push(t - answered);
        }
        allEight.push(Math.max(...painted) - sent);
      }
      await fetch(`${hall.url}/api/urgent/${id}`, {
        method: 'DELETE',
        headers: { authorization: headers.authorization },
      });
      await new Promise((r) => setTimeout(r, 150));
    }

    const rtt = await socketRoundTrips(200);
    const rttP50 = quantile(rtt, 0.5);
    const rttP99 = quantile(rtt, 0.99);
    const p50 = quantile(perPage, 0.5);
    const p99 = quantile(perPage, 0.99);
    return [
      {
        name: 'urgent push → painted on each of 8 board pages (from the POST being sent to the frame after the paint)',
        pushes: PUSHES,
        warmUpPushes: WARMUP,
        pages: PAGES,
        samples: perPage.length,
        p50Ms: round(p50),
        p99Ms: round(p99),
        maxMs: round(Math.max(...perPage)),
        targetP99Ms: 250,
        meetsTarget: p99 < 250,
        allEightPaintedP50Ms: round(quantile(allEight, 0.5)),
        allEightPaintedP99Ms: round(quantile(allEight, 0.99)),
        fromPostResponseP50Ms: round(quantile(perPageFromResponse, 0.5)),
        fromPostResponseP99Ms: round(quantile(perPageFromResponse, 0.99)),
        comparedTo: 'bare socket.io round trip on this machine, same run',
        bareSocketIoRoundTripP50Ms: round(rttP50),
        bareSocketIoRoundTripP99Ms: round(rttP99),
        ratioP50ToBareRoundTrip: round(p50 / rttP50),
      },
    ];
  } finally {
    await browser.close();
    await hall.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
