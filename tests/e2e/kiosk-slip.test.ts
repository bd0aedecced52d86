/**
 * The kiosk prints its confirmation slip through the Electron shell's preload bridge
 * (`window.hallShell.kiosk`, shared/shell-bridge.ts) when a receipt printer is configured.
 * The Electron binary cannot run here, so the preload's object is stood in for by an init
 * script with the same shape — the one surface of Electron a fake may stand for. What the
 * shell does with the slip is tested in tests/unit/shell.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { kioskInChromium, tapAll, tid, typePhone } from '../integration/kiosk/support/kiosk-page';

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
    await page.tap(tid('start-register'));
    await page.tap(tid('consent-agree'));
    await typePhone(page, PHONE);
    await page.tap(tid('phone-next'));
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
    expect(printed[0]).toEqual({ id: expect.any(String), number: number?.trim(), listingTitle: null, listingId: null });
    expect(JSON.stringify(printed)).not.toContain(PHONE);
    await page.screenshot({ path: screenshotPath('kiosk-slip-printed-1080x1920.png') });

    await page.tap(tid('done-reprint'));
    await page.waitForFunction(() => (window as unknown as { __slips: unknown[] }).__slips.length === 2);
  });

  it('shows nothing about slips where no printer is configured', async () => {
    const page = await signUpWithBridge(false);
    expect(await page.locator(tid('done-slip')).count()).toBe(0);
    expect(await slips(page)).toEqual([]);
  });
});
