/**
 * Names without pinyin, in real Chromium with touch against a real hall host, portrait
 * 1080×1920 and landscape 1920×1080: a sign-up by the surname grid alone stores "X先生"; a
 * name typed by pinyin pages the candidate row to a character past the first page; and on
 * the name step every key, candidate and surname button is in the viewport and not under
 * the footer bar, without scrolling, with large text on and off. Screenshots to
 * test-output/screenshots/kiosk-names-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { closeDatabase, openDatabase } from '../../electron/host/db/open-database';
import {
  KIOSK_ORIENTATIONS,
  kioskInChromium,
  openKioskPage,
  registerThroughPhone,
  smallTargets,
  smallText,
  tid,
} from '../integration/kiosk/support/kiosk-page';
import { pinyinCandidates } from '../../renderer/kiosk/signup/pinyin';
import { GRID_SURNAMES, SURNAMES_PER_PAGE } from '../../renderer/kiosk/signup/name-choices';

/**
 * The buttons `selector` matches that a finger cannot reach as they are: outside the
 * viewport, or covered at their centre by something else (the footer bar, another panel).
 */
async function unreachable(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      const label = `${el.dataset.key ?? el.dataset.surname ?? el.dataset.testid ?? ''} "${(el.textContent ?? '').trim()}"`;
      if (r.width === 0 || r.height === 0) {
        out.push(`${label} not drawn`);
        continue;
      }
      if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) {
        out.push(`${label} outside the viewport (${Math.round(r.top)}..${Math.round(r.bottom)})`);
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !el.contains(hit)) out.push(`${label} covered by ${hit?.closest('[class]')?.className ?? 'nothing'}`);
    }
    return out;
  }, selector);
}

/** Pairs of the buttons `selector` matches that overlap (one would hide part of the other). */
async function overlapping(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(sel)].map((el) => ({
      label: (el.textContent ?? '').trim(),
      r: el.getBoundingClientRect(),
    }));
    const out: string[] = [];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 0.5 && y > 0.5) out.push(`${a.label} / ${b.label}`);
      }
    });
    return out;
  }, selector);
}

/** Nothing on the page scrolled to get there: the step fits as it is laid out. */
async function scrolled(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(window.scrollY, ...[...document.querySelectorAll('*')].map((e) => (e as HTMLElement).scrollTop || 0)),
  );
}

