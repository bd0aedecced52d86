/**
 * The kiosk as a first-time visitor meets it, in real Chromium against a real hall host, in
 * portrait 1080×1920 and landscape 1920×1080: how many taps a sign-up takes (printed), choices
 * made for the visitor said to be pre-filled and kept when tapped, 修改 coming back to the
 * review, pay choices from what the hall's postings pay, every posting reachable in browse, and
 * an unpaired kiosk that sends visitors to the service window without a word meant for staff.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import {
  KIOSK_ORIENTATIONS,
  kioskInChromium,
  openKioskPage,
  registerThroughPhone,
  smallTargets,
  smallText,
  tapAll,
  tid,
} from '../integration/kiosk/support/kiosk-page';
import { closeDatabase, openDatabase } from '../../electron/host/db/open-database';
import type { PayPresets } from '../../shared/kiosk-contract';

/** Every tap the visitor makes, the 11 digits of the phone counted apart. */
function tapCounter(page: Page) {
  const count = { taps: 0, digits: 0 };
  return {
    count,
    async tap(selector: string) {
      count.taps += 1;
      await page.tap(selector);
    },
    async phone(number: string) {
      for (const d of number) {
        count.digits += 1;
        await page.tap(tid(`pad-${d}`));
      }
    },
    /** `start` (a posting's 报名 or 登记求职), consent, the phone, and past the name without one. */
    async throughName(start: string, phone: string) {
      await this.tap(start);
      await this.tap(tid('consent-agree'));
      await this.phone(phone);
      await this.tap(tid('phone-next'));
      await page.waitForSelector(tid('step-name'));
      await this.tap(tid('signup-next'));
    },
  };
}

