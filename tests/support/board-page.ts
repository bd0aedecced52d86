import type { Browser, Page } from 'playwright-core';

export interface RenderedText {
  text: string;
  fontPx: number;
}

/** Every visible text node on the page with the computed font size of its element. */
export function renderedTexts(page: Page): Promise<RenderedText[]> {
  return page.evaluate(() => {
    const out: { text: string; fontPx: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
      out.push({ text: text.slice(0, 40), fontPx: parseFloat(style.fontSize) });
    }
    return out;
  });
}

export async function currentPageIndex(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="board-root"]', 'data-page-index'));
}

/** Items whose box sticks out of the viewport (an overflowing board is unreadable). */
export function itemsOutsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="board-item"]')) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) bad.push(el.dataset.listingId ?? '?');
    }
    return bad;
  });
}

/** Waits until page transitions (CSS transitions and animations) have settled. */
export async function waitForSettledPage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
}

/**
 * Opens /board/:screenId at a viewport size and waits until it is readable: items drawn, the
 * bundled CJK font in (it decides glyph shapes in screenshots), no animation running.
 */
export async function openBoardPage(browser: Browser, hallUrl: string, screenId: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${hallUrl}/board/${screenId}`);
  await page.waitForSelector('[data-testid="board-item"]', { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await waitForSettledPage(page);
  return page;
}
