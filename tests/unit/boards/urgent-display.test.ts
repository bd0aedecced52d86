import { describe, expect, it } from 'vitest';
import { fitBanner, takeoverBody, urgentDisplay } from '../../../renderer/board/urgent-display';
import { textWidthPx } from '../../../shared/planner/text-measure';
import { TAKEOVER_EVERY_MS, TAKEOVER_MS, type BoardAlerts, type BoardUrgent } from '../../../shared/schemas/urgent';

const T0 = 1_800_000_000_000; // a whole number of two-minute slots
const urgent = (id: string, createdAt: number, extra: Partial<BoardUrgent> = {}): BoardUrgent => ({
  id,
  title: `急招${id}`,
  body: '',
  listingId: null,
  createdAt,
  expiresAt: createdAt + 3600_000,
  ...extra,
});
const alerts = (list: BoardUrgent[], takeover?: BoardAlerts['takeover']): BoardAlerts => ({
  urgent: list,
  notice: null,
  emergency: null,
  ...(takeover ? { takeover } : {}),
});

describe('urgentDisplay: the takeover comes back while a posting is live', () => {
  it('takes over when new, shows the banner after, and takes over again every two minutes for 8 s', () => {
    const a = alerts([urgent('a', T0 + 5_000)]);
    expect(urgentDisplay(a, T0 + 5_000).kind).toBe('takeover');
    expect(urgentDisplay(a, T0 + 5_000 + TAKEOVER_MS - 1).kind).toBe('takeover');
    expect(urgentDisplay(a, T0 + 5_000 + TAKEOVER_MS).kind).toBe('banner');
    expect(urgentDisplay(a, T0 + TAKEOVER_EVERY_MS - 1).kind).toBe('banner');
    expect(urgentDisplay(a, T0 + TAKEOVER_EVERY_MS).kind).toBe('takeover');
    expect(urgentDisplay(a, T0 + TAKEOVER_EVERY_MS + TAKEOVER_MS - 1).kind).toBe('takeover');
    expect(urgentDisplay(a, T0 + TAKEOVER_EVERY_MS + TAKEOVER_MS).kind).toBe('banner');
    // in the slots of the next ten minutes: 8 s of takeover in every 120 s
    let takeoverMs = 0;
    for (let t = T0 + TAKEOVER_EVERY_MS; t < T0 + 6 * TAKEOVER_EVERY_MS; t += 500)
      if (urgentDisplay(a, t).kind === 'takeover') takeoverMs += 500;
    expect(takeoverMs).toBe(5 * TAKEOVER_MS);
  });

  it('takes the postings in turn, and never when the hall set it to 0', () => {
    const list = [urgent('a', T0 - 600_000), urgent('b', T0 - 500_000)];
    const seen = [0, 1, 2, 3].map((k) => urgentDisplay(alerts(list), T0 + k * TAKEOVER_EVERY_MS + 1).urgent!.id);
    expect(new Set(seen)).toEqual(new Set(['a', 'b']));
    const off = alerts(list, { everyMs: 0, forMs: TAKEOVER_MS });
    expect(urgentDisplay(off, T0 + TAKEOVER_EVERY_MS).kind).toBe('banner');
  });

  it('says the pay and phone in the takeover unless the body already does', () => {
    expect(takeoverBody(urgent('a', T0, { body: '到东门找李师傅', pay: '300元/天', phone: '138 0000 8000' }))).toBe(
      '300元/天 · 138 0000 8000 · 到东门找李师傅',
    );
    expect(
      takeoverBody(
        urgent('a', T0, { body: '日结 300元/天 电话 13800008000', pay: '300元/天', phone: '138 0000 8000' }),
      ),
    ).toBe('日结 300元/天 电话 13800008000');
  });
});

describe('fitBanner: title, pay and phone are never cut', () => {
  const parts = {
    tag: '紧急招聘',
    title: '急招叉车司机5人',
    pay: '300元/天',
    phone: '138 0000 8000',
    body: '到东门找李师傅',
    count: '',
  };

  it('keeps them still when they fit, and scrolls only the body in the room left', () => {
    const fit = fitBanner({ ...parts, body: '到东门找李师傅，'.repeat(20) }, 1920 - 26, 41, 13);
    expect(fit.mode).toBe('still');
    expect(fit.scrollRoomPx).toBeGreaterThan(4 * 41);
    expect(fit.movingPx).toBeGreaterThan(fit.scrollRoomPx);
  });

  it('moves everything after the tag when the line is too narrow for them, the phone whole within it', () => {
    const fit = fitBanner(
      { ...parts, title: '紧急招聘：高新区电子厂夜班普工二十名，包吃包住，月结五千元以上' },
      960 - 14,
      22,
      7,
    );
    expect(fit.mode).toBe('scroll');
    expect(fit.movingPx).toBeGreaterThan(fit.scrollRoomPx);
    expect(fit.movingPx).toBeGreaterThan(textWidthPx(parts.phone, 22));
  });

  it('leaves the body out when fewer than four characters of room are left', () => {
    const tight = fitBanner(
      parts,
      textWidthPx('紧急招聘急招叉车司机5人300元/天138 0000 8000', 33) + 60 + 3 * 33, // tag padding, gaps and three characters
      33,
      13,
    );
    expect(tight).toEqual({ mode: 'still', scrollRoomPx: 0, movingPx: 0 });
  });
});
