/**
 * The whole path a newcomer takes: sign in at /staff, push an urgent posting, see it on 8 open
 * board pages, see each confirm it in the console's grid; retract it; and after a host restart
 * a live posting is back on every board until it expires. Real host process, real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import type { DeliveryCell, ScreenView } from '../../shared/staff-contract';
import type { ResponseJson } from '../support/response-json';
import { startHallProcess, type HallProcess } from '../support/hall-process';
import { launchChromium, screenshotPath } from '../support/browser';
import { pageMinGlyph, renderedTexts } from '../support/board-page';
import { oracleMinGlyphPx } from '../support/legibility-oracle';
import { tmpDir } from '../support/tmp-dir';
import { freePort } from '../support/free-port';

const PIN = '318265';
const SCREENS = Array.from({ length: 8 }, (_, i) => ({ ...DEFAULT_SCREEN, id: String(i + 1), name: `${i + 1}号屏` }));

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as ResponseJson };
}

/** Resolves when this board has painted the urgent posting (or, with `gone`, no longer shows it). */
function waitForUrgent(page: Page, id: string, gone = false, timeout = 15_000) {
  return page.waitForFunction(
    ([id, gone]) => {
      const onScreen =
        document.querySelector(`[data-urgent-id="${id}"]`) !== null &&
        ((window as { __hallUrgent?: { showing: string[] } }).__hallUrgent?.showing ?? []).includes(id as string);
      return gone ? !onScreen : onScreen;
    },
    [id, gone] as const,
    { timeout },
  );
}

