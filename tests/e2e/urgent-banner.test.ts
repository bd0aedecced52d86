/**
 * Someone who walks in after an urgent posting's first eight seconds must still be able to call:
 * the banner keeps title, pay and phone whole at the band's size on every kind of screen — the
 * 1920×1080 wall, the 960×480 door screen and the 2560×640 strip — and the takeover comes back
 * on its schedule (hall.json `urgentTakeoverEveryS`, shortened here to 15 s).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../shared/schemas/screen';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium, screenshotPath } from '../support/browser';
import { openBoardPage, pageMinGlyph } from '../support/board-page';
import { tmpDir } from '../support/tmp-dir';
import { call, inMinutes } from '../integration/staff/staff-support';

const screens: ScreenProfile[] = [
  DEFAULT_SCREEN,
  { ...DEFAULT_SCREEN, id: 'door', name: '门口小屏', width: 960, height: 480, viewingDistanceM: 5, layout: 'table' },
  {
    ...DEFAULT_SCREEN,
    id: 'strip',
    name: '西墙条屏',
    width: 2560,
    height: 640,
    pitchMm: 4,
    viewingDistanceM: 10,
    layout: 'ticker',
  },
];
const SIZES = [
  { screenId: '1', width: 1920, height: 1080 },
  { screenId: 'door', width: 960, height: 480 },
  { screenId: 'strip', width: 2560, height: 640 },
];

/** Each still part of the banner: its text, font size, and whether it is cut or sticks out of the screen. */
function bannerParts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="urgent-banner"] > :not(.urgent-banner__scroller)')].map(
      (el) => {
        const r = el.getBoundingClientRect();
        return {
          part: el.className,
          text: el.textContent ?? '',
          fontPx: parseFloat(getComputedStyle(el).fontSize),
          cut:
            el.scrollWidth > el.clientWidth + 1 ||
            r.left < 0 ||
            r.right > innerWidth + 0.5 ||
            r.bottom > innerHeight + 0.5,
        };
      },
    ),
  );
}

describe('the urgent banner keeps its phone, and the takeover comes back', () => {
  let hall: Hall;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    const dataDir = tmpDir('urgent-banner-');
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens }));
    writeFileSync(join(dataDir, 'hall.json'), JSON.stringify({ urgentTakeoverEveryS: 15 }));
    [hall, browser] = await Promise.all([startTestHall({ dataDir }), launchChromium()]);
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: '271828' } })).json.token;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  it('shows title, pay and phone whole at or above the minimum on the wall, the door screen and the strip', async () => {
    const pages = await Promise.all(SIZES.map((s) => openBoardPage(browser, hall.url, s.screenId, s)));
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: {
        title: '急招叉车司机 5 人',
        body: '日结 300元/天，到东门仓库找王经理，电话 138 0000 8000',
        expiresAt: inMinutes(30),
      },
    });
    expect(posted.status).toBe(201);
    for (const [i, page] of pages.entries()) {
      const { width, height } = SIZES[i]!;
      await page.waitForSelector(`[data-testid="urgent-banner"][data-urgent-id="${posted.json.id}"]`, {
        timeout: 60_000,
      });
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || (a as CSSAnimation).animationName === 'urgent-banner-scroll'),
      );
      const floor = await pageMinGlyph(page);
      const parts = await bannerParts(page);
      expect(parts.map((p) => p.part)).toEqual([
        'urgent-banner__tag',
        'urgent-banner__title',
        'urgent-banner__pay',
        'urgent-banner__phone',
      ]);
      expect(parts.find((p) => p.part === 'urgent-banner__phone')!.text).toBe('138 0000 8000');
      expect(parts.find((p) => p.part === 'urgent-banner__pay')!.text).toBe('300元/天');
      expect(parts.filter((p) => p.cut)).toEqual([]);
      expect(parts.filter((p) => p.fontPx < floor)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`urgent-banner-phone-${width}x${height}.png`) });
    }
    // the takeover comes back on its schedule, then gives way to the banner again
    const page = pages[0]!;
    await page.waitForSelector(`[data-testid="urgent-takeover"][data-urgent-id="${posted.json.id}"]`, {
      timeout: 60_000,
    });
    await page.waitForSelector(`[data-testid="urgent-banner"][data-urgent-id="${posted.json.id}"]`, {
      timeout: 60_000,
    });
    for (const p of pages) await p.close();
    expect((await call(hall.url, 'DELETE', `/api/urgent/${posted.json.id}`, { token })).status).toBe(200);
  });

  it('moves a title too long for a narrow screen past with its phone whole, at the band size', async () => {
    const page = await openBoardPage(browser, hall.url, 'door', { width: 960, height: 480 });
    const posted = await call(hall.url, 'POST', '/api/urgent', {
      token,
      body: {
        title: '紧急招聘：高新区电子厂夜班普工二十名，包吃包住，月结五千元以上',
        body: '报名请拨打 0793-8888 6666 联系人事部张女士',
        expiresAt: inMinutes(30),
      },
    });
    expect(posted.status).toBe(201);
    const banner = page.locator(`[data-testid="urgent-banner"][data-urgent-id="${posted.json.id}"]`);
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.getAttribute('data-mode')).toBe('scroll');
    const moving = banner.locator('.urgent-banner__moving');
    expect(await moving.textContent()).toContain('0793-8888 6666');
    const fontPx = await moving.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(await pageMinGlyph(page));
    // it moves: a later frame has it further left (whenever that frame comes)
    const x0 = await moving.evaluate((el) => el.getBoundingClientRect().left);
    await page.waitForFunction(
      (x) => document.querySelector('.urgent-banner__moving')!.getBoundingClientRect().left < x - 10,
      x0,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: screenshotPath('urgent-banner-scroll-960x480.png') });
    await page.close();
    expect((await call(hall.url, 'DELETE', `/api/urgent/${posted.json.id}`, { token })).status).toBe(200);
  });
});
