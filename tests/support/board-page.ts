import type { Browser, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { BoardPlan } from '../../shared/schemas/board-plan';
// for window.__hallBoard, the probe a board page publishes after each paint
import type {} from '../../renderer/board/board-globals';

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
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
        bad.push(el.dataset.listingId ?? '?');
    }
    return bad;
  });
}

/**
 * Text that does not fit its box as Chromium laid it out, measured by the browser and not by
 * the planner: a `.line` whose text is wider than its box (the browser's own ellipsis would
 * show), a header part running past the header, or anything sticking out of its card, table
 * cell or pulse cell, or the header's hall line cut by its box.
 */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const label = (el: Element) => `${el.className || el.tagName} "${(el.textContent ?? '').slice(0, 30)}"`;
    const live = '.board-page:not(.board-page--leaving)';
    for (const el of document.querySelectorAll<HTMLElement>(`${live} .line, .ticker__side > *, .board-header__line`)) {
      if (shown(el) && el.scrollWidth > el.clientWidth + 1)
        bad.push(`${label(el)}: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
    }
    const header = document.querySelector('.board-header');
    if (header) {
      const h = header.getBoundingClientRect();
      for (const el of header.children) {
        const r = el.getBoundingClientRect();
        if (shown(el) && (r.right > h.right + 1 || r.left < h.left - 1)) bad.push(`${label(el)}: outside the header`);
      }
    }
    for (const box of document.querySelectorAll(`${live} .card, ${live} .table__cell, ${live} .pulse__cell`)) {
      const b = box.getBoundingClientRect();
      for (const el of box.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (shown(el) && (r.right > b.right + 1 || r.left < b.left - 1 || r.bottom > b.bottom + 1 || r.top < b.top - 1))
          bad.push(`${label(el)}: outside its ${box.className}`);
      }
    }
    return bad;
  });
}

/** The smallest glyph the page was told to draw (the plan's --min-glyph on the board root). */
export function pageMinGlyph(page: Page): Promise<number> {
  return page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('.board')!).getPropertyValue('--min-glyph')),
  );
}

/** The plan the host sends a board page of this size, fetched as a page would (socket.io). */
export function planFor(
  hallUrl: string,
  screenId: string,
  viewport: { width: number; height: number },
): Promise<BoardPlan> {
  return new Promise((resolve, reject) => {
    const socket = io(`${hallUrl}/board`, { auth: { screenId }, transports: ['websocket'], reconnection: false });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`planFor: no plan for screen ${screenId} within 30 s`));
    }, 30_000);
    socket.on('connect', () => socket.emit('viewport', viewport));
    socket.on('plan', (plan: BoardPlan) => {
      if (plan.viewport.width !== viewport.width || plan.viewport.height !== viewport.height) return;
      clearTimeout(timer);
      socket.close();
      resolve(plan);
    });
  });
}

/** Waits until page transitions (CSS transitions and animations) have settled. */
export async function waitForSettledPage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
    timeout: 15_000,
  });
}

/**
 * Opens /board/:screenId at a viewport size and waits until it is readable: items drawn, the
 * bundled CJK font in (it decides glyph shapes in screenshots), no animation running.
 */
export async function openBoardPage(
  browser: Browser,
  hallUrl: string,
  screenId: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${hallUrl}/board/${screenId}`);
  await page.waitForSelector('[data-testid="board-item"]', { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await waitForSettledPage(page);
  return page;
}
