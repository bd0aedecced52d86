/**
 * The takeover an urgent posting gets for its first seconds is read from across the hall: every
 * part at or above the screen's minimum glyph, nothing cut off or outside the screen, at the
 * wall's and the small LED screen's sizes — for a Chinese title, one with Latin and digits, and one too long for the largest size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium, screenshotPath } from '../support/browser';
import { openBoardPage, renderedTexts } from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { call, inMinutes } from '../integration/staff/staff-support';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 960, height: 480 },
];

/** Each part of the takeover that sticks out of the screen or whose text is wider than its box. */
function takeoverParts(page: Page): Promise<{ part: string; fontPx: number; outside: boolean }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="urgent-takeover"] > *')].map((el) => {
      const r = el.getBoundingClientRect();
      const outside = r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight || el.scrollWidth > el.clientWidth + 1;
      return { part: el.className, fontPx: parseFloat(getComputedStyle(el).fontSize), outside };
    }),
  );
}

describe('the urgent takeover', () => {
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

  const postings = [
    { name: 'chinese', title: '急招叉车司机五人', body: '日结三百元每天，到东门找李师傅' },
    { name: 'mixed', title: '急招 CNC 操作工 12 人 (Mon-Sat)', body: '日结 300元/天 · 电话 138 0000 8000 · WeChat OK' },
    { name: 'latin', title: 'WAREHOUSE MOWING WORKMEN WANTED NOW', body: 'Daily pay 300 yuan · Window 3 · WeChat MMWW-8000' },
    { name: 'long', title: '紧急招聘：高新区电子厂夜班普工二十名，包吃包住，月结五千元以上', body: '报名请到三号窗口，或拨打 0793-8888 6666 联系人事部张女士，周六周日照常面试' },
  ];

  for (const posting of postings) {
    it(`draws a ${posting.name} takeover at or above the minimum glyph, inside the screen, at 1920×1080 and 960×480`, async () => {
      const pages = await Promise.all(SIZES.map((size) => openBoardPage(browser, hall.url, '1', size)));
      const posted = await call(hall.url, 'POST', '/api/urgent', { token, body: { title: posting.title, body: posting.body, expiresAt: inMinutes(30) } });
      expect(posted.status).toBe(201);
      for (const [i, page] of pages.entries()) {
        await page.waitForSelector(`[data-testid="urgent-takeover"][data-urgent-id="${posted.json.id}"]`, { timeout: 60_000 });
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        const size = SIZES[i]!;
        // hand-computed for the default wall: 33 px at 1920×1080, 17 px at 960×480
        const minGlyphPx = oracleMinGlyphPx(DEFAULT_SCREEN, size);
        const parts = await takeoverParts(page);
        await page.screenshot({ path: screenshotPath(`urgent-takeover-${posting.name}-${size.width}x${size.height}.png`) });
        expect(parts.map((p) => p.part)).toEqual(['urgent-takeover__tag', 'urgent-takeover__title', 'urgent-takeover__body', 'urgent-takeover__until']);
        expect(parts.filter((p) => p.outside)).toEqual([]);
        const texts = await renderedTexts(page);
        expect(texts.filter((t) => t.fontPx < minGlyphPx)).toEqual([]);
        await page.close();
      }
      expect((await call(hall.url, 'DELETE', `/api/urgent/${posted.json.id}`, { token })).status).toBe(200);
    });
  }
});