describe('kiosk sign-up, as a visitor meets it', () => {
  const kiosk = kioskInChromium();

  const openKiosk = (width: number, height: number) => openKioskPage(kiosk, { width, height });

  const stored = (number: string) => {
    const db = openDatabase(`${kiosk.t.dataDir}/hall.db`);
    try {
      return db
        .prepare(
          'SELECT listing_id, occupations, districts, availability, expected_pay, pay_unit FROM signups WHERE number = ?',
        )
        .get(number) as Record<string, string | number | null>;
    } finally {
      closeDatabase(db);
    }
  };

  for (const o of KIOSK_ORIENTATIONS) {
    it(`signs up from a posting in at most 12 taps besides the phone digits, pre-filled choices kept (${o.name})`, async () => {
      const page = await openKiosk(o.width, o.height);
      const shot = (step: string) => page.screenshot({ path: screenshotPath(`kiosk-flow-${o.name}-${step}.png`) });
      await page.tap(tid('start-find'));
      await page.waitForSelector(tid('posting-card'));
      const listingId = await page.getAttribute(tid('posting-card'), 'data-posting-id');
      await page.tap(tid('posting-card'));
      await page.waitForSelector(tid('posting-detail'));

      const v = tapCounter(page);
      await v.throughName(tid('detail-signup'), '13712345678');

      // the posting's trade and district were chosen for the visitor, and it says so
      await page.waitForSelector(tid('prefilled-trades'));
      await shot('trades-prefilled');
      await v.tap(tid('signup-next'));
      await page.waitForSelector(tid('prefilled-districts'));
      const district = await page.getAttribute('[data-testid^="pick-district-"][aria-pressed="true"]', 'data-testid');
      expect(district).toMatch(/^pick-district-\d{6}$/);
      await shot('where-prefilled');
      // tapping the pre-filled district says "yes, this one": it stays chosen
      await v.tap(tid(district!));
      expect(await page.getAttribute(tid(district!), 'aria-pressed')).toBe('true');
      await v.tap(tid('pick-availability-today'));
      await v.tap(tid('signup-next'));

      // pay: one choice answers the step
      await page.waitForSelector('[data-testid="step-pay"][data-basis="trades"]');
      await shot('pay');
      await v.tap('[data-testid^="pick-pay-"]:not([data-testid="pick-pay-none"]) >> nth=0');
      await page.waitForSelector(tid('step-review'));
      expect(await page.textContent(tid('review-districts'))).not.toContain('不限');
      expect(await smallTargets(page, 60)).toEqual([]);
      expect(await smallText(page, 18)).toEqual([]);
      await shot('review');
      await v.tap(tid('submit'));
      const number = (await page.textContent(tid('done-number'))) ?? '';
      expect(number).toMatch(/^A-\d{4}$/);

      process.stdout.write(
        `kiosk taps (${o.name}): from a posting to its confirmation ${v.count.taps} taps + ${v.count.digits} phone digits (target ≤ 12 + 11)\n`,
      );
      expect(v.count.taps).toBeLessThanOrEqual(12);
      const row = stored(number);
      expect(row.listing_id).toBe(listingId);
      expect(JSON.parse(String(row.districts))).toEqual([district!.replace('pick-district-', '')]);
      expect(JSON.parse(String(row.availability))).toEqual(['today']);
      expect(row.expected_pay).toBeGreaterThan(0);
    });

    it(`signs up from the start screen answering every question in at most 16 taps besides the digits (${o.name})`, async () => {
      const page = await openKiosk(o.width, o.height);
      const v = tapCounter(page);
      await v.throughName(tid('start-register'), '15912345678');
      await v.tap(tid('pick-trade-construction'));
      await v.tap(tid('signup-next'));
      await v.tap(tid('pick-district-361102'));
      await v.tap(tid('pick-availability-today'));
      await v.tap(tid('signup-next'));
      await page.waitForSelector('[data-testid="step-pay"][data-basis="trades"]');
      // construction in the demo hall pays 260–610元/天: the choices follow, not a list that stops at 300
      const presets = await page.evaluate(async () => {
        const r = await fetch('/api/kiosk/pay-presets?occupations=construction');
        return (await r.json()) as PayPresets;
      });
      const day = presets.presets.find((p) => p.unit === 'day')!;
      expect(Math.max(...day.amounts)).toBeGreaterThan(300);
      for (const amount of day.amounts) expect(await page.isVisible(tid(`pick-pay-day-${amount}`))).toBe(true);
      await v.tap(tid(`pick-pay-day-${day.amounts[1]}`));
      await page.waitForSelector(tid('step-review'));
      await v.tap(tid('submit'));
      await page.waitForSelector(tid('done-number'));
      process.stdout.write(
        `kiosk taps (${o.name}): from the start screen, every question answered, ${v.count.taps} taps + ${v.count.digits} phone digits (target ≤ 16 + 11)\n`,
      );
      expect(v.count.taps).toBeLessThanOrEqual(16);
    });
  }

  it('修改 on the review goes to that answer and straight back to the review', async () => {
    const page = await openKiosk(1080, 1920);
    await registerThroughPhone(page, '18812345678');
    await tapAll(page, [
      tid('signup-next'),
      tid('pick-trade-cleaning'),
      tid('signup-next'),
      tid('signup-next'),
      tid('pick-pay-none'),
    ]);
    await page.waitForSelector(tid('step-review'));
    expect(await page.textContent(tid('review-districts'))).toContain('不限');

    await page.tap(tid('edit-districts'));
    await page.waitForSelector(tid('step-where'));
    // no way "back" through the steps while changing one answer; "next" returns to the review
    expect(await page.locator(tid('signup-prev')).count()).toBe(0);
    expect(await page.textContent(tid('signup-next'))).toContain('回到确认');
    await tapAll(page, [tid('pick-district-361102'), tid('signup-next')]);
    await page.waitForSelector(tid('step-review'));
    expect(await page.textContent(tid('review-districts'))).toContain('信州区');

    await page.tap(tid('edit-phone'));
    await page.waitForSelector(tid('step-phone'));
    await tapAll(page, [tid('pad-delete'), tid('pad-9'), tid('phone-next')]);
    await page.waitForSelector(tid('step-review'));
    expect(await page.textContent(tid('review-phone'))).toContain('188 1234 5679');
  });

  it('keeps 下一步 and 上一步 in the same place on every step', async () => {
    const page = await openKiosk(1920, 1080);
    await page.tap(tid('start-register'));
    await page.tap(tid('consent-agree'));
    for (const d of '13612345678') await page.tap(tid(`pad-${d}`));
    type Box = { x: number; y: number; width: number; height: number };
    const boxes: Array<{ step: string; next: Box | null; prev: Box | null }> = [];
    for (const step of ['phone', 'name', 'trades', 'where', 'pay']) {
      await page.waitForSelector(tid(`step-${step}`));
      const next = page.locator(step === 'phone' ? tid('phone-next') : tid('signup-next'));
      boxes.push({ step, next: await next.boundingBox(), prev: await page.locator(tid('signup-prev')).boundingBox() });
      await next.tap();
    }
    await page.waitForSelector(tid('step-review'));
    boxes.push({
      step: 'review',
      next: await page.locator(tid('submit')).boundingBox(),
      prev: await page.locator(tid('signup-prev')).boundingBox(),
    });
    // the same place to within a pixel of rounding, on every step
    const same = (a: Box | null, b: Box | null) =>
      a !== null && b !== null && (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(a[k] - b[k]) <= 1.5);
    for (const b of boxes) {
      expect(same(b.next, boxes[0]!.next), `下一步 on ${b.step}: ${JSON.stringify(boxes)}`).toBe(true);
      expect(same(b.prev, boxes[0]!.prev), `上一步 on ${b.step}: ${JSON.stringify(boxes)}`).toBe(true);
    }
  });

  it('reaches every posting in browse, 20 more at a time', async () => {
    const page = await openKiosk(1080, 1920);
    await page.tap(tid('start-find'));
    await page.waitForSelector(tid('browse-more'));
    const total = Number(((await page.textContent(tid('result-count'))) ?? '').match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(100);
    let pages = 1;
    while (await page.isVisible(tid('browse-more'))) {
      const before = await page.locator(tid('posting-card')).count();
      await page.tap(tid('browse-more'));
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="posting-card"]').length > n, before);
      pages += 1;
    }
    const ids = await page.$$eval('[data-testid="posting-card"]', (cards) =>
      cards.map((c) => c.getAttribute('data-posting-id')),
    );
    expect(new Set(ids).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 20));
    await page.screenshot({ path: screenshotPath('kiosk-flow-portrait-browse-end.png') });
  });
});

