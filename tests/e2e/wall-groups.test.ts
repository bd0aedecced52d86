/**
 * Wall groups in real Chromium against a real hall process with the demo postings and the
 * shipped screens.json example (assets/demo/screens.json): three 1920×1080 screens of group
 * "hall" share the postings out, each cycle within 150 s, together every posting once; a grouped
 * screen names its trades under the header and the legend page names every screen's trades,
 * nothing below the glyph floor, nothing cut by its box. Screenshots under test-output/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ScreensFileSchema, type ScreenProfile } from '../../shared/schemas/screen';
import { startHallProcess, ROOT, type HallProcess } from '../support/hall-process';
import { launchChromium, screenshotPath } from '../support/browser';
import * as board from '../support/board-page';
import { firstAdminToken } from '../support/staff-console';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { tmpDir } from '../support/tmp-dir';

const shipped = ScreensFileSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'assets/demo/screens.json'), 'utf8')),
).screens;
/** A small group beside the shipped ones: its few postings make the legend page come round within seconds. */
const pair: ScreenProfile[] = ['p1', 'p2'].map((id, i) => ({
  ...shipped[0]!,
  id,
  name: `小组${i + 1}号屏`,
  group: 'pair',
  groupLegend: true,
  filter: { occupations: [], districts: ['361181'] },
}));
const FULL_HD = { width: 1920, height: 1080 };
const SMALL = { width: 960, height: 480 };

/** The strip and legend texts as Chromium laid them out: any cut by its box (scrollWidth past clientWidth). */
function cutGroupTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.share-strip, .board-page:not(.board-page--leaving) .legend .line')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className} "${el.textContent}": ${el.scrollWidth} px in ${el.clientWidth} px`),
  );
}

const PIN = '583920';

describe('wall groups in Chromium', () => {
  let hall: HallProcess;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    const dataDir = tmpDir();
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens: [...shipped, ...pair] }, null, 2));
    // standalone: the hall seeds the 240 demo postings into its empty database
    [hall, browser] = await Promise.all([startHallProcess({ dataDir }), launchChromium()]);
    token = await firstAdminToken(hall.url, PIN);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('shares the demo postings out over three 1920×1080 screens: each cycle ≤ 150 s, together every posting once', async () => {
    const grouped = shipped.filter((s) => s.group === 'hall');
    expect(grouped.map((s) => [s.width, s.height])).toEqual([
      [1920, 1080],
      [1920, 1080],
      [1920, 1080],
    ]);
    const plans = await Promise.all(grouped.map((s) => board.planFor(hall.url, s.id, FULL_HD)));
    const ids = plans.flatMap((p) => p.pages.flatMap((pg) => pg.items.map((it) => it.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(240);
    for (const plan of plans) {
      expect(plan.cycleMs).toBeLessThanOrEqual(150_000);
      expect(plan.warnings).toEqual([]);
      expect(plan.group).toMatchObject({ groupId: 'hall', screens: 3, groupPostings: 240 });
      expect(plan.pages.filter((p) => p.legend)).toHaveLength(1);
    }
  });

  it('names the trades a grouped screen shows under its header, at or above the floor, never cut', async () => {
    for (const viewport of [FULL_HD, SMALL]) {
      const page = await board.openBoardPage(browser, hall.url, '1', viewport);
      const floor = oracleMinGlyphPx(shipped[0]!, viewport);
      expect(await board.pageMinGlyph(page)).toBe(floor);
      const strip = (await page.textContent('[data-testid="share-strip"]')) ?? '';
      expect(strip).toMatch(/^本屏：/);
      expect(strip).toContain('建筑工地');
      expect((await board.renderedTexts(page)).filter((t) => t.fontPx < floor)).toEqual([]);
      expect(await cutGroupTexts(page)).toEqual([]);
      expect(await board.overflowingText(page)).toEqual([]);
      expect(await board.itemsOutsideViewport(page)).toEqual([]);
      // the strip sits between the header and the first card
      const [header, stripBox, firstCard] = await Promise.all(
        ['[data-testid="board-header"]', '[data-testid="share-strip"]', '[data-testid="board-item"]'].map((sel) =>
          page.locator(sel).first().boundingBox(),
        ),
      );
      expect(stripBox!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
      expect(firstCard!.y).toBeGreaterThanOrEqual(stripBox!.y + stripBox!.height);
      await page.screenshot({ path: screenshotPath(`wall-group-${viewport.width}x${viewport.height}.png`) });
      await page.close();
    }
  });

  it('shows the legend page: every screen of the group with its trades, this one marked, nothing below the floor', async () => {
    for (const viewport of [FULL_HD, SMALL]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${hall.url}/board/p1`);
      await page.evaluate(() => document.fonts.ready);
      // the pair's cycle is two pages: the legend comes round within one
      await page.waitForSelector('[data-testid="legend-page"]', { timeout: 60_000 });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const rows = await page.$$eval('[data-testid="legend-page"] [role="row"]', (els) =>
        els.map((el) => ({
          id: (el as HTMLElement).dataset.screenId,
          self: el.classList.contains('legend__row--self'),
          text: el.textContent ?? '',
        })),
      );
      expect(rows.map((r) => [r.id, r.self])).toEqual([
        ['p1', true],
        ['p2', false],
      ]);
      expect(rows[0]!.text).toMatch(/^▶ 小组1号屏/);
      expect(await page.textContent('[data-testid="legend-page"] h2')).toBe('哪块屏有哪些工种');
      const floor = oracleMinGlyphPx(pair[0]!, viewport);
      expect((await board.renderedTexts(page)).filter((t) => t.fontPx < floor)).toEqual([]);
      expect(await cutGroupTexts(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`wall-group-legend-${viewport.width}x${viewport.height}.png`) });
      await page.close();
    }
  });

  it('shows every screen’s cycle in the console, and the editor says in red what leaving the group would do', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${hall.url}/staff`);
    await page.evaluate((t) => sessionStorage.setItem('hall-staff-token', t), token);
    await page.reload();
    await page.click('[data-testid="tab-screens"]');
    const row = page.locator('[data-testid="screen-row"][data-screen-id="1"]');
    const cycle = row.locator('[data-testid="cycle"]');
    await cycle.waitFor();
    expect(await cycle.getAttribute('data-over-target')).toBe('false');
    expect(Number(await cycle.getAttribute('data-cycle-ms'))).toBeLessThanOrEqual(150_000);
    expect(await cycle.textContent()).toContain('本屏：建筑工地');
    await row.locator('[data-testid="screen-edit"]').click();
    await page.locator('[data-testid="cycle-draft"]').waitFor();
    await page.fill('[data-testid="edit-group"]', '');
    const over = page.locator('[data-testid="cycle-draft"][data-over-target="true"]');
    await over.waitFor({ timeout: 30_000 });
    const fix = (await page.textContent('[data-testid="cycle-draft-fix"]')) ?? '';
    expect(fix).toContain('加一块屏');
    expect(fix).toContain('缩短每页停留时间');
    const red = await page.$eval('[data-testid="cycle-draft-fix"]', (el) => getComputedStyle(el).color);
    expect(red).toMatch(/^rgb\((2[0-5]\d|1[5-9]\d), \d{1,2}, \d{1,2}\)$/);
    await page.screenshot({ path: screenshotPath('wall-group-console-1366x900.png'), fullPage: true });
    // nothing was saved: the list still shows screen 1 in its group
    await page.click('[data-testid="tab-screens"]');
    expect(await row.locator('[data-testid="cycle"]').getAttribute('data-over-target')).toBe('false');
    await page.close();
  });
});
