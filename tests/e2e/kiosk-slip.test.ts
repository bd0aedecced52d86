/**
 * The kiosk prints its confirmation slip through the Electron shell's preload bridge
 * (`window.hallShell.kiosk`, shared/shell-bridge.ts) when a receipt printer is configured.
 * The Electron binary cannot run here, so the preload's object is stood in for by an init
 * script with the same shape — the one surface of Electron a fake may stand for. What the
 * shell does with the slip is tested in tests/unit/shell.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slipHtml } from '../../electron/windows/slip';
import { PrintSlipSchema } from '../../shared/shell-bridge';
import { screenshotPath } from '../support/browser';
import { kioskInChromium, registerThroughPhone, tapAll, tid } from '../integration/kiosk/support/kiosk-page';

const PHONE = '15800002222';

describe('kiosk confirmation slip', () => {
  const kiosk = kioskInChromium();

  async function signUpWithBridge(printerAvailable: boolean): Promise<Page> {
    const context = await kiosk.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await context.addInitScript((available: boolean) => {
      const calls: unknown[] = [];
      Object.assign(window, {
        __slips: calls,
        hallShell: Object.freeze({
          kind: 'electron',
          role: 'kiosk',
          screenId: null,
          kiosk: Object.freeze({
            printerAvailable: available,
            printSlip: async (slip: unknown) => {
              calls.push(slip);
              return available ? { printed: true } : { printed: false, available: false, reason: 'no-printer' };
            },
          }),
        }),
      });
    }, printerAvailable);
    const page = await context.newPage();
    await page.goto(`${kiosk.t.hall.url}/kiosk#device=${kiosk.t.hall.localKioskToken}`);
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
    await registerThroughPhone(page, PHONE);
    await page.tap(tid('name-skip'));
    await tapAll(page, [tid('pick-trade-cleaning'), tid('signup-next'), tid('signup-next'), tid('signup-next')]);
    await page.tap(tid('submit'));
    await page.waitForSelector(tid('done-number'));
    return page;
  }

  const slips = (page: Page) =>
    page.evaluate(() => (window as unknown as { __slips: Array<Record<string, unknown>> }).__slips);

  it('prints the number once on confirmation, without the phone, and offers one more copy', async () => {
    const page = await signUpWithBridge(true);
    await page.waitForSelector(`${tid('done-slip')}[data-slip="printed"]`);
    const number = await page.textContent(tid('done-number'));
    const printed = await slips(page);
    expect(printed).toHaveLength(1);
    // the number, and the postings that fit the person now, as the screen lists them (the best three)
    const shownCount = Number(await page.getAttribute(tid('done-matches'), 'data-count'));
    const shownTitles = await page.locator(`${tid('done-match')} strong:first-child`).allTextContents();
    expect(shownCount).toBeGreaterThan(0);
    expect(printed[0]).toEqual({
      id: expect.any(String),
      number: number?.trim(),
      listingTitle: null,
      listingId: null,
      matchCount: shownCount,
      matches: expect.any(Array),
    });
    const slip = PrintSlipSchema.parse(printed[0]);
    expect(slip.matches.map((m) => m.title)).toEqual(shownTitles.slice(0, 3).map((x) => x.trim()));
    expect(slip.matches.every((m) => m.title.startsWith('保洁') && /元/.test(m.pay) && m.where.length > 0)).toBe(true);
    expect(JSON.stringify(printed)).not.toContain(PHONE);
    await page.screenshot({ path: screenshotPath('kiosk-slip-printed-1080x1920.png') });

    // the slip as the shell prints it on an 80 mm roll (96 px to the inch): every line fits the roll
    const paper = await page.context().newPage();
    await paper.setViewportSize({ width: Math.round((80 / 25.4) * 96), height: 800 });
    await paper.setContent(slipHtml(slip, Date.now(), { paperWidthMm: 80 }));
    const fits = await paper.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits).toBe(true);
    expect(await paper.textContent('body')).toContain(`现在有 ${shownCount} 个适合您的岗位`);
    await paper.screenshot({ path: screenshotPath('kiosk-slip-paper-80mm.png'), fullPage: true });

    await page.tap(tid('done-reprint'));
    await page.waitForFunction(() => (window as unknown as { __slips: unknown[] }).__slips.length === 2);
  });

  it('shows nothing about slips where no printer is configured', async () => {
    const page = await signUpWithBridge(false);
    expect(await page.locator(tid('done-slip')).count()).toBe(0);
    expect(await slips(page)).toEqual([]);
  });
});
