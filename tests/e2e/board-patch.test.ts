/**
 * A live change reaches a real board page (Chromium) as a patch: the page opts in at its
 * handshake, holds the whole plan from connecting, applies the `plan-patch` the host sends for
 * a new posting and draws the posting, with the plan the host would draw now. The header's
 * "updated HH:MM" comes from the status event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hallDataDir, startTestHall, writePostings } from '../support/in-process-hall';
import { launchChromium } from '../support/browser';
import { makePosting, validAround } from '../unit/db/fixtures';
import type { Hall } from '../../electron/host/hall';

const WALL = { width: 1920, height: 1080 };

describe('a live change as a patch on the board page (Chromium)', () => {
  let hall: Hall & { dataDir: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const valid = validAround(Date.now());
    const dataDir = hallDataDir('hall-patch-e2e-', {
      screens: [{ id: '1', name: '大厅主屏', layout: 'cards', ...WALL, pitchMm: 2.5, viewingDistanceM: 8 }],
      // a few postings: one page, so the new one is on the page that is up
      postings: [
        makePosting({ id: 'first', ...valid }),
        makePosting({ id: 'second', occupation: 'cleaning', title: '保洁员', ...valid }),
      ],
    });
    [hall, browser] = await Promise.all([startTestHall({ dataDir }), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  it('applies the patch and draws the new posting', async () => {
    page = await browser.newPage({ viewport: WALL, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    await page.goto(`${hall.url}/board/1`);
    await page.waitForSelector('[data-testid="board-item"][data-posting-id="second"]', { timeout: 30_000 });
    await hall.boards.settled();
    const before = hall.boards.counters();
    expect(before.plansSent).toBeGreaterThanOrEqual(1);

    const now = Date.now();
    writePostings(hall.dataDir, [
      makePosting({
        id: 'live-new',
        title: '叉车司机（夜班）',
        validFrom: new Date(now - 60_000).toISOString(),
        validUntil: new Date(now + 86_400_000).toISOString(),
      }),
    ]);
    hall.boards.dataChanged();
    await page.waitForSelector('[data-testid="board-item"][data-posting-id="live-new"]', { timeout: 30_000 });
    await hall.boards.settled();

    // it came as a patch: no whole plan was sent for it, and the page did not have to resync
    const after = hall.boards.counters();
    expect(after.patchesSent).toBeGreaterThan(before.patchesSent);
    expect(after.plansSent).toBe(before.plansSent);
    expect(after.resyncs).toBe(0);
    // the page holds exactly the plan the host would draw now
    const want = hall.boards.planFor('1', WALL)!;
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="board-root"]')?.getAttribute('data-plan-id') === id,
      want.planId,
      { timeout: 30_000 },
    );
    const shown = await page.$$eval('[data-testid="board-item"]', (els) =>
      els.map((e) => e.getAttribute('data-posting-id')),
    );
    expect(shown.sort()).toEqual(want.pages[0]!.items.map((i) => i.id).sort());
    await page.close();
  });
});
