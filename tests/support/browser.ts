/**
 * The system Chromium (Debian package `chromium`) driven by playwright-core: Playwright cannot
 * download its own browsers on hall build machines, and the system browser is what CI installs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { tmpDir } from './tmp-dir';
import { ROOT } from './hall-process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Chromium reaches the system's speech voices on Linux only through speech-dispatcher, and only
 * with this switch (the kiosk's read-aloud tests; `.ci/run` installs speech-dispatcher and espeak-ng).
 */
export const SPEECH_ARGS = ['--enable-speech-dispatcher'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `launchChromium: no browser at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium fonts-noto-cjk\``,
    );
  }
  // playwright's launch() uses a fresh temporary profile every time.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Chromium with a profile of its own (a fresh user-data dir) rather than an incognito-like
 * context: Chromium offers speech voices only to a regular profile (measured here: the same
 * flags give 13,362 voices in a profile and none in `browser.newContext()`).
 */
export async function launchChromiumProfile(
  extraArgs: readonly string[],
  options: Parameters<typeof chromium.launchPersistentContext>[1],
): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `launchChromiumProfile: no browser at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium fonts-noto-cjk\``,
    );
  }
  return chromium.launchPersistentContext(tmpDir('chromium-profile-'), {
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}

/** A page per screen id, each at `/board/<id>` and showing postings. */
export function openBoardPages(
  browser: Browser,
  hallUrl: string,
  screenIds: readonly string[],
  viewport: { width: number; height: number },
): Promise<Page[]> {
  return Promise.all(
    screenIds.map(async (id) => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${hallUrl}/board/${id}`);
      await page.waitForSelector('[data-testid="board-item"]', { timeout: 30_000 });
      return page;
    }),
  );
}

/** Screenshots of what the tests saw, for people to look at (test-output/ is not committed). */
export function screenshotPath(name: string): string {
  const dir = join(ROOT, 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
