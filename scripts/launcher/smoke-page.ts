/**
 * What `npm run test:electron` reads from each window's page: its URL (without the fragment,
 * which holds the kiosk's device token), whether it has text, window.hallShell as the preload
 * left it, and whether `require` leaked into the page.
 */
import type { Page } from 'playwright-core';
import type { PageFacts } from './electron-smoke';

export const WINDOW_TIMEOUT_MS = 60_000;

/** The page's globals, typed here because scripts/ compile without the DOM library. */
interface PageGlobals {
  document?: { body?: { innerText?: string } | null };
  location: { href: string };
  hallShell?: { kind?: string; role?: string; screenId?: string; kiosk?: { printSlip?: unknown } };
  require?: unknown;
}

export async function pageFacts(page: Page, timeoutMs = WINDOW_TIMEOUT_MS): Promise<PageFacts> {
  await page
    .waitForFunction(
      () => ((globalThis as unknown as PageGlobals).document?.body?.innerText ?? '').trim().length > 0,
      null,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const shell = g.hallShell;
    return {
      url: g.location.href.split('#')[0]!,
      textLength: (g.document?.body?.innerText ?? '').trim().length,
      hallShell: shell
        ? {
            kind: shell.kind,
            role: shell.role,
            screenId: shell.screenId,
            hasKiosk: 'kiosk' in shell,
            printSlip: typeof shell.kiosk?.printSlip,
          }
        : null,
      requireType: typeof g.require,
    };
  });
}
