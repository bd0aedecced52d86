/**
 * Booths (一家企业一个展位) in real Chromium: "展位 A12" on cards, in the table (its own column)
 * and on a scrolling ticker, whole, at or above the minimum glyph, inside its box; the kiosk's
 * card and detail ("到 A12 展位面谈"); and a `boothFirst` screen leading with the booths.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCREEN, type BoardLayout, type ScreenProfile } from '../../shared/schemas/screen';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import { generatePostings } from '../../scripts/demo/generate-postings';
import { startKioskHall, type TestHall } from '../integration/kiosk/support/kiosk-harness';
import { tid } from '../integration/kiosk/support/kiosk-page';
import { launchChromium } from '../support/browser';
import { openBoardPage, overflowingText, pageMinGlyph, planFor, renderedTexts } from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { tmpDir } from '../support/tmp-dir';

const SHOTS = '/tmp/booth-shots';

/** A screen of the demo hall's kinds. */
const at = (
  id: string,
  size: [number, number],
  pitchMm: number,
  viewingDistanceM: number,
  layout: BoardLayout,
): ScreenProfile => {
  const [width, height] = size;
  return { ...DEFAULT_SCREEN, id, name: id, width, height, pitchMm, viewingDistanceM, layout };
};
// Rotation follows the clock (page = f(now)), so the page on screen is any page: the boards
// drawn here show the usual order, with most postings given a booth, and the boothFirst
// screen's order is checked in its plan.
const screens: ScreenProfile[] = [
  DEFAULT_SCREEN,
  { ...at('first', [1920, 1080], DEFAULT_SCREEN.pitchMm, DEFAULT_SCREEN.viewingDistanceM, 'cards'), boothFirst: true },
  at('table', [960, 480], 2.5, 5, 'table'),
  at('strip', [2560, 640], 4, 10, 'ticker'),
  at('thin', [2560, 160], 4, 10, 'ticker'),
];

/** Every booth tag or mark on the live page: its text, font size, and whether it sits inside its card or cell. */
function boothMarks(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="tag-booth"]')]
      .filter((el) => !el.closest('.board-page--leaving'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest('.card, .table__cell');
        // a scrolling ticker's marks pass the screen: only the line's height is checked there
        let inside = r.top >= -0.5 && r.bottom <= innerHeight + 0.5;
        if (box) {
          const b = box.getBoundingClientRect();
          const pad = box.classList.contains('card') ? parseFloat(getComputedStyle(box).paddingRight) : 0;
          inside = r.left >= b.left - 0.5 && r.right <= b.right - pad + 0.5 && r.top >= b.top && r.bottom <= b.bottom;
        }
        return { text: el.textContent ?? '', fontPx: parseFloat(getComputedStyle(el).fontSize), inside };
      }),
  );
}

describe('booths on the boards and the kiosk', () => {
  let t: TestHall;
  let browser: Browser;
  const now = Date.now();
  // The demo's booths, and one for two in three of the other postings, so every page shows
  // some; the demo's own booth postings newest, so the kiosk's first results (urgent, then
  // newest) show them.
  const postings = generatePostings(120, { seed: 7, now }).map((p, i) =>
    p.booth ? { ...p, validFrom: new Date(now - 60_000).toISOString() } : i % 3 !== 0 ? { ...p, booth: `Z${i}` } : p,
  );
  const demoBooths = new Set(postings.filter((p) => p.booth && !p.booth.startsWith('Z')).map((p) => p.id));
  const booths = new Map(postings.filter((p) => p.booth).map((p) => [p.id, p.booth!]));

  beforeAll(async () => {
    expect(demoBooths.size).toBeGreaterThanOrEqual(5);
    const dataDir = tmpDir('booths-');
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens }, null, 2));
    const db = openDatabase(join(dataDir, 'hall.db'));
    createPostingStore(db).upsertMany(postings);
    closeDatabase(db);
    [t, browser] = await Promise.all([startKioskHall({ dataDir }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.hall.close();
  });

  async function checkBoard(screenId: string, width: number, height: number, shot: string) {
    const screen = screens.find((s) => s.id === screenId)!;
    const page = await openBoardPage(browser, t.hall.url, screenId, { width, height });
    const floor = oracleMinGlyphPx(screen, { width, height });
    expect(await pageMinGlyph(page)).toBe(floor);
    expect((await renderedTexts(page)).filter((x) => x.fontPx < floor)).toEqual([]);
    expect(await overflowingText(page)).toEqual([]);
    const marks = await boothMarks(page);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.fontPx).toBeGreaterThanOrEqual(floor);
      expect(m.inside, `"${m.text}" outside its box`).toBe(true);
      // whole: a known booth, never cut
      expect(
        [...booths.values()].some((b) => m.text === b || m.text === `展位 ${b}`),
        m.text,
      ).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, shot) });
    return { page, marks };
  }

  it('shows 展位 A12 on every card with a booth at 1920×1080, and a boothFirst screen leads with the booths', async () => {
    const { page, marks } = await checkBoard('1', 1920, 1080, 'booth-cards-1920x1080.png');
    expect(marks.every((m) => m.text.startsWith('展位 '))).toBe(true);
    const plan = await planFor(t.hall.url, 'first', { width: 1920, height: 1080 });
    const ids = plan.pages.flatMap((p) => p.items.map((i) => i.id));
    // boothFirst: every posting with a booth before every one without
    expect(ids.slice(0, booths.size).every((id) => booths.has(id))).toBe(true);
    expect(ids.slice(booths.size).some((id) => booths.has(id))).toBe(false);
    for (const it of plan.pages.flatMap((p) => p.items)) expect(it.booth).toBe(booths.get(it.id));
    await page.close();
  });

  it('gives the 960×480 table a 展位 column with whole booth codes', async () => {
    const { page } = await checkBoard('table', 960, 480, 'booth-table-960x480.png');
    expect(await page.textContent('[data-testid="board-table-head"]')).toContain('展位');
    await page.close();
  });

  it('shows booths on the 2560×640 strip (a compact table) and in the 2560×160 scrolling ticker', async () => {
    const strip = await checkBoard('strip', 2560, 640, 'booth-strip-2560x640.png');
    await strip.page.close();
    const thin = await checkBoard('thin', 2560, 160, 'booth-ticker-2560x160.png');
    expect(thin.marks.every((m) => m.text.startsWith('展位 '))).toBe(true);
    await thin.page.close();
  });

  it('shows 展位 on the kiosk card and "到 A12 展位面谈" in its detail', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${t.hall.url}/kiosk#device=${t.hall.localKioskToken}`);
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
    await page.tap(tid('start-find'));
    await page.waitForSelector(tid('card-booth'));
    const card = page.locator(`${tid('posting-card')}:has(${tid('card-booth')})`).first();
    const id = (await card.getAttribute('data-posting-id'))!;
    expect(await card.locator(tid('card-booth')).textContent()).toBe(`展位 ${booths.get(id)}`);
    await page.screenshot({ path: join(SHOTS, 'booth-kiosk-list.png') });
    await card.tap();
    await page.waitForSelector(tid('detail-booth'));
    expect(await page.textContent(tid('detail-booth'))).toBe(`到 ${booths.get(id)} 展位面谈`);
    const size = await page.$eval(tid('detail-booth'), (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(30);
    await page.screenshot({ path: join(SHOTS, 'booth-kiosk-detail.png') });
    await context.close();
  });
});
