/**
 * While an urgent banner and the hall notice are live, the board's postings are laid out above
 * them: the banner must never cover the bottom row's phone numbers (a bug seen on a 1920×1080
 * wall before the planner kept the bottom bands clear). The takeover before the banner is read
 * from across the hall: every part at or above the minimum glyph and inside the screen, for a
 * Chinese title, one with Latin and digits, and one too long for the largest size.
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

const TAKEOVER_SIZES = [
  { width: 1920, height: 1080 },
  { width: 960, height: 480 },
];

/**
 * Each part of the takeover of `id`, measured in the same frame it is first seen (the takeover
 * lasts seconds, and a loaded machine can paint it late): its font size, and whether it sticks
 * out of the screen or its text is wider than its box. Measured by layout (offsets), so the
 * entry animation's scale does not count.
 */
async function takeoverParts(page: Page, id: string): Promise<{ part: string; fontPx: number; outside: boolean }[]> {
  const handle = await page.waitForFunction(
    (urgentId) => {
      const root = document.querySelector<HTMLElement>(`[data-testid="urgent-takeover"][data-urgent-id="${urgentId}"]`);
      if (!root) return null;
      return [...root.children].map((child) => {
        const el = child as HTMLElement;
        const outside =
          el.offsetLeft < 0 ||
          el.offsetTop < 0 ||
          el.offsetLeft + el.offsetWidth > root.clientWidth ||
          el.offsetTop + el.offsetHeight > root.clientHeight ||
          el.scrollWidth > el.clientWidth + 1;
        return { part: el.className, fontPx: parseFloat(getComputedStyle(el).fontSize), outside };
      });
    },
    id,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue())!;
}

async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bands = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="urgent-banner"], [data-testid="notice-line"]'),
    ].map((el) => el.getBoundingClientRect());
    const top = Math.min(...bands.map((b) => b.top));
    return [...document.querySelectorAll<HTMLElement>('[data-testid="board-item"]')]
      .filter((el) => el.getBoundingClientRect().bottom > top + 0.5)
      .map((el) => el.dataset.listingId ?? '?');
  });
}

describe('urgent postings, the notice line and the emergency message on the boards', () => {
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
    expect(
      (await call(hall.url, 'PUT', '/api/staff/notice', { token, body: { text: '今日 17:30 闭馆' } })).status,
    ).toBe(200);
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: { title: '急招叉车司机 5 人', body: '日结 300元/天 · 电话 138 0000 8000', expiresAt: inMinutes(30) },
    });
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
    const set = await call(hall.url, 'PUT', '/api/staff/emergency', {
      token,
      body: { title: '消防演练，请跟随工作人员有序离场', body: '请勿乘坐电梯，走东侧楼梯到广场集合' },
    });
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
            return (
              r.left < 0 ||
              r.top < 0 ||
              r.right > innerWidth ||
              r.bottom > innerHeight ||
              el.scrollWidth > el.clientWidth
            );
          })
          .map((el) => el.className),
      );
      expect(outside).toEqual([]);
      await page.screenshot({ path: screenshotPath(`emergency-${sizes[i]!.width}x${sizes[i]!.height}.png`) });
    }
    expect((await call(hall.url, 'DELETE', '/api/staff/emergency', { token })).status).toBe(200);
    for (const page of pages)
      await page.waitForSelector('[data-testid="emergency-takeover"]', { state: 'detached', timeout: 60_000 });
  });

  const postings = [
    { name: 'chinese', title: '急招叉车司机五人', body: '日结三百元每天，到东门找李师傅' },
    { name: 'mixed', title: '急招 CNC 操作工 12 人 (Mon-Sat)', body: '日结 300元/天 · 电话 138 0000 8000 · WeChat OK' },
    {
      name: 'latin',
      title: 'WAREHOUSE MOWING WORKMEN WANTED NOW',
      body: 'Daily pay 300 yuan · Window 3 · WeChat MMWW-8000',
    },
    {
      name: 'long',
      title: '紧急招聘：高新区电子厂夜班普工二十名，包吃包住，月结五千元以上',
      body: '报名请到三号窗口，或拨打 0793-8888 6666 联系人事部张女士，周六周日照常面试',
    },
  ];

  for (const posting of postings) {
    it(`draws a ${posting.name} takeover at or above the minimum glyph, inside the screen, at 1920×1080 and 960×480`, async () => {
      const pages = await Promise.all(TAKEOVER_SIZES.map((size) => openBoardPage(browser, hall.url, '1', size)));
      const posted = await call(hall.url, 'POST', '/api/urgent', {
        token,
        body: { title: posting.title, body: posting.body, expiresAt: inMinutes(30) },
      });
      expect(posted.status).toBe(201);
      // Both pages at once: the takeover lasts eight seconds from the posting, on a loaded machine too.
      await Promise.all(
        pages.map(async (page, i) => {
          const parts = await takeoverParts(page, posted.json.id);
          const size = TAKEOVER_SIZES[i]!;
          // hand-computed for the default wall: 33 px at 1920×1080, 17 px at 960×480
          const minGlyphPx = oracleMinGlyphPx(DEFAULT_SCREEN, size);
          expect(parts.filter((p) => p.fontPx < minGlyphPx)).toEqual([]);
          const texts = await renderedTexts(page);
          await page.screenshot({
            path: screenshotPath(`urgent-takeover-${posting.name}-${size.width}x${size.height}.png`),
          });
          expect(parts.map((p) => p.part)).toEqual([
            'urgent-takeover__tag',
            'urgent-takeover__title',
            'urgent-takeover__body',
            'urgent-takeover__until',
          ]);
          expect(parts.filter((p) => p.outside)).toEqual([]);
          expect(texts.filter((t) => t.fontPx < minGlyphPx)).toEqual([]);
          await page.close();
        }),
      );
      expect((await call(hall.url, 'DELETE', `/api/urgent/${posted.json.id}`, { token })).status).toBe(200);
    });
  }
});
