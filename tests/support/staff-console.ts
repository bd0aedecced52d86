/** The staff console in Chromium, signed in with a session token (no PIN typed), on one tab. */
import type { Browser, Page } from 'playwright-core';

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
