import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { startHallProcess, type HallProcess } from '../support/hall-process';
import { launchChromium, screenshotPath } from '../support/browser';
import {
  currentPageIndex,
  itemsOutsideViewport,
  openBoardPage,
  overflowingText,
  pageMinGlyph,
  planFor,
  renderedTexts,
} from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';

describe('LED board against `npm run serve` on a fresh data dir', () => {
  let hall: HallProcess;
  let browser: Browser;

  beforeAll(async () => {
    [hall, browser] = await Promise.all([startHallProcess({ viaNpm: true }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  const openBoard = (width: number, height: number, screenId = '1'): Promise<Page> =>
    openBoardPage(browser, hall.url, screenId, { width, height });

  it('seeds demo postings and reports them in /healthz', async () => {
    const health = (await (await fetch(`${hall.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', hub: 'standalone', outboxPending: 0 });
    expect(health.listings).toBeGreaterThan(100);
  });

  for (const [width, height] of [
    [1920, 1080],
    [960, 480],
  ] as const) {
    it(`shows Chinese postings at ${width}×${height} with no text below the legibility minimum`, async () => {
      const page = await openBoard(width, height);
      const texts = await renderedTexts(page);
      const all = texts.map((t) => t.text).join(' ');
      expect(all).toMatch(/[\u4e00-\u9fff]{2,}/);
      expect(all).toMatch(/\d+(–\d+)?元\/(时|天|单|件|课时|月)/);

      // hand-computed: 33 px at 1920×1080, 17 px at 960×480 (tests/support/legibility-oracle.ts)
      const floor = oracleMinGlyphPx(DEFAULT_SCREEN, { width, height });
      expect(await pageMinGlyph(page)).toBe(floor);
      const tooSmall = texts.filter((t) => t.fontPx < floor);
      expect(tooSmall, `text drawn below ${floor}px`).toEqual([]);
      expect(await itemsOutsideViewport(page)).toEqual([]);
      expect(await overflowingText(page)).toEqual([]);

      await page.screenshot({ path: screenshotPath(`board-cards-${width}x${height}.png`) });
      await page.close();
    });
  }

  it('rotates to the next page on time, and two walls showing the same screen stay in phase', async () => {
    const [a, b] = await Promise.all([openBoard(1920, 1080), openBoard(1920, 1080)]);
    // The plan both walls show, as the host sends it to a page of that size.
    const plan = await planFor(hall.url, '1', { width: 1920, height: 1080 });
    expect(plan.pages.length).toBeGreaterThan(1);
    const probe = (page: Page) => page.evaluate(() => window.__hallBoard ?? null);
    await a.waitForFunction((id) => window.__hallBoard?.planId === id, plan.planId, { timeout: 30_000 });
    // Rotation is a function of time (README): the page up at t is the one whose slot holds
    // (t − anchor) mod cycle. The next change is the end of the slot holding now.
    const boundaryAfter = (t: number) => {
      const offset = (((t - plan.anchorMs) % plan.cycleMs) + plan.cycleMs) % plan.cycleMs;
      const slot = plan.pages.find((pg) => offset >= pg.startMs && offset < pg.startMs + pg.dwellMs)!;
      return { at: t - offset + slot.startMs + slot.dwellMs, next: (slot.index + 1) % plan.pages.length };
    };
    const { at, next } = boundaryAfter(Date.now());
    // Whenever that comes (a dwell is up to 20 s), each wall paints the next page: not before
    // the boundary, and soon after it, however loaded the machine.
    for (const page of [a, b]) {
      await page.waitForFunction((n) => window.__hallBoard?.pageIndex === n, next, {
        timeout: at - Date.now() + 30_000,
      });
      const painted = (await probe(page))!;
      expect(painted.planId).toBe(plan.planId);
      expect(painted.paintedAt!).toBeGreaterThanOrEqual(at - 50);
      expect(painted.paintedAt! - at).toBeLessThan(5_000);
      expect(await currentPageIndex(page)).toBe(next);
    }
    await Promise.all([a.close(), b.close()]);
  });
});
