/**
 * Re-measures the table in text-width-model.ts: the advance of every printable ASCII character
 * (and the non-ASCII marks boards draw) in the bundled Noto Sans SC, regular and bold, as
 * Chromium lays it out. Run by hand when the font changes:
 *
 *   node --import tsx tests/support/measure-font-advances.ts
 *
 * It prints the widest of the two weights per character, in em, rounded up to 3 decimals.
 */
import { launchChromium } from './browser';
import { startTestHall } from './in-process-hall';

const EXTRA = '…·–—−✓◆\u3000（）【】，。：；、！？￥元中国工人¥•';

const hall = await startTestHall();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${hall.url}/board/1`);
  await page.waitForSelector('[data-testid="board-item"]');
  const chars = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...EXTRA];
  const widths = await page.evaluate(async (all) => {
    const text = all.join('');
    await document.fonts.load(`400 100px "Noto Sans SC"`, text);
    await document.fonts.load(`700 100px "Noto Sans SC"`, text);
    const ctx = document.createElement('canvas').getContext('2d')!;
    const out: Record<string, number> = {};
    for (const ch of all) {
      let w = 0;
      for (const weight of [400, 700]) {
        ctx.font = `${weight} 1000px "Noto Sans SC"`;
        w = Math.max(w, ctx.measureText(ch).width / 1000);
      }
      out[ch] = w;
    }
    return out;
  }, chars);
  for (const [ch, w] of Object.entries(widths))
    console.log(JSON.stringify(ch), (Math.ceil(w * 1000) / 1000).toFixed(3));
} finally {
  await browser.close();
  await hall.close();
}
