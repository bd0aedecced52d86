/**
 * The touch kiosk in real Chromium with touch emulation against a real hall host: every
 * step by `page.tap`, in portrait 1080×1920 and landscape 1920×1080, screenshots to
 * test-output/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { closeDatabase, openDatabase } from '../../electron/host/db/open-database';
import {
  KIOSK_ORIENTATIONS,
  kioskInChromium,
  openKioskPage,
  lowContrast,
  smallTargets,
  smallText,
  longPress,
  registerThroughPhone,
  tapAll,
  tid,
  typePhone,
} from '../integration/kiosk/support/kiosk-page';

describe('touch kiosk', () => {
  const kiosk = kioskInChromium();

  const openKiosk = (opts?: Parameters<typeof openKioskPage>[1]) => openKioskPage(kiosk, opts);

  const count = () => kiosk.t.hall.kiosk.signups.count();

  async function checkKioskFriendly(page: Page, where: string): Promise<void> {
    expect(await smallTargets(page, 60), `targets under 60 px on ${where}`).toEqual([]);
    expect(await smallText(page, 18), `text under 18 px on ${where}`).toEqual([]);
    expect(await lowContrast(page, 4.5), `contrast under 4.5:1 on ${where}`).toEqual([]);
  }

  for (const o of KIOSK_ORIENTATIONS) {
    it(`signs up for a posting by touch alone, start to confirmation, in ${o.name}`, async () => {
      const page = await openKiosk({ width: o.width, height: o.height });
      const shot = (step: string) => page.screenshot({ path: screenshotPath(`kiosk-${o.name}-${step}.png`) });
      const before = count();

      await page.waitForSelector(tid('today-counts'));
      expect(await page.textContent(tid('today-counts'))).toMatch(/今天有 \d+ 个岗位在招/);
      await checkKioskFriendly(page, 'start');
      await shot('1-start');

      await page.tap(tid('start-find'));
      await page.waitForSelector(tid('posting-card'));
      await page.tap(tid('trade-moving'));
      await page.tap(tid('filter-daily'));
      // the filtered list is in when every card it shows is a 日结 posting
      await page.waitForFunction(() => {
        const cards = [...document.querySelectorAll('[data-testid="posting-card"]')];
        return (
          cards.length > 0 &&
          document.querySelector('[data-testid="filter-daily"]')?.getAttribute('aria-pressed') === 'true' &&
          cards.every((c) => c.textContent?.includes('日结'))
        );
      });
      expect(await page.textContent(tid('posting-card'))).toContain('日结');
      await checkKioskFriendly(page, 'browse');
      await shot('2-browse');

      const listingId = await page.getAttribute(tid('posting-card'), 'data-posting-id');
      expect(listingId).toMatch(/^[\w.:-]+$/);
      await page.tap(tid('posting-card'));
      await page.waitForSelector(`${tid('posting-qr')}[src^="data:image/svg+xml"]`);
      await checkKioskFriendly(page, 'detail');
      await shot('3-detail');

      await page.tap(tid('detail-signup'));
      await page.waitForSelector(tid('step-consent'));
      await checkKioskFriendly(page, 'consent');
      await shot('4-consent');
      await page.tap(tid('consent-agree'));

      await typePhone(page, '13912345678');
      expect(await page.getAttribute(tid('phone-display'), 'data-value')).toBe('13912345678');
      await checkKioskFriendly(page, 'phone');
      await shot('5-phone');
      await page.tap(tid('phone-next'));

      // name by pinyin (past the surname grid): w-a-n-g → 王, x-i-a-o → 小
      await page.tap(tid('name-pinyin'));
      await tapAll(page, ['[data-key="w"]', '[data-key="a"]', '[data-key="n"]', '[data-key="g"]']);
      await page.tap(`${tid('pinyin-candidate')}:text-is("王")`);
      await tapAll(page, ['[data-key="x"]', '[data-key="i"]', '[data-key="a"]', '[data-key="o"]']);
      await page.tap(`${tid('pinyin-candidate')}:text-is("小")`);
      expect(await page.getAttribute(tid('name-display'), 'data-value')).toBe('王小');
      await checkKioskFriendly(page, 'name');
      await shot('6-name');
      await page.tap(tid('name-next'));

      await page.waitForSelector(tid('step-trades'));
      expect(await page.getAttribute(tid('pick-trade-moving'), 'aria-pressed')).toBe('true');
      await page.tap(tid('pick-trade-delivery'));
      await page.tap(tid('signup-next'));
      await page.tap(tid('pick-availability-today'));
      await page.tap(tid('signup-next'));
      // the pay choices are what the hall's postings of these trades pay; choosing one answers the step
      await page.tap('[data-testid^="pick-pay-day-"] >> nth=1');
      await page.waitForSelector(tid('step-review'));
      expect(await page.textContent(tid('review-phone'))).toContain('139 1234 5678');
      await checkKioskFriendly(page, 'review');
      await shot('7-review');

      await page.tap(tid('submit'));
      await page.waitForSelector(`${tid('done-qr')}[src^="data:image/svg+xml"]`);
      const number = await page.textContent(tid('done-number'));
      expect(number).toMatch(/^A-\d{4}$/);
      await checkKioskFriendly(page, 'confirmation');
      await shot('8-done');

      expect(count()).toBe(before + 1);
      const body = await page.evaluate(() => document.body.innerText);
      // the confirmation keeps the number, not the person
      expect(body).not.toContain('13912345678');
      expect(body).not.toContain('139 1234 5678');
      expect(body).not.toContain('王小');

      await page.tap(tid('done-finish'));
      await page.waitForSelector(tid('start-screen'));
      // the sign-up is stored for the posting the visitor chose
      const db = openDatabase(`${kiosk.t.dataDir}/hall.db`);
      const row = db
        .prepare('SELECT listing_id, name, phone FROM signups WHERE number = ? ORDER BY created_at DESC LIMIT 1')
        .get(number) as Record<string, string>;
      closeDatabase(db);
      expect(row).toEqual({ listing_id: listingId, name: '王小', phone: '13912345678' });
    });
  }

  it('registers with no typing beyond the phone', async () => {
    const page = await openKiosk();
    const before = count();
    await registerThroughPhone(page, '15800001111');
    await page.tap(tid('name-skip'));
    await tapAll(page, [tid('pick-trade-cleaning'), tid('signup-next'), tid('signup-next'), tid('signup-next')]);
    await page.tap(tid('submit'));
    await page.waitForSelector(tid('done-number'));
    expect(count()).toBe(before + 1);
  });

  it('stores nothing when consent is declined, and says so', async () => {
    const page = await openKiosk();
    const before = count();
    await page.tap(tid('start-register'));
    await page.tap(tid('consent-decline'));
    await page.waitForSelector(tid('start-notice'));
    expect(await page.textContent(tid('start-notice'))).toContain('没有记录');
    expect(count()).toBe(before);
  });

  it('says plainly when a number is not a mainland mobile and will not go on', async () => {
    const page = await openKiosk();
    await page.tap(tid('start-register'));
    await page.tap(tid('consent-agree'));
    await typePhone(page, '12');
    expect(await page.textContent(tid('phone-message'))).toContain('这不像手机号');
    await typePhone(page, '345678901');
    expect(await page.isDisabled(tid('phone-next'))).toBe(true);
    await page.tap(tid('pad-clear'));
    await typePhone(page, '1381234567');
    expect(await page.textContent(tid('phone-message'))).toContain('还差 1 位');
    expect(await page.isDisabled(tid('phone-next'))).toBe(true);
    await typePhone(page, '89');
    expect(await page.getAttribute(tid('phone-display'), 'data-value')).toBe('13812345678');
    expect(await page.isEnabled(tid('phone-next'))).toBe(true);
  });

  it('warns when idle, keeps the form on "continue", then wipes every field and returns to start', async () => {
    // The idle timer runs on the page's clock, which this test holds still while it taps and then
    // moves on by the kiosk's real defaults (90 s idle, 20 s warning): nothing here depends on how
    // fast a loaded machine is.
    const context = await kiosk.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${kiosk.t.hall.url}/kiosk#device=${kiosk.t.hall.localKioskToken}`);
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
    await context.clock.pauseAt(Date.now() + 60_000);
    const before = count();
    await registerThroughPhone(page, '13812345678');
    await page.waitForSelector(tid('step-name'));
    await page.tap(tid('signup-next'));
    await page.tap(tid('pick-trade-cleaning'));

    await context.clock.runFor(89_000);
    expect(await page.isVisible(tid('idle-warning'))).toBe(false);
    await context.clock.runFor(2_000);
    await page.waitForSelector(tid('idle-warning'));
    await page.screenshot({ path: screenshotPath('kiosk-portrait-idle-warning.png') });
    await page.tap(tid('idle-continue'));
    expect(await page.isVisible(tid('idle-warning'))).toBe(false);
    expect(await page.getAttribute(tid('pick-trade-cleaning'), 'aria-pressed')).toBe('true');

    await context.clock.runFor(91_000);
    await page.waitForSelector(tid('idle-warning'));
    await context.clock.runFor(21_000);
    await page.waitForSelector(tid('start-screen'));
    expect(count()).toBe(before);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('138 1234 5678');

    // a new visitor starts from empty fields
    await page.tap(tid('start-register'));
    await page.tap(tid('consent-agree'));
    expect(await page.getAttribute(tid('phone-display'), 'data-value')).toBe('');
  });

  it('pairs a browser kiosk after staff approve its code, then lets it sign people up', async () => {
    const page = await openKiosk({ token: null, query: '?pairPoll=0.3' });
    // visitors see the kiosk; staff hold the hall's name for two seconds to see the pairing code
    await page.waitForSelector(tid('start-screen'));
    await longPress(page, tid('topbar-title'), tid('pairing-code'));
    await page.waitForFunction(() =>
      /\d{3} \d{3}/.test(document.querySelector('[data-testid="pairing-code"]')?.textContent ?? ''),
    );
    await page.screenshot({ path: screenshotPath('kiosk-portrait-pairing.png') });
    const code = ((await page.textContent(tid('pairing-code'))) ?? '').replace(/\s/g, '');

    // back to the visitors' screens while waiting
    await page.tap(tid('pairing-back'));
    await page.waitForSelector(tid('start-screen'));

    kiosk.t.hall.kiosk.approvePairing(code, 'staff:e2e');
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`, { timeout: 60_000 });
    expect(await page.evaluate(() => localStorage.getItem('hallboard.kioskDeviceToken'))).toMatch(/^[\w-]{40,}$/);

    const before = count();
    await registerThroughPhone(page, '18600002222');
    await tapAll(page, [tid('name-skip'), tid('signup-next'), tid('signup-next'), tid('signup-next'), tid('submit')]);
    await page.waitForSelector(tid('done-number'));
    expect(count()).toBe(before + 1);

    // a reload keeps the approval
    await page.reload();
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
  });

  it('switches to English and to standard text size, still with 44 px targets', async () => {
    const page = await openKiosk({ width: 1920, height: 1080 });
    await page.tap(tid('toggle-language'));
    await page.tap(tid('toggle-elder'));
    expect(await page.textContent(tid('start-find'))).toContain('Find work');
    expect(await smallTargets(page, 44)).toEqual([]);
    expect(await smallText(page, 18)).toEqual([]);
    const touchAction = await page.evaluate(() => getComputedStyle(document.querySelector('button')!).touchAction);
    expect(touchAction).toBe('manipulation');
    await page.screenshot({ path: screenshotPath('kiosk-landscape-english-standard.png') });
  });
});
