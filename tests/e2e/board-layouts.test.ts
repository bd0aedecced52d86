import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../shared/schemas/screen';
import type { Posting } from '../../shared/schemas/posting';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import { generatePostings } from '../../scripts/demo/generate-postings';
import { startHallProcess, type HallProcess } from '../support/hall-process';
import { launchChromium, screenshotPath } from '../support/browser';
import {
  itemsOutsideViewport,
  openBoardPage,
  planFor,
  overflowingText,
  pageMinGlyph,
  renderedTexts,
} from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { tmpDir } from '../support/tmp-dir';

const HOSTILE_DISTRICT = '361181'; // 德兴市: only the hostile postings are placed there.

const screens: ScreenProfile[] = [
  DEFAULT_SCREEN,
  {
    ...DEFAULT_SCREEN,
    id: 'table',
    name: '二号屏',
    width: 960,
    height: 480,
    pitchMm: 2.5,
    viewingDistanceM: 5,
    layout: 'table',
  },
  {
    ...DEFAULT_SCREEN,
    id: 'strip',
    name: '条屏',
    width: 2560,
    height: 640,
    pitchMm: 4,
    viewingDistanceM: 10,
    layout: 'ticker',
  },
  {
    ...DEFAULT_SCREEN,
    id: 'thin',
    name: '窄条屏',
    width: 2560,
    height: 160,
    pitchMm: 4,
    viewingDistanceM: 10,
    layout: 'ticker',
  },
  { ...DEFAULT_SCREEN, id: 'hostile', name: '测试屏', filter: { occupations: [], districts: [HOSTILE_DISTRICT] } },
];

describe('board layouts and hostile postings in Chromium', () => {
  let hall: HallProcess;
  let browser: Browser;
  const now = Date.now();

  beforeAll(async () => {
    const dataDir = tmpDir();
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens }, null, 2));
    writeFileSync(join(dataDir, 'hall.json'), JSON.stringify({ name: '上饶市零工市场', hotline: '0793-8208000' }));
    const base = generatePostings(240, { seed: 7, now }).filter((l) => l.districtCode !== HOSTILE_DISTRICT);
    const template = base[0]!;
    // Written straight into the store, past the schema, as if an older version or a broken
    // upstream had let them in: the board must still draw them as inert text.
    const hostile: Posting[] = [
      {
        ...template,
        id: 'hostile-html',
        districtCode: HOSTILE_DISTRICT,
        title: '<img src=x onerror="window.__pwned=1">叉车',
        employerName: '<script>window.__pwned=2</script>公司',
      },
      {
        ...template,
        id: 'hostile-long',
        districtCode: HOSTILE_DISTRICT,
        title: '超长工种名称'.repeat(50),
        employerName: '某'.repeat(300),
      },
    ];
    const db = openDatabase(join(dataDir, 'hall.db'));
    createPostingStore(db).upsertMany([...base, ...hostile]);
    closeDatabase(db);
    [hall, browser] = await Promise.all([startHallProcess({ dataDir }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  const open = (screenId: string, width: number, height: number): Promise<Page> =>
    openBoardPage(browser, hall.url, screenId, { width, height });

  /**
   * Opens screen `screens[index]` at its own size and checks it is drawn as `layout` at its
   * hand-computed minimum glyph `floor`, with no text smaller or cut (and, unless it scrolls,
   * nothing outside the viewport).
   */
  async function openLegible(index: number, layout: string, floor: number): Promise<Page> {
    const { id, width, height } = screens[index]!;
    const page = await open(id, width, height);
    expect(await page.getAttribute('[data-testid="board-root"]', 'data-layout')).toBe(layout);
    expect(oracleMinGlyphPx(screens[index]!, { width, height })).toBe(floor);
    expect(await pageMinGlyph(page)).toBe(floor);
    expect((await renderedTexts(page)).filter((t) => t.fontPx < floor)).toEqual([]);
    if (layout !== 'ticker') expect(await itemsOutsideViewport(page)).toEqual([]);
    expect(await overflowingText(page)).toEqual([]);
    return page;
  }

  it('draws the table layout at 960×480 with every text at or above the minimum', async () => {
    const page = await openLegible(1, 'table', 20); // 49 mm / 2.5 = 19.6 → 20
    // the header's centre speaks to visitors (hall.json), never the screen's internal name
    const line = await page.textContent('[data-testid="board-header-line"]');
    expect(line).toMatch(/到自助机报名$/);
    expect(await page.textContent('[data-testid="board-header"]')).not.toContain('二号屏');
    await page.screenshot({ path: screenshotPath('board-table-960x480.png') });
    await page.close();
  });

  it('shows a 2560×640 ticker strip as a compact table: every posting within minutes, nothing below the minimum', async () => {
    const page = await openLegible(2, 'table', 26); // 102 mm / 4 = 25.5 → 26
    const plan = await planFor(hall.url, 'strip', { width: 2560, height: 640 });
    expect(plan.geometry.table!.rowsPerPage).toBeGreaterThanOrEqual(10);
    expect(plan.cycleMs).toBeLessThanOrEqual(10 * 60_000);
    // every posting once per cycle
    expect(new Set(plan.pages.flatMap((p) => p.items.map((i) => i.id))).size).toBe(plan.totalItems);
    expect(plan.totalItems).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: screenshotPath('board-strip-2560x640.png') });
    await page.close();
  });

  it('scrolls the ticker on a one-line 2560×160 strip with every text at or above the minimum', async () => {
    const page = await openLegible(3, 'ticker', 26); // 102 mm / 4 = 25.5 → 26
    // it moves: a later frame draws the first posting further left (whenever that frame comes)
    const before = await page.evaluate(
      () => document.querySelector<HTMLElement>('[data-testid="board-item"]')!.getBoundingClientRect().left,
    );
    await page.waitForFunction(
      (x0) => document.querySelector<HTMLElement>('[data-testid="board-item"]')!.getBoundingClientRect().left < x0 - 10,
      before,
      { timeout: 20_000 },
    );
    await page.screenshot({ path: screenshotPath('board-ticker-2560x160.png') });
    await page.close();
  });

  it('shows HTML in a posting as text and never runs it', async () => {
    const page = await open('hostile', 1920, 1080);
    const text = await page.textContent('[data-testid="board-root"]');
    expect(text).toContain('<img');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid="board-root"] img, [data-testid="board-root"] script').count()).toBe(0);
    await page.close();
  });

  it('cuts an over-long title and employer to their box instead of overflowing the wall', async () => {
    const page = await open('hostile', 1920, 1080);
    const item = page.locator('[data-testid="board-item"][data-posting-id="hostile-long"]');
    await item.waitFor();
    expect(await item.textContent()).toContain('…');
    expect(await itemsOutsideViewport(page)).toEqual([]);
    expect(await overflowingText(page)).toEqual([]);
    const overflowing = await item.evaluate(
      (el) =>
        [...el.querySelectorAll<HTMLElement>('*')].filter(
          (c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1,
        ).length,
    );
    expect(overflowing).toBe(0);
    await page.screenshot({ path: screenshotPath('board-hostile-1920x1080.png') });
    await page.close();
  });
});
