/**
 * The kiosk's promise kept at once (real Chromium, touch, real hall with the demo postings):
 * right after a sign-up for 搬运装卸 in 信州区 the confirmation says "现在有 N 个适合您的岗位" and
 * shows the best few — trade, pay, district, booth or phone, each with its QR — in portrait
 * 1080×1920 and landscape 1920×1080, every text ≥ 18 px and every target ≥ 60 px; a sign-up
 * for one posting shows the others like it; the idle wipe takes it all away.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import {
  kioskInChromium,
  openKioskPage,
  smallTargets,
  smallText,
  tapAll,
  tid,
  typePhone,
} from '../integration/kiosk/support/kiosk-page';

/** Portrait and landscape kiosk screens, as the kiosk's own test names them. */
const SCREENS = { portrait: [1080, 1920], landscape: [1920, 1080] } as const;

describe('kiosk confirmation with matching postings', () => {
  const kiosk = kioskInChromium();

  /** The hall PC's own kiosk window (its device token in the fragment), at `size`. */
  const openKiosk = ([width, height]: readonly [number, number], query = '') =>
    openKioskPage(kiosk, { width, height, query });

  /** Consent, a phone, no name, 搬运装卸, 信州区, 今天, no pay: to the confirmation. */
  async function signUpForMoving(page: Page, phone: string): Promise<void> {
    await page.tap(tid('consent-agree'));
    await typePhone(page, phone);
    await page.tap(tid('phone-next'));
    await page.tap(tid('name-skip'));
    await page.waitForSelector(tid('step-trades'));
    if ((await page.getAttribute(tid('pick-trade-moving'), 'aria-pressed')) !== 'true')
      await page.tap(tid('pick-trade-moving'));
    await page.tap(tid('signup-next'));
    await tapAll(page, [tid('pick-district-361102'), tid('pick-availability-today'), tid('signup-next')]);
    await page.tap(tid('signup-next'));
    await page.tap(tid('submit'));
    await page.waitForSelector(tid('done-matches'));
  }

  for (const [name, size] of Object.entries(SCREENS)) {
    const o = { name, height: size[1] };
    it(`lists the matching demo postings with their QR codes in ${o.name}`, async () => {
      const page = await openKiosk(size);
      await page.tap(tid('start-register'));
      await signUpForMoving(page, o.name === 'portrait' ? '13700002222' : '13700003333');
      const count = Number(await page.getAttribute(tid('done-matches'), 'data-count'));
      expect(count).toBeGreaterThan(0);
      expect(await page.textContent(tid('done-matches-title'))).toBe(`现在有 ${count} 个适合您的岗位`);
      const cards = page.locator(tid('done-match'));
      expect(await cards.count()).toBe(Math.min(3, count));
      await page.waitForSelector(`${tid('done-match-qr')}[src^="data:image/svg+xml"]`);
      for (let i = 0; i < (await cards.count()); i++) {
        const text = (await cards.nth(i).textContent()) ?? '';
        expect(text).toContain('搬运装卸');
        expect(text).toContain('信州区');
        expect(text).toMatch(/元\/(天|时|月|件|单|课时)/);
        expect(text).toMatch(/展位|电话/);
        expect(text).toContain('工种相同');
      }
      await page.screenshot({ path: screenshotPath(`kiosk-matches-${o.name}.png`) });
      // the whole confirmation is on screen, and legible and touchable
      for (const sel of [tid('done-number'), tid('done-matches'), tid('done-finish')]) {
        const box = (await page.locator(sel).boundingBox())!;
        expect(box.y + box.height, `${sel} inside the ${o.name} screen`).toBeLessThanOrEqual(o.height);
      }
      expect(await smallText(page, 18)).toEqual([]);
      expect(await smallTargets(page, 60)).toEqual([]);
    });
  }

  it('shows the others like the posting signed up for, and nothing after the idle wipe', async () => {
    const page = await openKiosk(SCREENS.portrait, '?idle=8&countdown=2');
    await page.tap(tid('start-find'));
    await page.waitForSelector(tid('posting-card'));
    await page.tap(tid('trade-moving'));
    // the filtered list is in when its first card is a 搬运装卸 posting (the public search says which are)
    const res = await fetch(`${kiosk.t.hall.url}/api/listings?occupation=moving&limit=200`);
    const moving = new Set(((await res.json()) as { listings: { id: string }[] }).listings.map((l) => l.id));
    await expect
      .poll(async () => moving.has((await page.getAttribute(tid('posting-card'), 'data-posting-id')) ?? ''))
      .toBe(true);
    const chosen = await page.getAttribute(tid('posting-card'), 'data-posting-id');
    await page.tap(tid('posting-card'));
    await page.tap(tid('detail-signup'));
    await signUpForMoving(page, '13700004444');
    const shown = await page
      .locator(tid('done-match'))
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-posting-id')));
    expect(shown).not.toContain(chosen);
    const title = (await page.textContent(tid('done-matches-title'))) ?? '';
    expect(title).toMatch(/还有 \d+ 个类似的岗位|现在没有/);
    // left alone, the kiosk wipes the confirmation with the rest
    await page.waitForSelector(tid('start-screen'), { timeout: 30_000 });
    expect(await page.locator(tid('done-matches')).count()).toBe(0);
  });
});
