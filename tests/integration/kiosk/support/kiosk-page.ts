/** Touch helpers for the kiosk end-to-end tests (real Chromium, touch emulation). */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../../support/browser';
import { hallDataDir, type HallData } from '../../../support/in-process-hall';
import { startKioskHall, type TestHall } from './kiosk-harness';

export const tid = (id: string): string => `[data-testid="${id}"]`;

export async function tapAll(page: Page, selectors: string[]): Promise<void> {
  for (const s of selectors) await page.tap(s);
}

/**
 * A finger held on `selector` (the kiosk's staff gesture) until `until` shows, then lifted: the
 * press lasts as long as the page needs, however loaded the machine is.
 */
export async function longPress(page: Page, selector: string, until: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`longPress: ${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  try {
    await page.waitForSelector(until, { timeout: 30_000 });
  } finally {
    await page.mouse.up();
  }
}

export async function typePhone(page: Page, phone: string): Promise<void> {
  for (const d of phone) await page.tap(tid(`pad-${d}`));
}

/** From the start screen: 登记求职, consent, `phone` on the keypad and its 下一步, on to the name step. */
export async function registerThroughPhone(page: Page, phone: string): Promise<void> {
  await page.tap(tid('start-register'));
  await page.tap(tid('consent-agree'));
  await typePhone(page, phone);
  await page.tap(tid('phone-next'));
}

/** Buttons in view smaller than `min` px either way (targets must be big enough to touch). */
export async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) continue;
      if (r.width < minPx - 0.5 || r.height < minPx - 0.5)
        out.push(`${(el.textContent ?? '').trim().slice(0, 20)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, min);
}

interface VisibleText {
  /** The first 20 characters. */
  text: string;
  fontSize: number;
  /** RGB of the text, and of the nearest opaque background behind it (white when none is). */
  color: number[];
  background: number[];
}

/** Every text node drawn on the page, outside the elements `skip` matches. */
async function visibleTexts(page: Page, skip: string): Promise<VisibleText[]> {
  return page.evaluate((skipSelector) => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length === 3 || c[3]! > 0.9)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: VisibleText[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest(skipSelector)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      out.push({
        text: text.slice(0, 20),
        fontSize: parseFloat(style.fontSize),
        color: parse(style.color).slice(0, 3),
        background: background(el),
      });
    }
    return out;
  }, skip);
}

/** Visible text drawn below `min` px (what screen readers alone get is left out). */
export async function smallText(page: Page, min: number): Promise<string[]> {
  return (await visibleTexts(page, '[aria-hidden="true"]'))
    .filter((t) => t.fontSize < min)
    .map((t) => `${t.text} ${t.fontSize}px`);
}

/** Text whose colour against its nearest opaque background is below `min`:1 (WCAG formula); disabled buttons aside. */
export async function lowContrast(page: Page, min: number): Promise<string[]> {
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  const out: string[] = [];
  for (const t of await visibleTexts(page, 'button:disabled')) {
    const [a, b] = [lum(t.color), lum(t.background)].sort((x, y) => y - x);
    const ratio = (a! + 0.05) / (b! + 0.05);
    if (ratio < min) out.push(`${t.text} ${ratio.toFixed(2)}:1`);
  }
  return out;
}

export interface KioskSuite {
  /** The hall and the browser, set once beforeAll has run. */
  t: TestHall;
  browser: Browser;
  /** A browser context that is closed after the describe. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/** The two ways a kiosk screen stands. */
export const KIOSK_ORIENTATIONS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

/**
 * A touch page on the suite's kiosk, authorised by the hall's own kiosk token unless `token`
 * says otherwise (`null`: an unpaired browser kiosk), fonts loaded.
 */
export async function openKioskPage(
  kiosk: KioskSuite,
  opts: { width?: number; height?: number; query?: string; token?: string | null } = {},
): Promise<Page> {
  const context = await kiosk.newContext({
    viewport: { width: opts.width ?? 1080, height: opts.height ?? 1920 },
    hasTouch: true,
    isMobile: false,
  });
  const page = await context.newPage();
  const token = opts.token === undefined ? kiosk.t.hall.localKioskToken : opts.token;
  await page.goto(`${kiosk.t.hall.url}/kiosk${opts.query ?? ''}${token ? `#device=${token}` : ''}`);
  if (token) await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * A kiosk hall and Chromium for the describe this is called in, started before its tests and
 * closed after; the hall on a data dir holding `data`, else a fresh one.
 */
export function kioskInChromium(data?: HallData): KioskSuite {
  const contexts: BrowserContext[] = [];
  const suite = {
    async newContext(options: BrowserContextOptions) {
      const context = await suite.browser.newContext(options);
      contexts.push(context);
      return context;
    },
  } as KioskSuite;
  beforeAll(async () => {
    const dataDir = data ? hallDataDir('kiosk-', data) : undefined;
    [suite.t, suite.browser] = await Promise.all([startKioskHall({ dataDir }), launchChromium()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await suite.browser?.close();
    await suite.t?.hall.close();
  });
  return suite;
}
