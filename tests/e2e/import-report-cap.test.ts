/**
 * A file of thousands of bad rows in the console (Chromium, 1366×768): the report lists the
 * first 200 problem rows by row number, says how many more there are, and hands over the whole
 * list as a spreadsheet (UTF-8 with a BOM, in Chinese) — rather than putting thousands of table
 * rows into the page.
 */
import { describe, expect, it } from 'vitest';
import { bigImportRow, dates, HEADER, utf8Csv } from '../fixtures/import/import-sheets';
import { screenshotPath } from '../support/browser';
import { consoleInChromium } from '../support/staff-console';

const ROWS = 3000;
const PHONE = HEADER.indexOf('联系电话');

describe('an import report of thousands of problem rows (Chromium, 1366×768)', () => {
  const staff = consoleInChromium({ tab: 'postings', watch: { warnings: false } });

  it('lists the first 200 by row number, says how many more, and downloads them all', async () => {
    const { page, problems } = staff;
    expect(PHONE).toBeGreaterThan(0);
    const { from, until } = dates(Date.now());
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const row = bigImportRow(i + 1, 'BAD', from, until).map(String);
      row[PHONE] = '电话待定';
      return row;
    });
    await page.setInputFiles('[data-testid="import-file"]', {
      name: '三千行.csv',
      mimeType: 'text/csv',
      buffer: utf8Csv([[...HEADER], ...rows], true),
    });
    await page.click('[data-testid="import-check"]');
    const report = await page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 });
    expect(await report.getAttribute('data-rejected')).toBe(String(ROWS));
    const shown = await page.$$eval('[data-testid="import-error-row"]', (els) =>
      els.map((e) => e.getAttribute('data-row')),
    );
    expect(shown).toHaveLength(200);
    expect(shown[0]).toBe('2');
    expect(shown.at(-1)).toBe('201');
    expect(await page.textContent('[data-testid="import-errors-more"]')).toBe(
      '下面列出前 200 行；还有 2800 行没有列出，请下载完整的问题清单。',
    );
    await page.screenshot({ path: screenshotPath('console-import-report-capped-1366x768.png') });

    const download = page.waitForEvent('download');
    await page.click('[data-testid="import-errors-download"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('三千行-问题清单.csv');
    const chunks: Buffer[] = [];
    for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF行号,编号,问题');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toMatch(/^2,BAD-1,.*联系电话/);
    expect(lines.at(-1)).toMatch(new RegExp(`^${ROWS + 1},BAD-${ROWS},`));
    // the reasons in Chinese, without an English word
    for (const line of lines.slice(1)) expect(line.split(',').slice(2).join(',')).not.toMatch(/[A-Za-z]{2,}/);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
