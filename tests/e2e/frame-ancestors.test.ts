/**
 * No other site can frame the hall's pages: every HTML answer carries the CSP as a header
 * (`frame-ancestors 'none'` works only there; browsers ignore it in a meta tag), including
 * the built `index.html` paths the static handler serves. Checked in real Chromium from a page
 * on another origin, and on the headers of every HTML path.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Hall } from '../../electron/host/hall';
import { startTestHall } from '../support/in-process-hall';
import { launchChromium } from '../support/browser';

const HTML_PATHS = ['/board/1', '/kiosk', '/kiosk/index.html', '/staff', '/staff/index.html'];

describe('the hall’s pages inside another site’s frame', () => {
  let hall: Hall;
  let browser: Browser;
  let other: Server;
  let otherUrl: string;

  beforeAll(async () => {
    hall = await startTestHall();
    browser = await launchChromium();
    other = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><body>${HTML_PATHS.map((p, i) => `<iframe id="f${i}" src="${hall.url}${p}"></iframe>`).join('')}</body>`,
      );
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherUrl = `http://localhost:${(other.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => other?.close(r));
    await hall?.close();
  });

  it.each(HTML_PATHS)('%s answers with the CSP header, frame-ancestors included', async (path) => {
    const res = await fetch(`${hall.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves no board page at /board/index.html (not a screen id)', async () => {
    const res = await fetch(`${hall.url}/board/index.html`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('does not render in a frame of another origin', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) blocked.push(m.text());
    });
    await page.goto(otherUrl);
    // Chromium says so for each frame it refuses: wait for all of them rather than a while
    await expect.poll(() => blocked.length, { timeout: 60_000 }).toBe(HTML_PATHS.length);
    // a blocked frame holds Chromium's error page, never the hall's document
    for (const frame of page.frames().slice(1)) {
      const title = await frame.evaluate(() => document.querySelector('#root, #app') !== null).catch(() => false);
      expect(title).toBe(false);
    }
    expect(blocked.length).toBe(HTML_PATHS.length);
    await page.close();
  });

  it.each(HTML_PATHS)(
    '%s loads without a console error or warning (no CSP meant for a header in its meta tag)',
    async (path) => {
      const page = await browser.newPage();
      const said: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') said.push(`${m.type()}: ${m.text()}`);
      });
      await page.goto(`${hall.url}${path}`);
      // a meta tag's CSP is read while the document is parsed: anything it says is said by "load"
      await page.waitForLoadState('load');
      expect(said.filter((m) => /Content Security Policy|frame-ancestors|<meta>/i.test(m))).toEqual([]);
      await page.close();
    },
  );
});