describe('kiosk names without pinyin', () => {
  const kiosk = kioskInChromium();

  async function openAtNameStep(o: { width: number; height: number }, phone: string): Promise<Page> {
    const page = await openKioskPage(kiosk, o);
    await registerThroughPhone(page, phone);
    await page.waitForSelector(`${tid('step-name')}[data-mode="grid"]`);
    return page;
  }

  /** On to the review with the fewest taps the later steps allow, then submit; the stored row. */
  async function finish(page: Page): Promise<Record<string, string>> {
    await page.waitForSelector(tid('step-trades'));
    await page.tap(tid('pick-trade-cleaning'));
    for (let i = 0; i < 8 && !(await page.isVisible(tid('step-review'))); i++) await page.tap(tid('signup-next'));
    await page.tap(tid('submit'));
    const number = (await page.textContent(tid('done-number')))!;
    const db = openDatabase(`${kiosk.t.dataDir}/hall.db`);
    const row = db.prepare('SELECT name, phone FROM signups WHERE number = ?').get(number) as Record<string, string>;
    closeDatabase(db);
    return row;
  }

  for (const o of KIOSK_ORIENTATIONS) {
    it(`signs up by the surname grid alone, no pinyin, in ${o.name}`, async () => {
      const phone = o.name === 'portrait' ? '13700001234' : '13700005678';
      const page = await openAtNameStep(o, phone);
      const shot = (what: string) => page.screenshot({ path: screenshotPath(`kiosk-names-${o.name}-${what}.png`) });

      // skip is still the first choice; the grid starts with the most frequent surnames
      expect(await page.isVisible(tid('name-skip'))).toBe(true);
      const firstPage = await page.$$eval('[data-surname]', (els) => els.map((e) => e.textContent));
      expect(firstPage).toEqual(GRID_SURNAMES.slice(0, SURNAMES_PER_PAGE));
      expect(await unreachable(page, `${tid('step-name')} button`)).toEqual([]);
      expect(await smallTargets(page, 60)).toEqual([]);
      expect(await smallText(page, 18)).toEqual([]);
      expect(await scrolled(page)).toBe(0);
      await shot('1-grid');

      // a surname from the second page: 下一页, then tap it
      await page.tap(tid('name-page-next'));
      await page.waitForSelector(`${tid('surname-grid')}[data-page="2"]`);
      const surname = GRID_SURNAMES[SURNAMES_PER_PAGE + (o.name === 'portrait' ? 3 : 7)]!;
      await page.tap(`[data-surname="${surname}"]`);
      await page.waitForSelector(`${tid('step-name')}[data-mode="title"]`);
      expect(await page.textContent(tid('name-title-mr'))).toBe(`${surname}先生`);
      expect(await unreachable(page, `${tid('step-name')} button`)).toEqual([]);
      expect(await smallTargets(page, 60)).toEqual([]);
      await shot('2-title');

      await page.tap(tid('name-title-mr'));
      const row = await finish(page);
      expect(row).toEqual({ name: `${surname}先生`, phone });
    });

    it(`types a name by pinyin, paging to a character past the first page, in ${o.name}`, async () => {
      const phone = o.name === 'portrait' ? '13600001234' : '13600005678';
      const page = await openAtNameStep(o, phone);
      await page.tap(tid('name-pinyin'));
      await page.waitForSelector(`${tid('step-name')}[data-mode="keyboard"]`);

      // lv → 吕: ü by the v key, a surname the old list could not type at all
      await page.tap('[data-key="l"]');
      await page.tap('[data-key="v"]');
      await page.tap(`${tid('pinyin-candidate')}:text-is("吕")`);

      // a character that is only on a later page of "shu"
      for (const k of 'shu') await page.tap(`[data-key="${k}"]`);
      const list = tid('candidate-list');
      const size = Number(await page.getAttribute(list, 'data-page-size'));
      expect(size).toBeGreaterThanOrEqual(4);
      const all = pinyinCandidates('shu');
      const target = all[size + 1]!;
      expect(await page.$$eval(tid('pinyin-candidate'), (els) => els.map((e) => e.textContent))).toEqual(
        all.slice(0, size),
      );
      expect(await unreachable(page, `${tid('keyboard')} button`)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`kiosk-names-${o.name}-3-keyboard.png`) });
      await page.tap(tid('keyboard-page-next'));
      await page.waitForSelector(`${list}[data-page="2"]`);
      expect(await unreachable(page, `${tid('keyboard')} button`)).toEqual([]);
      await page.tap(`${tid('pinyin-candidate')}:text-is("${target}")`);
      expect(await page.getAttribute(tid('name-display'), 'data-value')).toBe(`吕${target}`);
      // a new syllable starts on its first page again
      await page.tap('[data-key="a"]');
      expect(await page.getAttribute(list, 'data-page')).toBe('1');
      await page.tap('[data-key="backspace"]');

      await page.tap(tid('name-next'));
      expect(await finish(page)).toEqual({ name: `吕${target}`, phone });
    });

    it(`shows every key and candidate of the keyboard above the footer, in ${o.name}, large text on and off`, async () => {
      const page = await openAtNameStep(o, '13500001234');
      await page.tap(tid('name-pinyin'));
      await page.waitForSelector(`${tid('step-name')}[data-mode="keyboard"]`);
      for (const elder of [true, false]) {
        if ((await page.getAttribute(tid('kiosk-root'), 'data-elder')) !== String(elder))
          await page.tap(tid('toggle-elder'));
        await page.waitForSelector(`${tid('kiosk-root')}[data-elder="${elder}"]`);
        // a syllable with many pages, so the candidate row and both page buttons are full
        for (const k of 'zh') await page.tap(`[data-key="${k}"]`);
        await page.waitForSelector(tid('pinyin-candidate'));
        const keys = await page.$$(`${tid('keyboard')} [data-key]`);
        expect(keys.length).toBe(26 + 1 + 2 + 2); // letters, backspace, mode and space, the page buttons
        expect(await unreachable(page, `${tid('keyboard')} button`), `elder ${elder}`).toEqual([]);
        expect(await unreachable(page, `${tid('step-name')} button`), `elder ${elder}`).toEqual([]);
        expect(await overlapping(page, `${tid('step-name')} button`), `elder ${elder}`).toEqual([]);
        expect(await smallTargets(page, elder ? 60 : 44)).toEqual([]);
        expect(await scrolled(page)).toBe(0);
        await page.screenshot({ path: screenshotPath(`kiosk-names-${o.name}-4-keyboard-elder-${elder}.png`) });
        await page.tap('[data-key="backspace"]');
        await page.tap('[data-key="backspace"]');
        // and the footer's own buttons are still there to tap
        expect(await unreachable(page, '.signup-nav button')).toEqual([]);
        await page.tap(tid('name-to-grid'));
        await page.waitForSelector(`${tid('step-name')}[data-mode="grid"]`);
        expect(await unreachable(page, `${tid('step-name')} button`), `grid, elder ${elder}`).toEqual([]);
        expect(await overlapping(page, `${tid('step-name')} button`), `grid, elder ${elder}`).toEqual([]);
        expect(await scrolled(page)).toBe(0);
        await page.screenshot({ path: screenshotPath(`kiosk-names-${o.name}-5-grid-elder-${elder}.png`) });
        await page.tap(tid('name-pinyin'));
      }
    });
  }
});
