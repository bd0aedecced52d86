/**
 * A board page on the hall network pairs like a browser kiosk, in real Chromium: the host treats
 * every connection as a LAN device here (no hall PC), so the page shows its pairing code, big;
 * staff approve the code; the page then shows its screen, and keeps its approval across a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium, screenshotPath } from '../support/browser';
import { renderedTexts } from '../support/board-page';
import { ADMIN_PIN, call, signIn } from '../integration/staff/staff-support';

describe('a LAN board page pairing', () => {
  let hall: Hall;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ deps: { isHallPc: () => false } }), launchChromium()]);
    await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: ADMIN_PIN } });
    token = await signIn(hall.url);
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  it.each([
    [1920, 1080],
    [960, 480],
  ])('shows the code legibly at %i×%i, then the screen once staff approve it', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${hall.url}/board/1`);
    await page.waitForFunction(
      () => /^\d{3} \d{3}$/.test(document.querySelector('[data-testid="board-pairing-code"]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: screenshotPath(`board-pairing-${width}x${height}.png`) });
    // nothing of the postings reaches an unpaired page
    expect(await page.locator('[data-testid="board-item"]').count()).toBe(0);
    const codeBox = await page.locator('[data-testid="board-pairing-code"]').boundingBox();
    expect(codeBox!.height).toBeGreaterThanOrEqual(height * 0.15);
    for (const t of await renderedTexts(page)) expect(t.fontPx, t.text).toBeGreaterThanOrEqual(32);
    const text = await page.locator('[data-testid="board-pairing"]').innerText();
    expect(text).toContain('屏幕管理');

    const code = ((await page.textContent('[data-testid="board-pairing-code"]')) ?? '').replace(/\s/g, '');
    const approved = await call(hall.url, 'POST', '/api/staff/pairings', { token, body: { role: 'device', code } });
    expect(approved.json).toMatchObject({ role: 'board-device', screenId: '1' });
    await page.waitForSelector('[data-testid="board-item"]', { timeout: 15_000 });
    await page.reload();
    await page.waitForSelector('[data-testid="board-item"]', { timeout: 15_000 });
    expect(await page.locator('[data-testid="board-pairing"]').count()).toBe(0);
    await page.close();
  });
});
