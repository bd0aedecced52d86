import { describe, expect, it } from 'vitest';
import { PrintSlipSchema } from '../../../shared/shell-bridge';
import {
  escapeHtml,
  findPrinter,
  slipDataUrl,
  slipDate,
  slipHtml,
  slipLengthMm,
  slipPrintOptions,
} from '../../../electron/windows/slip';

const AT = new Date(2026, 2, 10, 9, 5, 0, 0).getTime();
const slip = PrintSlipSchema.parse({ id: 'x1', number: 'A-0427', listingTitle: '装修小工 <急>', listingId: 'L-1001' });

describe('slipHtml', () => {
  const html = slipHtml(slip, AT, { paperWidthMm: 80 });

  it('prints the number, the posting, its id and the local date, as the confirmation screen says them', () => {
    expect(html).toContain('<p class="number">A-0427</p>');
    expect(html).toContain('已报名 · Applied for');
    expect(html).toContain('装修小工 &lt;急&gt;');
    expect(html).toContain('岗位编号 Posting L-1001');
    expect(html).toContain('2026-03-10 09:05');
    expect(html).toContain('请凭此号到服务窗口报号');
  });

  it('allows nothing but inline styles, and sizes the page to the roll', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<img|<link|https?:/i);
    expect(html).toContain('@page { size: 80mm 110mm; margin: 0 }');
    expect(slipHtml(slip, AT, { paperWidthMm: 58 })).toContain('width: 50mm');
  });

  it('leaves the posting lines out of a slip without a posting', () => {
    const bare = slipHtml(PrintSlipSchema.parse({ id: 'x2', number: 'B-0001' }), AT, { paperWidthMm: 80 });
    expect(bare).toContain('B-0001');
    expect(bare).not.toContain('Applied for');
  });

  it('lists the postings that fit the person now under their count, and grows the paper for them', () => {
    const withMatches = PrintSlipSchema.parse({
      id: 'x3',
      number: 'A-0428',
      matchCount: 7,
      matches: [
        { title: '搬运装卸 · 仓库搬运 <夜班>', pay: '200–260 元/天', where: '信州区 · 电话 138 1234 8000' },
        { title: '搬运装卸 · 装车工', pay: '25 元/时', where: '广丰区 · 展位 B-12' },
      ],
    });
    const page = slipHtml(withMatches, AT, { paperWidthMm: 80 });
    expect(page).toContain('现在有 7 个适合您的岗位');
    expect(page).toContain('7 postings fit you now');
    expect(page).toContain('搬运装卸 · 仓库搬运 &lt;夜班&gt;');
    expect(page).toContain('<b>25 元/时</b>');
    expect(page).toContain('广丰区 · 展位 B-12');
    expect(slipLengthMm(withMatches)).toBe(110 + 12 + 2 * 17);
    expect(page).toContain(`@page { size: 80mm ${slipLengthMm(withMatches)}mm; margin: 0 }`);
    expect(slipPrintOptions({ name: 'EPSON_TM_T88', paperWidthMm: 80 }, slipLengthMm(withMatches)).pageSize).toEqual({
      width: 80_000,
      height: 156_000,
    });
    // none fit: no heading, the base length
    expect(html).not.toContain('适合您的岗位');
    expect(slipLengthMm(slip)).toBe(110);
  });

  it('refuses more postings than the slip prints, and any field beyond the posting ones', () => {
    const one = { title: '保洁 · 家政保洁', pay: '30 元/时', where: '信州区 · 电话 138 1234 8000' };
    expect(() =>
      PrintSlipSchema.parse({ id: 'x4', number: 'A-0429', matchCount: 9, matches: [one, one, one, one] }),
    ).toThrow();
    expect(() =>
      PrintSlipSchema.parse({ id: 'x4', number: 'A-0429', matchCount: 1, matches: [{ ...one, phone: '13800001111' }] }),
    ).toThrow();
  });

  it('round-trips through its data: URL', () => {
    const url = slipDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(html);
  });
});

describe('slip helpers', () => {
  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    ['普通文字', '普通文字'],
  ])('escapes %s', (text, want) => {
    expect(escapeHtml(text)).toBe(want);
  });

  it('writes dates with leading zeros in local time', () => {
    expect(slipDate(new Date(2026, 0, 2, 3, 4).getTime())).toBe('2026-01-02 03:04');
  });

  it('prints silently, in black, to the printer by its OS name, on the roll’s width', () => {
    expect(slipPrintOptions({ name: 'EPSON_TM_T88', paperWidthMm: 80 }, 110)).toMatchObject({
      silent: true,
      deviceName: 'EPSON_TM_T88',
      printBackground: false,
      color: false,
      copies: 1,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 110_000 },
    });
  });

  const printers = [
    { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404' },
    { name: 'EPSON_TM_T88V', displayName: 'EPSON TM-T88V Receipt' },
  ];
  it.each([
    { configured: 'EPSON_TM_T88V', want: 'EPSON_TM_T88V' },
    { configured: 'EPSON TM-T88V Receipt', want: 'EPSON_TM_T88V' },
    { configured: 'epson tm-t88v receipt', want: 'EPSON_TM_T88V' },
    { configured: ' EPSON_TM_T88V ', want: 'EPSON_TM_T88V' },
    { configured: 'EPSON', want: null },
    { configured: 'Star TSP100', want: null },
  ])('finds "$configured" → $want', ({ configured, want }) => {
    expect(findPrinter(printers, configured)?.name ?? null).toBe(want);
  });
});
