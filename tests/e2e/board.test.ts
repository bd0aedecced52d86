import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { startHallProcess, type HallProcess } from '../support/hall-process';
import { launchChromium, screenshotPath } from '../support/browser';
import { currentPageIndex, itemsOutsideViewport, openBoardPage, overflowingText, pageMinGlyph, renderedTexts } from '../support/board-page';
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

  const openBoard = (width: number, height: number, screenId = '1'): Promise<Page> => openBoardPage(browser, hall.url, screenId, { width, height });

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
    const first = await currentPageIndex(a);
    await a.waitForFunction(
      (start) => Number(document.querySelector('[data-testid="board-root"]')?.getAttribute('data-page-index')) !== start,
      first,
      { timeout: (DEFAULT_SCREEN.maxDwellS + 5) * 1000 },
    );
    const next = await currentPageIndex(a);
    expect(next).not.toBe(first);
    // Page = f(now): a second page opened at the same time shows the same page (allow the
    // moment of a page change itself by asking twice).
    const inPhase = (await currentPageIndex(b)) === (await currentPageIndex(a)) || (await currentPageIndex(b)) === (await currentPageIndex(a));
    expect(inPhase).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});
