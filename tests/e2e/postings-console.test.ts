/**
 * What a newcomer does with the console's data work, in real Chromium against a real host:
 * import a GBK spreadsheet, read the bad rows explained, see the good postings on two boards,
 * see the market-pulse page come round in each board's rotation (legible: no text below the
 * screen's minimum glyph), hide a posting and see it leave every board within one rotation,
 * unhide it and see it come back. Screenshots of the console and the pulse pages are kept in
 * test-output/screenshots for people to look at.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../shared/schemas/screen';
import { screenshotPath } from '../support/browser';
import { overflowingText, pageMinGlyph, renderedTexts, waitForSettledPage } from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { gbkCsv, sheetRows } from '../fixtures/import/import-sheets';
import { makePosting, validAround } from '../unit/db/fixtures';
import { postSignup, signup } from '../integration/kiosk/support/kiosk-harness';
import { consoleInChromium } from '../support/staff-console';

const SCREENS: ScreenProfile[] = [
  { ...DEFAULT_SCREEN, id: '1', name: '大厅主屏', pulsePage: true },
  {
    ...DEFAULT_SCREEN,
    id: 's',
    name: '门口小屏',
    width: 960,
    height: 480,
    pitchMm: 4,
    layout: 'table',
    pulsePage: true,
  },
];

describe('console import → boards → pulse page (Chromium)', () => {
  const staff = consoleInChromium({
    data: (now) => ({
      screens: SCREENS,
      // one posting already there, so the standalone hall does not seed its demo postings
      postings: [makePosting({ id: 'platform-1', ...validAround(now) })],
    }),
  });
  let consolePage: Page;
  const boards: Page[] = [];

  const cycleMs = (id: string) => staff.hall.boards.planFor(id)?.cycleMs ?? 60_000;

  it('imports a GBK CSV in the console and explains every bad row by its row number', async () => {
    consolePage = await staff.open('postings');
    await consolePage.setInputFiles('[data-testid="import-file"]', {
      name: '岗位.csv',
      mimeType: 'text/csv',
      buffer: gbkCsv(sheetRows(Date.now())),
    });
    await consolePage.click('[data-testid="import-run"]');
    const report = await consolePage.waitForSelector('[data-testid="import-report"]');
    expect(await report.getAttribute('data-imported')).toBe('4');
    const rows = await consolePage.$$eval('[data-testid="import-error-row"]', (els) =>
      els.map((e) => [e.getAttribute('data-row'), e.textContent ?? '']),
    );
    expect(rows.map((r) => r[0])).toEqual(['5', '6', '7', '8', '9']);
    const text = Object.fromEntries(rows.map(([row, t]) => [row, t]));
    expect(text['5']).toContain('请填写薪资');
    expect(text['6']).toContain('联系电话应是 11 位手机号或带区号的座机，如 0793-8221234（您填的是“12345”）');
    expect(text['7']).toContain('区县找不到“火星区”');
    expect(text['8']).toContain('岗位里有 < 或 >');
    expect(text['9']).toContain('与第 2 行是同一个岗位（编号都是“SR-1”）');
    // zh-CN: the reasons hold no English (the ids staff typed aside)
    const reasons = await consolePage.$$eval('[data-testid="import-errors"] li', (els) =>
      els.map((e) => e.textContent),
    );
    for (const r of reasons) expect(r!.replace(/SR-\d+/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    await consolePage.waitForSelector('[data-testid="posting-row"][data-posting-id="imp-SR-1"]');
    await consolePage.screenshot({ path: screenshotPath('console-import-report-1366x768.png'), fullPage: true });
  });

  it('shows the good postings on the boards and the pulse page in each rotation, never below the minimum glyph', async () => {
    for (const [id, width, height] of [
      ['1', 1920, 1080],
      ['s', 960, 480],
    ] as const) {
      const page = await staff.browser.newPage({ viewport: { width, height }, timezoneId: 'Asia/Shanghai' });
      await page.goto(`${staff.hall.url}/board/${id}`);
      boards.push(page);
      const plan = staff.hall.boards.planFor(id, { width, height })!;
      expect(plan.pages.filter((p) => p.pulse)).toHaveLength(1);
      await page.waitForSelector('[data-posting-id="imp-SR-1"]', { timeout: cycleMs(id) + 60_000 });
      await page.waitForSelector('[data-testid="pulse-page"]', { timeout: cycleMs(id) + 60_000 });
      await page.evaluate(() => document.fonts.ready);
      await waitForSettledPage(page);
      // hand-computed: 81 mm / 2.5 = 32.4 → 33 px on the wall, 81 / 4 = 20.25 → 21 px on the small screen
      const floor = oracleMinGlyphPx(
        SCREENS.find((s) => s.id === id)!,
        { width, height },
      );
      expect(floor).toBe(id === '1' ? 33 : 21);
      expect(plan.geometry.minGlyphPx).toBe(floor);
      expect(await pageMinGlyph(page)).toBe(floor);
      const texts = await renderedTexts(page);
      const tooSmall = texts.filter((t) => t.fontPx < floor);
      expect(tooSmall, `text below ${floor}px on /board/${id}`).toEqual([]);
      expect(await overflowingText(page)).toEqual([]);
      const pulseText = texts.map((t) => t.text).join(' ');
      expect(pulseText).toContain('紧缺工种');
      expect(pulseText).toContain('驾驶司机'); // the imported forklift job's trade is short of workers
      await page.screenshot({ path: screenshotPath(`board-pulse-${width}x${height}.png`) });
    }
  });

  it('takes a hidden posting off every board within one rotation and brings it back when unhidden', async () => {
    await consolePage.click('[data-testid="posting-row"][data-posting-id="imp-SR-1"] [data-testid="posting-hide"]');
    await consolePage.waitForSelector('[data-testid="posting-row"][data-posting-id="imp-SR-1"][data-hidden="true"]');
    for (const [i, id] of ['1', 's'].entries()) {
      const plan = staff.hall.boards.planFor(id, boards[i]!.viewportSize()!)!;
      expect(plan.pages.flatMap((p) => p.items.map((x) => x.id))).not.toContain('imp-SR-1');
      // the board takes the new plan (which lacks the posting) well within one rotation
      await boards[i]!.waitForFunction(
        (planId) => document.querySelector('[data-testid="board-root"]')?.getAttribute('data-plan-id') === planId,
        plan.planId,
        { timeout: plan.cycleMs },
      );
      // the page that is up lacks it at once; the outgoing copy fades out with the page change
      expect(await boards[i]!.$('[data-testid="board-item"][data-posting-id="imp-SR-1"]')).toBeNull();
      await boards[i]!.waitForFunction(
        () => document.querySelector('[data-posting-id="imp-SR-1"]') === null,
        undefined,
        { timeout: 10_000 },
      ); // the page change takes 400 ms
    }
    await consolePage.click('[data-testid="posting-row"][data-posting-id="imp-SR-1"] [data-testid="posting-unhide"]');
    for (const [i, id] of ['1', 's'].entries()) {
      await boards[i]!.waitForSelector('[data-posting-id="imp-SR-1"]', { timeout: cycleMs(id) + 60_000 });
    }
  }, 240_000);

  it('shows the market pulse and sign-ups in the console, a sign-up masked', async () => {
    // one sign-up from the hall's own kiosk, for the drivers' trade
    const person = signup({ phone: '13912345678', name: '王小明', occupations: ['driving'] });
    expect((await postSignup(staff.hall.url, person, staff.hall.localKioskToken)).status).toBe(201);

    await consolePage.click('[data-testid="tab-pulse"]');
    const row = await consolePage.waitForSelector('[data-testid="pulse-console-row"][data-occupation="driving"]');
    const expected = staff.hall.pulse.current(Date.now()).pulse.trades.find((t) => t.occupation === 'driving')!;
    // the imported forklift job wants 3 people; the console shows the host's figures
    expect(expected.demand).toBeGreaterThanOrEqual(3);
    const cells = await row.$$eval('td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells[1]).toBe('驾驶司机');
    expect(Number(cells[2])).toBe(expected.demand);
    await consolePage.screenshot({ path: screenshotPath('console-pulse-1366x768.png'), fullPage: true });

    await consolePage.click('[data-testid="tab-signups"]');
    const signupRow = await consolePage.waitForSelector(`[data-testid="signup-row"][data-signup-id="${person.id}"]`);
    expect(await signupRow.$eval('[data-testid="signup-phone"]', (el) => el.textContent)).toBe('139****5678');
    expect(await signupRow.$eval('[data-testid="signup-name"]', (el) => el.textContent)).toBe('王**');
    expect(await consolePage.textContent('[data-testid="signups-table"]')).not.toContain('13912345678');
    await consolePage.screenshot({ path: screenshotPath('console-signups-1366x768.png'), fullPage: true });
  });
});
