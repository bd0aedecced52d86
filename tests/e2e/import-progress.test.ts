/**
 * A big import in the console at 1366×768, as a staff member runs it: a 10,000-row XLSX shows
 * its progress (rows read / checked / written) before it finishes, goes on while staff look at
 * another tab, and ends with its report; a LibreOffice .ods is refused with a Chinese sentence
 * that says what to do. The page logs no console error, and the import panel holds no English.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigImportRow, dates, HEADER } from '../fixtures/import/import-sheets';
import { screenshotPath } from '../support/browser';
import { consoleInChromium } from '../support/staff-console';

const ROWS = 10_000;

async function bigXlsx(now: number): Promise<Buffer> {
  const { from, until } = dates(now);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(HEADER);
  for (let i = 1; i <= ROWS; i++) sheet.addRow(bigImportRow(i, 'BIG', from, until));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The panel's text with what may be Latin by right taken out: file names, formats, product names. */
const englishIn = (text: string) =>
  text
    .replace(/[\w（）()-]+\.(xlsx|csv|txt|ods|xls|et)\b/g, '')
    .replace(/\.(xlsx|csv|txt|ods|xls|et)\b/g, '')
    .replace(/LibreOffice|WPS|Excel|UTF-8|GBK|XLSX|CSV|Unicode/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

describe('a big import in the console (Chromium, 1366×768)', () => {
  const staff = consoleInChromium({ tab: 'postings' });
  /** Console errors by the step they came in. */
  const consoleErrors: Record<'big' | 'ods', string[]> = { big: [], ods: [] };
  let step: 'big' | 'ods' = 'big';

  beforeAll(() => {
    staff.page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors[step].push(m.text());
    });
    staff.page.on('pageerror', (e) => consoleErrors[step].push(e.message));
  });

  it('shows rows read / checked / written before a 10,000-row XLSX finishes, and goes on across tabs', async () => {
    const { page, hall, token } = staff;
    await page.setInputFiles('[data-testid="import-file"]', {
      name: '岗位-一万行.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await bigXlsx(Date.now()),
    });
    expect(await page.textContent('[data-testid="import-file-name"]')).toBe('岗位-一万行.xlsx');
    await page.click('[data-testid="import-run"]');
    // the host's own numbers, on screen while the import runs (no report yet)
    await page.waitForFunction(
      () => {
        const p = document.querySelector('[data-testid="import-progress"]');
        return (
          p !== null &&
          document.querySelector('[data-testid="import-report"]') === null &&
          ['checking', 'writing'].includes(p.getAttribute('data-phase') ?? '') &&
          Number(p.getAttribute('data-read')) === 10_000
        );
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const bar = await page.$eval('[data-testid="import-progress"]', (p) => ({
      text: (p as HTMLElement).innerText,
      value: Number(p.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')),
    }));
    expect(bar.text).toContain('已读取 10000 行');
    expect(bar.text).toMatch(/已检查 \d+ \/ 10000 行/);
    expect(bar.value).toBeGreaterThanOrEqual(20);
    expect(bar.value).toBeLessThan(100);
    expect(englishIn(bar.text)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-import-progress-1366x768.png') });

    // away to another tab and back while it runs: the import goes on, its progress or report is there
    await page.click('[data-testid="tab-signups"]');
    await page.waitForSelector('[data-testid="import-panel"]', { state: 'detached' });
    await page.click('[data-testid="tab-postings"]');
    await page.waitForSelector('[data-testid="import-progress"], [data-testid="import-report"]');
    const report = await page.waitForSelector('[data-testid="import-report"]', { timeout: 180_000 });
    expect(await report.getAttribute('data-imported')).toBe(String(ROWS));
    expect(await report.getAttribute('data-rejected')).toBe('0');
    expect(await page.$('[data-testid="import-progress"]')).toBeNull();
    const listed = await fetch(`${hall.url}/api/staff/postings?hallOnly=1&limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ total: number }>);
    expect(listed.total).toBe(ROWS);
  });

  it('refuses a LibreOffice .ods by name, in Chinese, with what to do', async () => {
    step = 'ods';
    const { page } = staff;
    await page.setInputFiles('[data-testid="import-file"]', {
      name: '岗位.ods',
      mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
      buffer: readFileSync('tests/fixtures/import/postings-libreoffice.ods'),
    });
    await page.click('[data-testid="import-check"]');
    const error = await page.waitForSelector('[data-testid="import-error"]');
    expect(await error.textContent()).toBe(
      '这是 LibreOffice/WPS 的 .ods 文件，请在 LibreOffice 或 WPS 里“另存为” .xlsx 或 .csv 再导入。',
    );
    const panel = await page.$eval('[data-testid="import-panel"]', (p) => (p as HTMLElement).innerText);
    expect(englishIn(panel)).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-import-ods-1366x768.png') });
  });

  it('logged no console error on the page: none for the big import, for the refusal only the browser’s own line for its 415', () => {
    expect(consoleErrors.big).toEqual([]);
    expect(consoleErrors.ods).toEqual([
      'Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)',
    ]);
  });
});
