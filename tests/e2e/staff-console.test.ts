/**
 * The staff console as a hall worker meets it at 1366×768, in real Chromium against a real
 * host: the emergency screen two clicks from any tab, text-size rules in plain words with the
 * letter height beside them, no console error on any tab, and a screenshot of every tab.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { consoleInChromium, watchConsole } from '../support/staff-console';
import { signup } from '../integration/kiosk/support/kiosk-harness';

const TABS = ['urgent', 'postings', 'signups', 'matches', 'pulse', 'screens', 'audit'] as const;
const tid = (id: string) => `[data-testid="${id}"]`;

describe('staff console at 1366×768', () => {
  const suite = consoleInChromium();

  const emergency = async () => {
    const r = await fetch(`${suite.hall.url}/api/urgent`, { headers: { authorization: `Bearer ${suite.token}` } });
    return ((await r.json()) as { emergency: { title: string } | null }).emergency;
  };

  async function consoleOn(tab: (typeof TABS)[number]): Promise<{ page: Page; problems: string[] }> {
    const page = await suite.open(tab);
    return { page, problems: watchConsole(page, { warnings: true }) };
  }

  it('puts the emergency screen up from the postings tab in two clicks, and ends it in one', async () => {
    const { page } = await consoleOn('postings');
    await page.click(tid('emergency-open'));
    await page.screenshot({ path: screenshotPath('console-1366-emergency-confirm.png') });
    await page.click(tid('emergency-set'));
    await page.waitForSelector(tid('emergency-current'));
    expect((await emergency())?.title).toBe('请立即有序疏散');
    await page.screenshot({ path: screenshotPath('console-1366-emergency-live.png') });
    await page.click(tid('emergency-clear'));
    await page.waitForSelector(tid('emergency-open'));
    expect(await emergency()).toBeNull();
    await page.close();
  });

  it('names the text-size rules by what they mean, with the letter height at the screen’s distance', async () => {
    const { page } = await consoleOn('screens');
    await page.click(`${tid('screen-edit')} >> nth=0`);
    // in place, under its row, saying which screen it edits
    expect(await page.textContent(tid('screen-editor-title'))).toBe('调整屏幕：大厅主屏');
    const rowBottom = (await page.locator(`${tid('screen-row')} >> nth=0`).boundingBox())!;
    const editorTop = (await page.locator(tid('screen-editor')).boundingBox())!;
    expect(editorTop.y).toBeGreaterThanOrEqual(rowBottom.y + rowBottom.height - 1);
    expect(editorTop.y - (rowBottom.y + rowBottom.height)).toBeLessThan(120);
    await page.screenshot({ path: screenshotPath('console-1366-screen-editor.png'), fullPage: true });
    const options = await page.$$eval('option[data-testid^="rule-"]', (os) => os.map((o) => o.textContent ?? ''));
    expect(options).toHaveLength(3);
    expect(options[1]).toMatch(/^标准（适合大多数大厅） · \d+(\.\d+)? 米外最小字高 \d+ 毫米$/);
    for (const o of options) expect(o).not.toMatch(/ADA|英尺|加州/);
    await page.close();
  });

  it('names a paired kiosk and revokes it from the device list; its next sign-up is refused', async () => {
    // a browser kiosk pairs as it does on the hall network
    const asked = (await (await fetch(`${suite.hall.url}/api/kiosk/pairings`, { method: 'POST' })).json()) as {
      pairingId: string;
      code: string;
    };
    suite.hall.kiosk.approvePairing(asked.code, '王主任');
    const state = (await (await fetch(`${suite.hall.url}/api/kiosk/pairings/${asked.pairingId}`)).json()) as {
      token: string;
    };
    const postSignup = () =>
      fetch(`${suite.hall.url}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${state.token}` },
        body: JSON.stringify(signup()),
      });
    expect((await postSignup()).status).toBe(201);

    const { page, problems } = await consoleOn('screens');
    const kioskId = await page.getAttribute(`${tid('kiosk-item')}:has(${tid('kiosk-rename')})`, 'data-kiosk-id');
    const item = page.locator(`[data-kiosk-id="${kioskId}"]`);
    expect(await item.locator(tid('kiosk-name')).textContent()).toBe('未命名的一体机 1');
    await item.locator(tid('kiosk-rename')).click();
    await item.locator(tid('kiosk-label')).fill('入口左侧一体机');
    await item.locator(tid('kiosk-place')).fill('一楼大厅入口');
    await item.locator(tid('kiosk-name-save')).click();
    await page.waitForSelector(`${tid('kiosk-name')}:text-is("入口左侧一体机")`);
    expect(await item.textContent()).toContain('一楼大厅入口');
    await page.screenshot({ path: screenshotPath('console-1366-kiosks.png'), fullPage: true });

    page.once('dialog', (d) => void d.accept());
    await item.locator(tid('kiosk-revoke')).click();
    await page.waitForFunction(() => !document.body.innerText.includes('入口左侧一体机'));
    expect((await postSignup()).status).toBe(403);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names the sign-up behind a reveal (A-0001, not its id) with the reason given, filters by what, pages and exports', async () => {
    const kioskSignup = await fetch(`${suite.hall.url}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${suite.hall.localKioskToken}` },
      body: JSON.stringify(signup()),
    });
    const receipt = (await kioskSignup.json()) as { id: string; number: string };
    const staff = { 'content-type': 'application/json', authorization: `Bearer ${suite.token}` };
    const revealed = await fetch(`${suite.hall.url}/api/staff/signups/${receipt.id}/reveal`, {
      method: 'POST',
      headers: staff,
      body: JSON.stringify({ reason: '电话回访确认到岗' }),
    });
    expect(revealed.status).toBe(200);

    const { page, problems } = await consoleOn('audit');
    const reveal = page.locator(`${tid('audit-row')}[data-action="signup.reveal"]`).first();
    await reveal.waitFor();
    expect(await reveal.locator(tid('audit-target')).textContent()).toBe(`登记 ${receipt.number}`);
    expect(await reveal.locator(tid('audit-reason')).textContent()).toBe('电话回访确认到岗');
    expect(await page.locator('main').innerText()).not.toContain(receipt.id);

    await page.selectOption(tid('audit-action'), 'signup.reveal');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-row"]')].every(
        (r) => r.getAttribute('data-action') === 'signup.reveal',
      ),
    );
    await page.waitForSelector(`${tid('audit-pager-range')}:has-text("共 1 条")`);
    const download = page.waitForEvent('download');
    await page.click(tid('audit-export'));
    const csv = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of csv) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\uFEFF时间')).toBe(true);
    expect(text).toContain(`登记 ${receipt.number}`);
    expect(text).toContain('电话回访确认到岗');
    await page.screenshot({ path: screenshotPath('console-1366-audit-filtered.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists each sign-up with district, time, pay and posting, flags the same phone, and says a standalone hall keeps them', async () => {
    const post = async () => {
      const r = await fetch(`${suite.hall.url}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${suite.hall.localKioskToken}` },
        body: JSON.stringify(signup({ phone: '15077778888' })),
      });
      return ((await r.json()) as { number: string }).number;
    };
    const first = await post();
    const second = await post();
    const { page, problems } = await consoleOn('signups');
    const row = (n: string) => page.locator(`${tid('signup-row')}:has(strong:text-is("${n}"))`);
    await row(second).waitFor();
    expect(await row(second).locator(tid('signup-same-phone')).textContent()).toBe(`同一手机号之前还登记过 ${first}`);
    expect(await row(first).locator(tid('signup-same-phone')).textContent()).toBe(`重复：以更新的 ${second} 为准`);
    const wants = (await row(second).locator(tid('signup-wants')).textContent()) ?? '';
    for (const part of ['搬运装卸', '信州区', '今天就能上工', '期望 200元/天 起']) expect(wants).toContain(part);
    expect(await row(second).textContent()).toContain('本馆保存（未连接城市平台）');
    expect(await page.locator('main').innerText()).not.toContain('待上报平台');
    await page.screenshot({ path: screenshotPath('console-1366-signups.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pages through every posting of the hall, 100 at a time, on the host', async () => {
    const { page, problems } = await consoleOn('postings');
    // "第 1–" only once the postings are in ("第 0–0 条，共 0 条" until then)
    await page.waitForSelector(`${tid('postings-pager-range')}:has-text("第 1–")`);
    const total = Number(/共 (\d+) 条/.exec((await page.textContent(tid('postings-pager-range'))) ?? '')?.[1]);
    expect(total).toBeGreaterThan(200);
    const seen = new Set<string>();
    const rowIds = () =>
      page.$$eval('[data-testid="posting-row"]', (rows) => rows.map((r) => r.getAttribute('data-posting-id') ?? ''));
    for (let pageNo = 0, ids = await rowIds(); pageNo * 100 < total; pageNo++) {
      if (pageNo > 0) {
        await page.click(tid('postings-pager-next'));
        await page.waitForSelector(`${tid('postings-pager-range')}:has-text("第 ${pageNo * 100 + 1}–")`);
        // the range moves on the click; the rows when the next page has come (a busy machine is slow)
        const before = ids[0];
        await page.waitForFunction(
          (first) => document.querySelector('[data-testid="posting-row"]')?.getAttribute('data-posting-id') !== first,
          before,
        );
        ids = await rowIds();
      }
      expect(ids.length).toBe(Math.min(100, total - pageNo * 100));
      for (const id of ids) seen.add(id);
    }
    expect(seen.size).toBe(total);
    expect(await page.isDisabled(tid('postings-pager-next'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const tab of TABS) {
    it(`shows the ${tab} tab with no console error, in Chinese`, async () => {
      const { page, problems } = await consoleOn(tab);
      await page.waitForLoadState('load');
      await page.waitForSelector('main > *');
      await page.screenshot({ path: screenshotPath(`console-1366-${tab}.png`), fullPage: true });
      const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
      expect(text.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
