import type { WebContentsPrintOptions } from 'electron';
import type { PrintSlip } from '../../shared/shell-bridge';

// Pure: the kiosk's confirmation slip as a small HTML page for a receipt printer, and the print
// options that send it there without a dialog. It says what the kiosk's confirmation screen
// says (renderer/kiosk/signup/done-step.tsx): the number, the posting applied for, where to go,
// and the best postings that fit the person now, so they can call about them from home.
// Chinese first, English second. Nothing personal: the schema has no phone or name to print.

export interface ReceiptPrinter {
  /** The printer's OS name (Electron's PrinterInfo.name), e.g. "EPSON TM-T88V Receipt". */
  name: string;
  /** Paper roll width: 80 mm (TM-T88 and most) or 58 mm. */
  paperWidthMm: 58 | 80;
}

/** Printable width of a roll: the head leaves about 4 mm each side. */
const PRINT_MARGIN_MM = 4;
/** Enough paper for the slip's lines; the printer's cutter ends it there. */
const SLIP_LENGTH_MM = 110;
/** The "现在有 N 个适合您的岗位" heading, and each posting's three lines under it. */
const MATCHES_HEADING_MM = 12;
const MATCH_MM = 17;

/** The slip's paper length: the base, plus the matching postings it lists. */
export function slipLengthMm(slip: Pick<PrintSlip, 'matchCount' | 'matches'>): number {
  return SLIP_LENGTH_MM + (slip.matchCount > 0 ? MATCHES_HEADING_MM + slip.matches.length * MATCH_MM : 0);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date and time the way a hall writes it: 2026-03-10 14:05. */
export function slipDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The slip page. Scripts are off in the window that prints it and the CSP allows nothing but
 * inline styles; every value is escaped even though the schema already keeps them plain.
 */
export function slipHtml(slip: PrintSlip, printedAt: number, printer: Pick<ReceiptPrinter, 'paperWidthMm'>): string {
  const width = printer.paperWidthMm - 2 * PRINT_MARGIN_MM;
  const posting = slip.listingTitle
    ? `<p class="label">已报名 · Applied for</p><p class="title">${escapeHtml(slip.listingTitle)}</p>` +
      (slip.listingId ? `<p class="small">岗位编号 Posting ${escapeHtml(slip.listingId)}</p>` : '')
    : '';
  const matches =
    slip.matchCount > 0
      ? [
          '<hr>',
          `<p class="label">现在有 ${slip.matchCount} 个适合您的岗位</p>`,
          `<p class="small">${slip.matchCount} ${slip.matchCount === 1 ? 'posting fits' : 'postings fit'} you now</p>`,
          ...slip.matches.map(
            (m) =>
              `<div class="match"><p class="match-title">${escapeHtml(m.title)}</p>` +
              `<p class="match-line"><b>${escapeHtml(m.pay)}</b></p><p class="match-line">${escapeHtml(m.where)}</p></div>`,
          ),
        ].join('\n')
      : '';
  const length = slipLengthMm(slip);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>报名凭条</title><style>',
    `@page { size: ${printer.paperWidthMm}mm ${length}mm; margin: 0 }`,
    `body { margin: 0 ${PRINT_MARGIN_MM}mm; width: ${width}mm; color: #000; background: #fff;`,
    '  font-family: "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif; text-align: center }',
    'h1 { font-size: 5mm; margin: 3mm 0 1mm } .label { font-size: 3.5mm; margin: 2mm 0 0 }',
    '.number { font-size: 13mm; font-weight: 700; letter-spacing: 0.5mm; margin: 1mm 0 }',
    '.title { font-size: 4.5mm; font-weight: 700; margin: 1mm 0 } .small { font-size: 3mm; margin: 1mm 0 }',
    'hr { border: 0; border-top: 0.3mm dashed #000; margin: 2mm 0 }',
    '.match { text-align: left; margin: 2mm 0 } .match-title { font-size: 4mm; font-weight: 700; margin: 0 }',
    '.match-line { font-size: 3.5mm; margin: 0.5mm 0 0 }',
    '</style></head><body>',
    '<h1>零工市场 报名凭条</h1><p class="small">Sign-up slip</p><hr>',
    '<p class="label">您的登记号 · Your number</p>',
    `<p class="number">${escapeHtml(slip.number)}</p>`,
    posting,
    matches,
    '<hr><p class="label">请凭此号到服务窗口报号</p><p class="small">Show this number at the service desk</p>',
    `<p class="small">${escapeHtml(slipDate(printedAt))}</p>`,
    '</body></html>',
  ].join('\n');
}

/** A data: URL of the page, for the hidden window that prints it. */
export function slipDataUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** Silent, to the named printer, black on white, one copy, the slip's own page size. */
export function slipPrintOptions(printer: ReceiptPrinter, lengthMm: number): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName: printer.name,
    printBackground: false,
    color: false,
    copies: 1,
    landscape: false,
    margins: { marginType: 'none' },
    // Microns.
    pageSize: { width: printer.paperWidthMm * 1000, height: lengthMm * 1000 },
  };
}

/**
 * The OS printer a configured name means: its exact OS name first, else the name shown in
 * print dialogs (staff copy whichever they see), case-insensitively. Null when none is there.
 */
export function findPrinter<P extends { name: string; displayName: string }>(
  printers: readonly P[],
  configured: string,
): P | null {
  const want = configured.trim().toLowerCase();
  return (
    printers.find((p) => p.name === configured) ??
    printers.find((p) => p.name.toLowerCase() === want || p.displayName.toLowerCase() === want) ??
    null
  );
}
