/**
 * Proof of play in the console (Chromium, real host): the postings page says per posting what
 * it was shown this week, and the employer report — printable page and CSV — lists postings,
 * screens, times, minutes and the sign-ups each drew, with no personal data in it. The counts
 * come from the play store as the tracker writes them (tests/integration/host/proof-of-play
 * drives them from real board heartbeats).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SCREEN } from '../../shared/schemas/screen';
import { screenshotPath } from '../support/browser';
import { hallDay } from '../../electron/host/play/play-credit';
import { makePosting, validAround } from '../unit/db/fixtures';
import { postSignup, signup } from '../integration/kiosk/support/kiosk-harness';
import { consoleInChromium } from '../support/staff-console';

const SIGNUP_PHONE = '13912345678';
const SIGNUP_NAME = '王小明';

describe('proof of play in the console (Chromium)', () => {
  const staff = consoleInChromium({
    data: (now) => ({
      screens: [DEFAULT_SCREEN, { ...DEFAULT_SCREEN, id: '2', name: '二号屏' }],
      postings: [
        makePosting({ id: 'p-a', title: '叉车司机', employerName: '上饶市信江物流有限公司', ...validAround(now) }),
        makePosting({
          id: 'p-b',
          title: '保洁员',
          employerName: '广丰区洁美保洁服务部',
          occupation: 'cleaning',
          ...validAround(now),
        }),
      ],
    }),
  });
  let page: Page;
  const today = hallDay(Date.now());

  beforeAll(async () => {
    const { hall } = staff;
    // what the tracker would have written for two screens today
    hall.play.add(today, '1', 'p-a', 3, 120_000);
    hall.play.add(today, '2', 'p-a', 2, 60_000);
    const sent = await postSignup(
      hall.url,
      signup({ listingId: 'p-a', phone: SIGNUP_PHONE, name: SIGNUP_NAME }),
      hall.localKioskToken,
    );
    expect(sent.status).toBe(201);
  });

  it('shows this week’s play under each posting', async () => {
    page = await staff.open('postings', { width: 1366, height: 900 });
    const line = (id: string) =>
      page.locator(`[data-testid="posting-row"][data-posting-id="${id}"] [data-testid="posting-play"]`);
    await expect.poll(() => line('p-a').textContent(), { timeout: 30_000 }).toBe('本周展示 5 次 · 2 块屏 · 共 3 分钟');
    expect(await line('p-b').textContent()).toBe('本周未上屏');
  });

  it('opens the printable employer report: posting, screens, times, minutes, sign-ups, and no personal data', async () => {
    await page.fill('[data-testid="play-employer"]', '信江物流');
    await page.click('[data-testid="play-printable"]');
    await page.waitForSelector('[data-testid="play-report-row"]');
    const rows = await page.$$eval('[data-testid="play-report-row"]', (els) =>
      els.map((e) => [e.getAttribute('data-posting-id'), ...[...e.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    expect(rows).toEqual([['p-a', '叉车司机p-a', '上饶市信江物流有限公司', '2', '5', '3', '1']]);
    const text = (await page.textContent('[data-testid="play-report"]')) ?? '';
    expect(text).toContain(`信江物流 · 岗位展示报告 ${hallDay(Date.now() - 6 * 86_400_000)} 至 ${today}`);
    for (const personal of [SIGNUP_PHONE, SIGNUP_NAME, '13812348000', '王经理']) expect(text).not.toContain(personal);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('console-play-report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: screenshotPath('console-play-report-1366x900.png'), fullPage: true });
  });

  it('exports the report as CSV for staff only', async () => {
    const { hall, token } = staff;
    const url = `${hall.url}/api/staff/play/report.csv?from=${today}&to=${today}`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      '岗位编号,岗位,用人单位,展示屏幕数,展示次数,展示分钟,报名人数',
      'p-a,叉车司机,上饶市信江物流有限公司,2,5,3,1',
    ]);
    for (const personal of [SIGNUP_PHONE, SIGNUP_NAME, '13812348000']) expect(csv).not.toContain(personal);
    // a report of more than a year, or backwards, is refused with a clear error
    const bad = await fetch(`${hall.url}/api/staff/play/report?from=${today}&to=2020-01-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
  });
});
