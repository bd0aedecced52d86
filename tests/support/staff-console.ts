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
