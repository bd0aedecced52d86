/**
 * While an urgent banner and the hall notice are live, the board's postings are laid out above
 * them: the banner must never cover the bottom row's phone numbers (a bug seen on a 1920×1080
 * wall before the planner kept the bottom bands clear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium, screenshotPath } from '../support/browser';
import { openBoardPage, pageMinGlyph, renderedTexts } from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { call, inMinutes } from '../integration/staff/staff-support';

async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bands = [...document.querySelectorAll<HTMLElement>('[data-testid="urgent-banner"], [data-testid="notice-line"]')].map((el) => el.getBoundingClientRect());
    const top = Math.min(...bands.map((b) => b.top));
    return [...document.querySelectorAll<HTMLElement>('[data-testid="board-item"]')]
      .filter((el) => el.getBoundingClientRect().bottom > top + 0.5)
      .map((el) => el.dataset.listingId ?? '?');
  });
}

describe('bottom bands of an urgent banner and the notice line', () => {
  let hall: Hall;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchChromium()]);
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: '271828' } })).json.token;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  it('keeps every posting above the banner and the notice, at 1920×1080 and 960×480', async () => {
    const pages = await Promise.all(
      [
        [1920, 1080],
        [960, 480],
      ].map(async ([width, height]) => {
        const page = await browser.newPage({ viewport: { width: width!, height: height! } });
        await page.goto(`${hall.url}/board/1`);
        await page.waitForSelector('[data-testid="board-item"]');
        return page;
      }),
    );
    expect((await call(hall.url, 'PUT', '/api/staff/notice', { token, body: { text: '今日 17:30 闭馆' } })).status).toBe(200);
    const posted = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: '急招叉车司机 5 人', body: '日结 300元/天 · 电话 138 0000 8000', expiresAt: inMinutes(30) } });
    expect(posted.status).toBe(201);
    for (const page of pages) {
      // The takeover shows first; the banner follows once it has had its seconds.
      await page.waitForSelector('[data-testid="urgent-banner"]', { timeout: 60_000 });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect(await page.locator('[data-testid="board-item"]').count()).toBeGreaterThan(0);
      expect(await overlaps(page)).toEqual([]);
      const { width, height } = page.viewportSize()!;
      await page.screenshot({ path: screenshotPath(`urgent-banner-${width}x${height}.png`) });
    }
  });

  it('covers every board with the emergency message, legible and inside the screen, until it is cleared', async () => {
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 960, height: 480 },
    ];
    const pages = await Promise.all(sizes.map((size) => openBoardPage(browser, hall.url, '1', size)));
    const set = await call(hall.url, 'PUT', '/api/staff/emergency', { token, body: { title: '消防演练，请跟随工作人员有序离场', body: '请勿乘坐电梯，走东侧楼梯到广场集合' } });
    expect(set.status).toBe(200);
    for (const [i, page] of pages.entries()) {
      await page.waitForSelector('[data-testid="emergency-takeover"]', { timeout: 60_000 });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      // hand-computed for the default wall: 33 px at 1920×1080, 17 px at 960×480
      const minGlyphPx = oracleMinGlyphPx(DEFAULT_SCREEN, sizes[i]!);
      expect(await pageMinGlyph(page)).toBe(minGlyphPx);
      const texts = await renderedTexts(page);
      expect(texts.map((t) => t.text).join(' ')).toContain('请勿乘坐电梯');
      expect(texts.filter((t) => t.fontPx < minGlyphPx)).toEqual([]);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="emergency-takeover"] > *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight || el.scrollWidth > el.clientWidth;
          })
          .map((el) => el.className),
      );
      expect(outside).toEqual([]);
      await page.screenshot({ path: screenshotPath(`emergency-${sizes[i]!.width}x${sizes[i]!.height}.png`) });
    }
    expect((await call(hall.url, 'DELETE', '/api/staff/emergency', { token })).status).toBe(200);
    for (const page of pages) await page.waitForSelector('[data-testid="emergency-takeover"]', { state: 'detached', timeout: 60_000 });
  });
});
