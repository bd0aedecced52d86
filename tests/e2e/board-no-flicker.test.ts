/**
 * A live change does not make the wall flicker (Chromium): the page on screen replays its
 * transition only when another page comes up, a change to postings on other pages animates
 * nothing on it, and a change to a posting on it animates that one card, once. Every animation
 * the board's CSS declares moves only transform and opacity.
 *
 * Time is the host's (its clock is offset so the test starts at the top of a page whose dwell
 * is two minutes), and every step waits on state: the page holding the plan the host made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestHall, writePostings } from '../support/in-process-hall';
import { launchChromium } from '../support/browser';
import { waitForSettledPage } from '../support/board-page';
import { makePosting } from '../unit/db/fixtures';
import type { Hall } from '../../electron/host/hall';
import type { Posting } from '../../shared/schemas/posting';
import { tmpDir } from '../support/tmp-dir';

const WALL = { width: 1920, height: 1080 };
const CHANGES = 60;

interface Started {
  name: string;
  postingId: string | null;
  className: string;
}

declare global {
  interface Window {
    __animationsStarted?: Started[];
  }
}

describe('live changes on the board page do not flicker (Chromium)', () => {
  let hall: Hall & { dataDir: string };
  let browser: Browser;
  let page: Page;
  let offsetMs = 0;
  const postings: Posting[] = [];

  beforeAll(async () => {
    const dataDir = tmpDir('hall-flicker-e2e-');
    // two-minute pages, so the page up stays up while the changes come in
    writeFileSync(
      join(dataDir, 'screens.json'),
      JSON.stringify({
        screens: [
          {
            id: '1',
            name: '大厅主屏',
            layout: 'cards',
            ...WALL,
            pitchMm: 2.5,
            viewingDistanceM: 8,
            minDwellS: 120,
            maxDwellS: 120,
          },
        ],
      }),
    );
    const now = Date.now();
    for (let i = 0; i < 24; i++) {
      postings.push(
        makePosting({
          id: `p${String(i).padStart(2, '0')}`,
          title: `叉车司机${i}号`,
          validFrom: new Date(now - 3600_000).toISOString(),
          validUntil: new Date(now + 7 * 86_400_000).toISOString(),
        }),
      );
    }
    writePostings(dataDir, postings);
    [hall, browser] = await Promise.all([
      startTestHall({ dataDir, deps: { clock: () => Date.now() + offsetMs } }),
      launchChromium(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hall?.close();
  });

  const heldPlanId = () =>
    page.evaluate(() => document.querySelector('[data-testid="board-root"]')?.getAttribute('data-plan-id'));
  const currentPlanId = () => hall.boards.summaries().find((s) => s.screenId === '1')!.planId;
  const started = () => page.evaluate(() => window.__animationsStarted!.splice(0));

  /** The host's clock moved: the page learns it (status) and shows page `index`, settled. */
  async function timeMoved(index: number): Promise<void> {
    hall.boards.statusChanged();
    await page.waitForFunction(
      (i) => document.querySelector('[data-testid="board-root"]')?.getAttribute('data-page-index') === i,
      String(index),
      { timeout: 30_000 },
    );
    await waitForSettledPage(page);
  }

  async function change(posting: Posting, title: string): Promise<void> {
    const before = currentPlanId();
    // a newer revision each time (the store keeps the newest)
    posting.revision += 1;
    posting.title = title;
    writePostings(hall.dataDir, [posting]);
    hall.boards.dataChanged();
    await hall.boards.settled();
    const planId = currentPlanId();
    expect(planId).not.toBe(before);
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="board-root"]')?.getAttribute('data-plan-id') === id,
      planId,
      { timeout: 30_000 },
    );
  }

  it('animates nothing for changes elsewhere and only the changed card for a change on the page', async () => {
    page = await browser.newPage({ viewport: WALL, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    await page.goto(`${hall.url}/board/1`);
    await page.waitForSelector('[data-testid="board-item"]', { timeout: 30_000 });
    await hall.boards.settled();
    const plan = hall.boards.planFor('1', WALL)!;
    expect(plan.pages.length).toBe(2);
    expect(plan.pages.every((p) => p.dwellMs === 120_000)).toBe(true);

    // the host's clock to a second into page 0: it stays up for the next 119 s
    const offsetInCycle = (((Date.now() - plan.anchorMs) % plan.cycleMs) + plan.cycleMs) % plan.cycleMs;
    offsetMs = plan.cycleMs - offsetInCycle + 1000;
    await timeMoved(0);
    await page.evaluate(() => {
      window.__animationsStarted = [];
      document.addEventListener('animationstart', (e) => {
        const el = e.target as HTMLElement;
        window.__animationsStarted!.push({
          name: e.animationName,
          postingId: el.closest('[data-posting-id]')?.getAttribute('data-posting-id') ?? null,
          className: el.className,
        });
      });
    });

    const shownIds = new Set(plan.pages[0]!.items.map((i) => i.id));
    const elsewhere = postings.filter((p) => !shownIds.has(p.id));
    expect(elsewhere.length).toBeGreaterThan(0);
    const patchesBefore = hall.boards.counters().patchesSent;
    const plansBefore = hall.boards.counters().plansSent;
    for (let i = 0; i < CHANGES; i++) {
      const posting = elsewhere[i % elsewhere.length]!;
      await change(posting, `搬运工第${i}次更新`);
    }
    // the page is still the one it was, no transition or card animation ran on it
    expect(await page.getAttribute('[data-testid="board-root"]', 'data-page-index')).toBe('0');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await started()).toEqual([]);
    // and every change came as a patch
    expect(hall.boards.counters().patchesSent - patchesBefore).toBe(CHANGES);
    expect(hall.boards.counters().plansSent).toBe(plansBefore);

    // a change to one posting on the page: that card animates, once, and nothing else does
    const target = postings.find((p) => shownIds.has(p.id))!;
    await change(target, '电焊工（急）');
    await page.waitForSelector(`[data-testid="board-item"][data-posting-id="${target.id}"]:has-text("电焊工")`);
    await waitForSettledPage(page);
    const ran = await started();
    expect(ran).toEqual([
      { name: 'item-changed', postingId: target.id, className: expect.stringContaining('card--changed') },
    ]);
    expect(await heldPlanId()).toBe(currentPlanId());
    const cards = await page.$$eval('[data-testid="board-item"]', (els) =>
      els.map((e) => e.getAttribute('data-posting-id')),
    );
    expect(cards.sort()).toEqual([...shownIds].sort());

    // when time brings the next page up, the page transition does run
    offsetMs += plan.pages[0]!.dwellMs;
    await timeMoved(1);
    const names = (await started()).map((a) => a.name);
    expect(names).toContain('page-in');
    expect(names).not.toContain('item-changed');
  }, 240_000);

  it('animates only transform and opacity', async () => {
    const animated = await page.evaluate(() => {
      const props = new Set<string>();
      for (const sheet of [...document.styleSheets]) {
        for (const rule of [...sheet.cssRules]) {
          if (!(rule instanceof CSSKeyframesRule)) continue;
          for (const frame of [...rule.cssRules] as CSSKeyframeRule[])
            for (let i = 0; i < frame.style.length; i++) props.add(`${rule.name}:${frame.style.item(i)}`);
        }
      }
      return [...props];
    });
    expect(animated.length).toBeGreaterThan(0);
    const others = animated.filter((p) => !/:(opacity|transform)$/.test(p));
    expect(others).toEqual([]);
  });
});
