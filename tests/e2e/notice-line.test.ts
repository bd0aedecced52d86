/**
 * The hall notice along the bottom of a board ("大厅通知（滚动字幕）" in the console), in real
 * Chromium at the minimum glyph height (the notice is drawn at exactly the screen's minimum
 * glyph): a notice wider than the screen scrolls on its own — its position moves over time, and
 * across one cycle every character passes through the lane, its last one shown whole before it
 * starts again — and a notice that fits stands still. At a wall's and a small screen's size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium, screenshotPath } from '../support/browser';
import { openBoardPage, pageMinGlyph } from '../support/board-page';
import { call } from '../integration/staff/staff-support';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 960, height: 480 },
];
const LONG =
  '今日 17:30 闭馆，请各位求职者和用人单位提前安排；明天上午 8:30 开馆，周六是集市日，人多请排队，登记请到一楼服务窗口，谢谢配合';
const SHORT = '今日 17:30 闭馆';
/** Fits a 1920-wide wall's line, not a 1100-wide one's. */
const MEDIUM = '今日 17:30 闭馆，明天上午 8:30 开馆，周六是集市日，登记请到一楼服务窗口';

interface NoticeState {
  fontPx: number;
  laneLeft: number;
  laneRight: number;
  trackLeft: number;
  trackRight: number;
  animations: number;
  playState: string | null;
  durationMs: number;
}

/** The notice's font, its lane and its text's box now; with `at` (0…1) the scroll is first seeked there. */
function noticeState(page: Page, at?: number): Promise<NoticeState> {
  return page.evaluate((fraction) => {
    const lane = document.querySelector<HTMLElement>('.notice-line__lane')!;
    const track = document.querySelector<HTMLElement>('.notice-line__track')!;
    const animations = track.getAnimations();
    const a = animations[0];
    const durationMs = Number(a?.effect?.getComputedTiming().duration ?? 0);
    if (a && fraction !== null) {
      a.pause();
      a.currentTime = durationMs * fraction;
    }
    const l = lane.getBoundingClientRect();
    const r = track.getBoundingClientRect();
    const state = {
      fontPx: parseFloat(getComputedStyle(track).fontSize),
      laneLeft: l.left,
      laneRight: l.right,
      trackLeft: r.left,
      trackRight: r.right,
      animations: animations.length,
      playState: a?.playState ?? null,
      durationMs,
    };
    if (a && fraction !== null) a.play();
    return state;
  }, at ?? null);
}

describe('the hall notice line on the boards', () => {
  let hall: Hall;
  let browser: Browser;
  let token: string;
  let pages: Page[];

  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchChromium()]);
    token = (await call(hall.url, 'POST', '/api/staff/setup', { body: { name: '王主任', pin: '271828' } })).json.token;
    pages = await Promise.all(SIZES.map((size) => openBoardPage(browser, hall.url, '1', size)));
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  const showNotice = async (text: string) => {
    expect((await call(hall.url, 'PUT', '/api/staff/notice', { token, body: { text } })).status).toBe(200);
    for (const page of pages)
      await page.waitForFunction(
        (t) => document.querySelector('[data-testid="notice-line"] .notice-line__track')?.textContent === t,
        text,
        { timeout: 30_000 },
      );
  };

  it('scrolls a notice longer than the screen, at the minimum glyph, until every character has passed', async () => {
    await showNotice(LONG);
    for (const [i, page] of pages.entries()) {
      const size = `${SIZES[i]!.width}x${SIZES[i]!.height}`;
      await page.evaluate(() => document.fonts.ready);
      const now = await noticeState(page);
      expect(now.fontPx, size).toBe(await pageMinGlyph(page));
      expect(now.trackRight - now.trackLeft, size).toBeGreaterThan(now.laneRight - now.laneLeft);
      expect(now.animations, size).toBe(1);
      expect(now.playState, size).toBe('running');

      // it moves by itself: the text's position changes as time passes
      const startLeft = now.trackLeft;
      await expect
        .poll(async () => Math.abs((await noticeState(page)).trackLeft - startLeft), { timeout: 30_000, interval: 250 })
        .toBeGreaterThan(20);

      // across one cycle: it starts with the first character at the lane's start, moves only
      // leftwards, and ends with the last character whole inside the lane
      const samples: NoticeState[] = [];
      for (let k = 0; k < 20; k++) samples.push(await noticeState(page, k / 20));
      expect(samples[0]!.trackLeft, size).toBeCloseTo(now.laneLeft, 0);
      for (let k = 1; k < samples.length; k++)
        expect(samples[k]!.trackLeft, size).toBeLessThanOrEqual(samples[k - 1]!.trackLeft + 0.5);
      const end = samples.at(-1)!;
      expect(end.trackRight, size).toBeLessThanOrEqual(end.laneRight + 0.5);
      expect(end.trackRight, size).toBeGreaterThan(end.laneLeft + (end.laneRight - end.laneLeft) / 2);
      // about four characters a second or slower, so it can be read
      const pxPerChar = (now.trackRight - now.trackLeft) / LONG.length;
      const moved = samples[0]!.trackLeft - end.trackLeft;
      const movingS =
        (samples.filter((s, k) => k > 0 && s.trackLeft < samples[k - 1]!.trackLeft - 0.5).length * now.durationMs) /
        20 /
        1000;
      expect(moved / pxPerChar / movingS, size).toBeLessThanOrEqual(4.5);
      await page.screenshot({ path: screenshotPath(`notice-long-${size}.png`) });
    }
  });

  it('starts scrolling when the screen narrows under a notice that fitted, and stops when it widens again', async () => {
    await showNotice(MEDIUM);
    const page = await openBoardPage(browser, hall.url, '1', { width: 1920, height: 1080 });
    const wide = await noticeState(page);
    expect(wide.trackRight - wide.trackLeft).toBeLessThan(wide.laneRight - wide.laneLeft);
    expect(wide.animations).toBe(0);
    await page.setViewportSize({ width: 1100, height: 1080 });
    await expect.poll(async () => (await noticeState(page)).animations, { timeout: 30_000 }).toBe(1);
    const narrow = await noticeState(page);
    expect(narrow.fontPx).toBe(await pageMinGlyph(page));
    expect(narrow.trackRight - narrow.trackLeft).toBeGreaterThan(narrow.laneRight - narrow.laneLeft);
    const end = await noticeState(page, 0.9);
    expect(end.trackRight).toBeLessThanOrEqual(end.laneRight + 0.5);
    expect(end.trackRight).toBeGreaterThan(end.laneRight - 60);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await noticeState(page)).animations, { timeout: 30_000 }).toBe(0);
    await page.close();
  });

  it('leaves a notice that fits standing still', async () => {
    await showNotice(SHORT);
    for (const [i, page] of pages.entries()) {
      const size = `${SIZES[i]!.width}x${SIZES[i]!.height}`;
      const before = await noticeState(page);
      expect(before.fontPx, size).toBe(await pageMinGlyph(page));
      expect(before.animations, size).toBe(0);
      expect(before.trackLeft, size).toBeCloseTo(before.laneLeft, 0);
      await page.waitForTimeout(1500);
      expect((await noticeState(page)).trackLeft, size).toBe(before.trackLeft);
      await page.screenshot({ path: screenshotPath(`notice-short-${size}.png`) });
    }
  });
});