describe('urgent postings on 8 boards, with proof of delivery', () => {
  const dataDir = tmpDir('hall-urgent-');
  let port: number;
  let hall: HallProcess;
  let browser: Browser;
  let boards: Page[] = [];
  let consolePage: Page;
  let token: string;

  const start = () => startHallProcess({ dataDir, args: ['--port', String(port)], env: { HALL_STAFF_PIN: PIN } });

  beforeAll(async () => {
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens: SCREENS }, null, 2));
    port = await freePort();
    [hall, browser] = await Promise.all([start(), launchChromium()]);
    boards = await Promise.all(
      SCREENS.map(async (s) => {
        const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
        await page.goto(`${hall.url}/board/${s.id}`);
        await page.waitForSelector('[data-testid="board-item"]', { timeout: 30_000 });
        return page;
      }),
    );
    const session = await fetch(`${hall.url}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    token = ((await session.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('signs in at /staff, pushes a posting from the console, and all 8 boards paint and confirm it', async () => {
    consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    consolePage.on('dialog', (dialog) => void dialog.accept());
    await consolePage.goto(`${hall.url}/staff`);
    await consolePage.fill('[data-testid="pin"]', PIN);
    await consolePage.click('[data-testid="sign-in-submit"]');
    await consolePage.waitForSelector('[data-testid="urgent-form"]');
    expect(await consolePage.textContent('[data-testid="tab-urgent"]')).toBe('紧急发布');

    await consolePage.fill('[data-testid="urgent-title"]', '叉车司机 今天下午急招5人');
    await consolePage.fill('[data-testid="urgent-body"]', '日结 300元/天 · 广丰区物流园 · 电话 138 0000 8000');
    expect(await consolePage.textContent('[data-testid="urgent-preview"]')).toContain('叉车司机 今天下午急招5人');
    await consolePage.click('[data-testid="urgent-push"]');
    const item = await consolePage.waitForSelector('[data-testid="urgent-item"][data-live="true"]');
    const id = (await item.getAttribute('data-urgent-id'))!;

    await Promise.all(boards.map((b) => waitForUrgent(b, id)));
    // the console's grid: 8 cells, each "showing since HH:MM:SS"
    await consolePage.waitForSelector('[data-testid="delivery-summary"][data-confirmed="8"][data-total="8"]', {
      timeout: 60_000,
    });
    const cells = await consolePage.$$eval('[data-testid="delivery-cell"]', (els) =>
      els.map((e) => [e.getAttribute('data-screen-id'), e.getAttribute('data-state'), e.textContent]),
    );
    expect(cells.map((c) => c[0]).sort()).toEqual(SCREENS.map((s) => s.id).sort());
    for (const [, state, text] of cells) {
      expect(state).toBe('ok');
      expect(text).toMatch(/显示中，自 \d\d:\d\d:\d\d/);
    }
    await consolePage.screenshot({ path: screenshotPath('staff-console-delivery.png'), fullPage: true });
    // each board's own heartbeat says so too
    const screens = await api(hall.url, token, 'GET', '/api/staff/screens');
    expect(screens.json.screens).toHaveLength(SCREENS.length);
    for (const s of screens.json.screens)
      expect(s.pages.map((p: { urgentIds: string[] }) => p.urgentIds)).toEqual([[id]]);

    // nothing on the urgent layer is drawn below the minimum glyph, worked out by hand for the
    // default wall in a 640×360 page: 7.5 mm per px, 81 / 7.5 = 10.8 → the 16 px floor
    const floor = oracleMinGlyphPx(DEFAULT_SCREEN, { width: 640, height: 360 });
    expect(floor).toBe(16);
    expect(await pageMinGlyph(boards[0]!)).toBe(floor);
    const texts = await renderedTexts(boards[0]!);
    expect(texts.filter((t) => t.fontPx < floor)).toEqual([]);
    // every text comes from the catalogue (no "key … returned an object" from i18next)
    expect(texts.filter((t) => /returned an object|^board\./.test(t.text))).toEqual([]);
    await boards[0]!.screenshot({ path: screenshotPath('urgent-takeover-640.png') });
  });

  it('retracting removes it from every board, and the heartbeats stop confirming it', async () => {
    const live = await consolePage.waitForSelector('[data-testid="urgent-item"][data-live="true"]');
    const id = (await live.getAttribute('data-urgent-id'))!;
    await consolePage.click('[data-testid="urgent-retract"]');
    await Promise.all(boards.map((b) => waitForUrgent(b, id, true)));
    await expect
      .poll(
        async () =>
          ((await api(hall.url, token, 'GET', '/api/staff/screens')).json.screens as ScreenView[]).flatMap((s) =>
            s.pages.flatMap((p) => p.urgentIds),
          ),
        { timeout: 60_000 },
      )
      .toEqual([]);
    await consolePage.waitForSelector(`[data-testid="urgent-item"][data-urgent-id="${id}"][data-live="false"]`);
  });

  it('after a host restart a live posting is back on every board until it expires', async () => {
    const expiresAt = Date.now() + 40_000;
    const posted = await api(hall.url, token, 'POST', '/api/urgent', {
      title: '保洁员 急招2人',
      expiresAt: new Date(expiresAt).toISOString(),
    });
    expect(posted.status).toBe(201);
    const id = posted.json.id as string;
    await Promise.all(boards.map((b) => waitForUrgent(b, id)));

    await hall.stop();
    await Promise.all(
      boards.map((b) => b.waitForSelector('[data-testid="board-root"][data-connected="false"]', { timeout: 60_000 })),
    );
    hall = await start();
    await Promise.all(
      boards.map((b) => b.waitForSelector('[data-testid="board-root"][data-connected="true"]', { timeout: 20_000 })),
    );
    await Promise.all(boards.map((b) => waitForUrgent(b, id)));
    await expect
      .poll(
        async () =>
          (
            (await api(hall.url, token, 'GET', `/api/urgent/${id}`)).json.delivery as DeliveryCell[] | undefined
          )?.filter((c) => c.showingSince !== null).length,
        { timeout: 60_000 },
      )
      .toBe(8);

    // a screen reload brings it back as well
    await boards[0]!.reload();
    await waitForUrgent(boards[0]!, id);

    // ... and it leaves every board on time when it expires: each board is seen without it
    // (its own frames are watched) no earlier than the expiry and within 5 s of it
    const leftAt = await Promise.all(
      boards.map(
        async (b) => (await waitForUrgent(b, id, true, Math.max(5_000, expiresAt - Date.now() + 5_000)), Date.now()),
      ),
    );
    for (const t of leftAt) {
      expect(t).toBeGreaterThanOrEqual(expiresAt - 100);
      expect(t - expiresAt).toBeLessThan(5_000);
    }
  });
});
