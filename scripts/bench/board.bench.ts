/**
 * Cold start to first board paint: from spawning the hall host (`electron/host/cli.ts`, as
 * `npm run serve` does) to a board page in Chromium having painted its first page of postings.
 * Measured for 10,000 postings, compared with the 240-posting demo hall in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createListingStore } from '../../electron/host/db/listing-store';
import { generateListings } from '../demo/generate-listings';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function coldStartMs(browser: Browser, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, HALL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /health: (http:\/\/[^\s/]+)\/healthz/.exec(out);
        if (m) ok(m[1]!);
      });
      child.on('exit', (code) => fail(new Error(`host exited with ${code}`)));
    });
    // The bench evaluates string expressions in the page, which the board's CSP (rightly) forbids.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await page.goto(`${url}/board/1`);
    // A string: this file is typechecked for Node, the expression runs in the page.
    await page.waitForFunction(`typeof window.__hallBoard?.paintedAt === 'number' && document.querySelector('[data-testid="board-item"]') !== null`, undefined, {
      timeout: 60_000,
      polling: 'raf',
    });
    const ms = performance.now() - started;
    await page.close();
    return ms;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const dirs: string[] = [];
  try {
    const big = mkdtempSync(join(tmpdir(), 'bench-cold-'));
    dirs.push(big);
    const db = openDatabase(join(big, 'hall.db'));
    createListingStore(db).upsertMany(generateListings(10_000, { seed: 11, now: Date.now() }));
    closeDatabase(db);

    const runs = 3;
    const bigMs: number[] = [];
    const demoMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      bigMs.push(await coldStartMs(browser, big));
      const demo = mkdtempSync(join(tmpdir(), 'bench-demo-'));
      dirs.push(demo);
      demoMs.push(await coldStartMs(browser, demo));
    }
    return [
      {
        bench: 'cold-start-to-first-board-paint',
        postings: 10_000,
        ms: Math.round(median(bigMs)),
        runs: bigMs.map(Math.round),
        comparedTo: 'fresh standalone demo hall (240 postings, seeded on start), same run',
        baselineMs: Math.round(median(demoMs)),
        ratio: Number((median(bigMs) / median(demoMs)).toFixed(2)),
        note: 'host spawned with tsx (npm run serve); Chromium already running',
      },
    ];
  } finally {
    await browser.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
