/**
 * The call list (待通知) in the console (Chromium, real host, 1366×768): a kiosk sign-up for
 * 搬运装卸 in 信州区 is listed with the matching posting and the reasons in words, masked; one
 * tap records 已通知 and the match leaves the list; a posting of another trade is never listed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { makePosting, validAround } from '../unit/db/fixtures';
import { postSignup, signup } from '../integration/kiosk/support/kiosk-harness';
import { consoleInChromium } from '../support/staff-console';

const PHONE = '13912345678';

describe('the call list in the console (Chromium)', () => {
  const staff = consoleInChromium({
    data: (now) => ({
      postings: [
        makePosting({
          id: 'm-moving',
          title: '搬运装卸工',
          occupation: 'moving',
          payMin: 260,
          payMax: 320,
          ...validAround(now),
        }),
        makePosting({ id: 'm-driving', title: '货车司机', occupation: 'driving', ...validAround(now) }),
      ],
    }),
  });
  let page: Page;
  let signupId: string;

  beforeAll(async () => {
    const body = signup({
      phone: PHONE,
      occupations: ['moving'],
      districts: ['361102'],
      availability: ['today'],
      expectedPay: 200,
      payUnit: 'day',
    });
    signupId = body.id;
    expect((await postSignup(staff.hall.url, body, staff.hall.localKioskToken)).status).toBe(201);
  });

  it('lists the person with the posting and why, masked, and fits 1366×768', async () => {
    page = await staff.open('matches');
    const row = page.locator(`[data-testid="match-row"][data-signup-id="${signupId}"][data-posting-id="m-moving"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('[data-testid="match-reasons"]').textContent()).toBe(
      '工种相同 · 同在信州区 · 日结 · 薪资高于期望',
    );
    expect(await row.locator('[data-testid="match-phone"]').textContent()).toBe('139****5678');
    expect(await page.locator('[data-posting-id="m-driving"]').count()).toBe(0);
    expect(await page.content()).not.toContain(PHONE);
    // the four outcomes are whole on screen, side by side, with nothing scrolled sideways
    const boxes = await Promise.all(
      ['notified', 'unreachable', 'unsuitable', 'placed'].map((o) =>
        row.locator(`[data-testid="match-${o}"]`).boundingBox(),
      ),
    );
    for (const b of boxes) {
      expect(b).not.toBeNull();
      expect(b!.x + b!.width).toBeLessThanOrEqual(1366);
      expect(b!.height).toBeGreaterThanOrEqual(28);
    }
    expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: screenshotPath('console-matches-1366x768.png') });
  });

  it('records 已通知 with one tap: the match leaves the list and shows under 已处理', async () => {
    const row = page.locator(`[data-testid="match-row"][data-posting-id="m-moving"]`);
    await row.locator('[data-testid="match-notified"]').click();
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('[data-testid="matches-note"]').textContent()).toContain('已通知');
    await page.click('[data-testid="matches-status-done"]');
    const done = page.locator(`[data-testid="match-row"][data-posting-id="m-moving"]`);
    await done.waitFor({ timeout: 30_000 });
    expect(await done.locator('[data-testid="match-outcome"]').textContent()).toBe('已通知 · 王主任');
    expect(staff.hall.matching.store.get(signupId, 'm-moving')?.outcome).toBe('notified');
    await page.screenshot({ path: screenshotPath('console-matches-done-1366x768.png') });
  });

  it('counts the call in the pulse page, per trade, in the console only', async () => {
    await page.click('[data-testid="tab-pulse"]');
    const row = page.locator('[data-testid="match-pulse-row"][data-occupation="moving"]');
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['搬运装卸', '1', '1']);
    expect(cells[3]).toMatch(/分钟|小时/);
    expect(cells[4]).toBe('0');
    await page.locator('[data-testid="match-pulse"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('console-match-pulse-1366x768.png') });
  });
});
