/**
 * Cold start to first board paint: from spawning the hall host (`electron/host/cli.ts`, as
 * `npm run serve` does) to a board page in Chromium having painted its first page of postings.
 * Measured for 10,000 postings, compared in the same run with 240 postings (the demo hall's
 * size); both databases are built before any clock starts, so both figures time the same
 * phases (spawn, open, first plan, first paint). One warm-up start of each, then the same
 * number of measured starts, alternating.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import { generatePostings } from '../demo/generate-postings';
import { launchChromium } from '../../tests/support/browser';
import { startHallProcess } from '../../tests/support/hall-process';

async function coldStartMs(browser: Browser, dataDir: string): Promise<number> {
  const started = performance.now();
  const hall = await startHallProcess({ dataDir });
  try {
    // The bench evaluates string expressions in the page, which the board's CSP (rightly) forbids.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await page.goto(`${hall.url}/board/1`);
    // A string: this file is typechecked for Node, the expression runs in the page.
    await page.waitForFunction(
      `typeof window.__hallBoard?.paintedAt === 'number' && document.querySelector('[data-testid="board-item"]') !== null`,
      undefined,
      {
        timeout: 60_000,
        polling: 'raf',
      },
    );
    const ms = performance.now() - started;
    await page.close();
    return ms;
  } finally {
    await hall.stop();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const RUNS = 5;

function prebuilt(count: number, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-cold-${count}-`));
  const db = openDatabase(join(dir, 'hall.db'));
  const store = createPostingStore(db);
  store.upsertMany(generatePostings(count, { seed, now: Date.now() }));
  // as a hall leaves it: indexed for search right after the write
  while (store.indexSearchBacklog(5_000) > 0);
  closeDatabase(db);
  return dir;
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const browser = await launchChromium();
  const dirs: string[] = [];
  try {
    const big = prebuilt(10_000, 11);
    const small = prebuilt(240, 11);
    dirs.push(big, small);
    // warm-up: the OS file cache, tsx's transform cache and Chromium's first page
    await coldStartMs(browser, big);
    await coldStartMs(browser, small);
    const bigMs: number[] = [];
    const smallMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bigMs.push(await coldStartMs(browser, big));
      smallMs.push(await coldStartMs(browser, small));
    }
    return [
      {
        bench: 'cold-start-to-first-board-paint',
        postings: 10_000,
        ms: Math.round(median(bigMs)),
        runs: bigMs.map(Math.round),
        comparedTo: 'the same with 240 postings (the demo hall), database built beforehand the same way, same run',
        baselineMs: Math.round(median(smallMs)),
        baselineRuns: smallMs.map(Math.round),
        ratio: Number((median(bigMs) / median(smallMs)).toFixed(2)),
        note: 'host spawned with tsx (npm run serve); Chromium already running; one warm-up start each, not counted',
      },
    ];
  } finally {
    await browser.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