describe('a kiosk that may not take sign-ups', () => {
  const kiosk = kioskInChromium({
    hall: { name: '上饶市零工市场', serviceWindow: '3号服务窗口', signupUrl: 'https://jobs.example.invalid/signup' },
  });

  for (const o of KIOSK_ORIENTATIONS) {
    it(`sends visitors to the service window, with no word meant for staff (${o.name})`, async () => {
      const page = await kiosk.browser.newPage({ viewport: { width: o.width, height: o.height }, hasTouch: true });
      await page.goto(`${kiosk.t.hall.url}/kiosk`);
      await page.waitForSelector(`${tid('kiosk-root')}[data-device="pairing"]`);
      await page.waitForSelector(tid('start-screen'));
      await page.tap(tid('start-register'));
      await page.waitForSelector(`${tid('window-qr')}[src^="data:image/svg+xml"]`);
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('登记求职请到服务窗口');
      expect(text).toContain('3号服务窗口');
      for (const staffWord of ['员工', '配对', '后台', '权限', '批准', 'pair', 'token'])
        expect(text, `"${staffWord}" on a visitor's screen`).not.toContain(staffWord);
      expect(await smallTargets(page, 60)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`kiosk-flow-${o.name}-unpaired-window.png`) });

      // a posting's 报名 leads to the same place, and browsing still works
      await page.tap(tid('window-find'));
      await page.tap(tid('posting-card'));
      await page.tap(tid('detail-signup'));
      await page.waitForSelector(tid('window-screen'));
      await page.close();
    });
  }
});
