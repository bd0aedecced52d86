/**
 * Read aloud, with the machine's real speech synthesis: Chromium with `--enable-speech-dispatcher`
 * reaches espeak-ng's Mandarin voice through speech-dispatcher (installed by `.ci/run`). The test
 * observes what is spoken by wrapping `speechSynthesis.speak` and `cancel` in the page (an init
 * script that records each utterance's text and voice, then hands it on to the real engine), and
 * that the engine really speaks by the utterances' `start` events and `speechSynthesis.speaking`.
 * A second Chromium without the switch has no voices at all: there the 朗读 button must not exist.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SPEECH_ARGS, launchChromiumProfile, screenshotPath } from '../support/browser';
import { SPEECH_PACKAGES, speechEnv } from '../support/speech';
import { kioskInChromium, tid, typePhone } from '../integration/kiosk/support/kiosk-page';
import { startKioskHall, type TestHall } from '../integration/kiosk/support/kiosk-harness';
import { LOCAL_KIOSK_ID } from '../../electron/host/devices/kiosk-devices';
import { formatDistrict } from '../../shared/format';
import type { PublicPosting } from '../../shared/schemas/posting';
import zhCN from '../../renderer/common/locales/zh-CN.json';

const ZH = zhCN as unknown as { occupation: Record<string, string> };

interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
}

function recordSpeech(): void {
  const w = window as unknown as { __speech: { spoken: Spoken[]; started: number; cancels: number } };
  w.__speech = { spoken: [], started: 0, cancels: 0 };
  const synth = window.speechSynthesis;
  const speak = synth.speak.bind(synth);
  const cancel = synth.cancel.bind(synth);
  synth.speak = (u: SpeechSynthesisUtterance) => {
    w.__speech.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
    u.addEventListener('start', () => (w.__speech.started += 1));
    speak(u);
  };
  synth.cancel = () => {
    w.__speech.cancels += 1;
    cancel();
  };
}

const speech = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __speech: { spoken: Spoken[]; started: number; cancels: number } }).__speech,
  );
const spokenText = async (page: Page) => (await speech(page)).spoken.map((s) => s.text).join('');
const ZH_DIGIT = '零幺二三四五六七八九';

describe('kiosk read aloud with a real Mandarin voice', () => {
  const kiosk = {} as { t: TestHall };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    kiosk.t = await startKioskHall();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(() => kiosk.t?.hall.close());

  async function newContext(options: { viewport: { width: number; height: number } }): Promise<BrowserContext> {
    const context = await launchChromiumProfile(SPEECH_ARGS, {
      hasTouch: true,
      locale: 'zh-CN',
      env: speechEnv(),
      ...options,
    });
    contexts.push(context);
    return context;
  }

  async function openKiosk(context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await newContext({ viewport: { width: 1080, height: 1920 } }));
    await ctx.addInitScript(recordSpeech);
    const page = await ctx.newPage();
    await page.goto(`${kiosk.t.hall.url}/kiosk#device=${kiosk.t.hall.localKioskToken}`);
    await page.waitForSelector(`${tid('kiosk-root')}[data-device="authorised"]`);
    // the voice list arrives a moment after start
    await page.waitForSelector(`${tid('kiosk-root')}:not([data-voice="loading"])`, { timeout: 20_000 });
    const voice = await page.getAttribute(tid('kiosk-root'), 'data-voice');
    if (voice === 'none')
      throw new Error(`no Mandarin voice in Chromium: apt-get install -y ${SPEECH_PACKAGES} (as .ci/run does)`);
    return page;
  }

  it('reads a posting: trade, pay, district and every phone digit, in Mandarin, and stops on the next touch', async () => {
    const page = await openKiosk();
    await page.tap(tid('start-find'));
    await page.waitForSelector(tid('posting-card'));
    const id = await page.getAttribute(tid('posting-card'), 'data-posting-id');
    const posting = await page.evaluate(async () => {
      const r = await fetch('/api/kiosk/listings?limit=1');
      return ((await r.json()) as { listings: PublicPosting[] }).listings[0]!;
    });
    expect(posting.id).toBe(id);
    await page.tap(tid('posting-card'));
    await page.waitForSelector(tid('posting-detail'));
    await page.screenshot({ path: screenshotPath('kiosk-voice-portrait-detail.png') });

    await page.tap(tid('read-aloud'));
    await page.waitForFunction(() => speechSynthesis.speaking || speechSynthesis.pending);
    const said = await speech(page);
    const text = said.spoken.map((s) => s.text).join('');
    expect(said.spoken.length).toBeGreaterThan(0);
    expect(said.spoken.every((s) => /^(zh|cmn)/i.test(s.lang) && s.voice !== null)).toBe(true);
    expect(text).toContain(ZH.occupation[posting.occupation]);
    expect(text).toContain(String(posting.payMin));
    if (posting.payMax !== null) expect(text).toContain(String(posting.payMax));
    expect(text).toContain(formatDistrict(posting.districtCode));
    const digits = [...posting.contactPhone.replace(/\D/g, '')].map((d) => ZH_DIGIT[Number(d)]).join('');
    expect(digits.length).toBeGreaterThanOrEqual(7);
    expect(text.replace(/[，,\s]/g, '')).toContain(digits);
    // the real engine started speaking
    await page.waitForFunction(
      () => (window as unknown as { __speech: { started: number } }).__speech.started > 0,
      undefined,
      { timeout: 30_000 },
    );

    // any touch elsewhere stops it
    await page.tap('.detail-title');
    await page.waitForFunction(() => !speechSynthesis.speaking && !speechSynthesis.pending);
    expect((await speech(page)).cancels).toBeGreaterThan(0);
  });

  it('reads each step by itself with "always read aloud", never the phone number typed', async () => {
    const page = await openKiosk();
    await page.tap(tid('toggle-always-read'));
    expect(await page.getAttribute(tid('toggle-always-read'), 'aria-pressed')).toBe('true');
    await page.tap(tid('start-register'));
    await page.waitForFunction(() =>
      (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken.some((s) => s.text.includes('同意')),
    );
    await page.tap(tid('consent-agree'));
    await page.waitForFunction(() =>
      (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken.some((s) => s.text.includes('手机号')),
    );
    await typePhone(page, '13912345678');
    await page.tap(tid('read-aloud'));
    await page.waitForFunction(() => speechSynthesis.speaking || speechSynthesis.pending);
    const text = await spokenText(page);
    expect(text).not.toMatch(/139|幺三九|1234|5678/);
    await page.screenshot({ path: screenshotPath('kiosk-voice-portrait-phone.png') });
  });

  it('stops talking when the idle timer wipes the kiosk, and reports its voice to staff', async () => {
    const context = await newContext({ viewport: { width: 1920, height: 1080 } });
    await context.clock.install();
    const page = await openKiosk(context);
    await context.clock.pauseAt(Date.now() + 60_000);
    await page.tap(tid('start-register'));
    await page.tap(tid('read-aloud'));
    await page.waitForFunction(() => speechSynthesis.speaking || speechSynthesis.pending);
    const cancelsBefore = (await speech(page)).cancels;
    await context.clock.runFor(91_000);
    await page.waitForSelector(tid('idle-warning'));
    await context.clock.runFor(21_000);
    await page.waitForSelector(tid('start-screen'));
    await page.waitForFunction(() => !speechSynthesis.speaking && !speechSynthesis.pending);
    expect((await speech(page)).cancels).toBeGreaterThan(cancelsBefore);
    expect(await page.getAttribute(tid('toggle-always-read'), 'aria-pressed')).toBe('false');

    const status = kiosk.t.hall.kiosk.statuses.of(LOCAL_KIOSK_ID);
    expect(status?.voice).toMatch(/Chinese|Mandarin|普通话|中文/i);
  });
});

describe('kiosk without a Mandarin voice', () => {
  const kiosk = kioskInChromium();

  it('shows no 朗读 button, and staff are told the PC has no voice', async () => {
    const context = await kiosk.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${kiosk.t.hall.url}/kiosk#device=${kiosk.t.hall.localKioskToken}`);
    await page.waitForSelector(`${tid('kiosk-root')}[data-voice="none"]`, { timeout: 20_000 });
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    expect(await page.locator(tid('read-aloud')).count()).toBe(0);
    expect(await page.locator(tid('toggle-always-read')).count()).toBe(0);
    await expect.poll(() => kiosk.t.hall.kiosk.statuses.of(LOCAL_KIOSK_ID)).toMatchObject({ voice: null });
  });
});
