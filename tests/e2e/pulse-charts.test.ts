/**
 * The market pulse's charts in the console at 1366×768, in real Chromium against a real
 * standalone host with the demo data: beside the table, drawn as SVG with Chinese legends, axis
 * names and day labels (no English word), a day without a snapshot a break in the line, the
 * week against last year's in words, the trade picker redrawing them, and no console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { consoleInChromium } from '../support/staff-console';

const tid = (id: string) => `[data-testid="${id}"]`;
const svgText = (page: Page, chart: string) =>
  page.$$eval(`${tid(chart)} svg text`, (ts) => ts.map((t) => t.textContent ?? '').filter((s) => s.trim() !== ''));

describe('the market pulse charts at 1366×768', () => {
  const staff = consoleInChromium({ tab: 'pulse', watch: { warnings: true } });

  it('draws 90 days of demand and seekers beside the table, labelled in Chinese', async () => {
    const { page } = staff;
    await page.waitForSelector(`${tid('pulse-chart-daily')} svg text`, { state: 'attached', timeout: 30_000 });
    const texts = await svgText(page, 'pulse-chart-daily');
    // the legend and the line ends name both lines; the axis says what it counts
    expect(texts.filter((s) => s === '用工需求').length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((s) => s === '求职人数').length).toBeGreaterThanOrEqual(2);
    expect(texts).toContain('人数');
    expect(texts).toContain('今天');
    expect(texts.some((s) => /^\d{1,2}月\d{1,2}日$/.test(s))).toBe(true);
    for (const s of texts) expect(s).not.toMatch(/[A-Za-z]/);

    // beside the table, both whole in the window's width
    const table = (await page.locator(tid('pulse-table')).boundingBox())!;
    const chart = (await page.locator(tid('pulse-chart-daily')).boundingBox())!;
    expect(chart.x).toBeGreaterThanOrEqual(table.x + table.width);
    expect(chart.y).toBeLessThan(table.y + table.height);
    expect(chart.x + chart.width).toBeLessThanOrEqual(1366);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: screenshotPath('console-1366-pulse-charts.png') });
  });

  it('breaks the line on a day with no snapshot, as the data says', async () => {
    const { page } = staff;
    const history = await page.evaluate(async () => {
      const r = await fetch('/api/staff/pulse/history', {
        headers: { authorization: `Bearer ${sessionStorage.getItem('hall-staff-token')}` },
      });
      return (await r.json()) as { total: { demand: (number | null)[] } };
    });
    const gaps = history.total.demand.filter((d) => d === null).length;
    // the demo's holiday and its day off
    expect(gaps).toBe(4);
    // a broken line is drawn as more than one piece: ECharts draws each run of days as its own path
    const pieces = await page.$$eval(`${tid('pulse-chart-daily')} svg path[fill="none"]`, (ps) => ps.length);
    expect(pieces).toBeGreaterThanOrEqual(4);
  });

  it('sets this week against the same week last year, in words, for the trade picked', async () => {
    const { page, problems } = staff;
    await page.waitForSelector(`${tid('pulse-chart-week')} svg text`, { state: 'attached' });
    const texts = await svgText(page, 'pulse-chart-week');
    expect(texts).toContain('本周');
    expect(texts).toContain('去年同周');
    expect(texts.some((s) => /^本周 \d+(\.\d)?$/.test(s))).toBe(true);
    expect(texts.some((s) => /^去年同周 \d+(\.\d)?$/.test(s))).toBe(true);
    for (const s of texts) expect(s).not.toMatch(/[A-Za-z]/);
    expect(await page.textContent(tid('pulse-chart-weeks'))).toMatch(/^本周（.+天日均） · 去年同周（\d{4}年第 \d+ 周/);

    const before = await svgText(page, 'pulse-chart-week');
    await page.selectOption(tid('pulse-chart-trade'), 'care');
    await page.waitForFunction(
      ([sel, old]) =>
        JSON.stringify([...document.querySelectorAll(`${sel} svg text`)].map((t) => t.textContent)) !== old,
      [tid('pulse-chart-week'), JSON.stringify(before)] as const,
    );
    expect(await page.getAttribute(tid('pulse-chart-daily'), 'aria-label')).toContain('保姆护工');
    await page.screenshot({ path: screenshotPath('console-1366-pulse-charts-care.png') });
    expect(problems).toEqual([]);
  });

  it('redraws its words in English when the console switches language', async () => {
    const { page, problems } = staff;
    await page.click(tid('language-toggle'));
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} svg text`)].some((t) => t.textContent === 'Wanted'),
      tid('pulse-chart-daily'),
    );
    const texts = await svgText(page, 'pulse-chart-daily');
    expect(texts).toContain('Seekers');
    expect(texts).toContain('Today');
    for (const s of [...texts, ...(await svgText(page, 'pulse-chart-week'))]) expect(s).not.toMatch(/\p{Script=Han}/u);
    await page.screenshot({ path: screenshotPath('console-1366-pulse-charts-en.png') });
    await page.click(tid('language-toggle'));
    expect(problems).toEqual([]);
  });
});
