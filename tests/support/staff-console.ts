/** The staff console in Chromium, signed in with a session token (no PIN typed), on one tab. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { launchChromium } from './browser';
import { hallDataDir, startTestHall, type HallData } from './in-process-hall';

export async function openConsole(
  browser: Browser,
  hallUrl: string,
  token: string,
  tab: string,
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  await page.goto(`${hallUrl}/staff`);
  await page.evaluate((t) => sessionStorage.setItem('hall-staff-token', t), token);
  await page.reload();
  await page.click(`[data-testid="tab-${tab}"]`);
  return page;
}

/** The first admin of a fresh hall, set up over HTTP as the console does; returns its session token. */
export async function firstAdminToken(hallUrl: string, pin: string, name = '王主任'): Promise<string> {
  const setup = await fetch(`${hallUrl}/api/staff/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });
  return ((await setup.json()) as { token: string }).token;
}

/**
 * What the page logs that a clean page never does: its errors (and, with `warnings`, its
 * warnings) and uncaught exceptions, each prefixed with its kind, into `into` as they come.
 */
export function watchConsole(page: Page, { warnings }: { warnings: boolean }, into: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error' || (warnings && m.type() === 'warning')) into.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
  return into;
}

/** The first admin's PIN in the console suites. */
export const CONSOLE_PIN = '318265';

export interface ConsoleSuite {
  /** The hall, Chromium and the first admin's session token, set once beforeAll has run. */
  hall: Hall & { dataDir: string };
  browser: Browser;
  token: string;
  /** With `tab`: the console page open on it, once beforeAll has run. */
  page: Page;
  /** With `watch`: what `page` logs that a clean page never does (see watchConsole). */
  problems: string[];
  /** A new console page on `tab`, signed in as the first admin. */
  open(tab: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * A hall with its first admin (PIN CONSOLE_PIN) and Chromium for the describe this is called
 * in, started before its tests and closed after: on a fresh data dir holding what `data` gives
 * for the time it starts; with `tab`, a console page open on it, its problems watched with `watch`.
 */
export function consoleInChromium(
  options: { data?: (now: number) => HallData; tab?: string; watch?: { warnings: boolean } } = {},
): ConsoleSuite {
  const suite = {
    problems: [] as string[],
    open: (tab: string, viewport?: { width: number; height: number }) =>
      openConsole(suite.browser, suite.hall.url, suite.token, tab, viewport),
  } as ConsoleSuite;
  beforeAll(async () => {
    [suite.hall, suite.browser] = await Promise.all([
      startTestHall({ dataDir: hallDataDir('hall-console-', options.data?.(Date.now())) }),
      launchChromium(),
    ]);
    suite.token = await firstAdminToken(suite.hall.url, CONSOLE_PIN);
    if (options.tab === undefined) return;
    suite.page = await suite.open(options.tab);
    if (options.watch) watchConsole(suite.page, options.watch, suite.problems);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.hall?.close();
  });
  return suite;
}
