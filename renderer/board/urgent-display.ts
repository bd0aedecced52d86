/**
 * The urgent layer's decisions, pure so they are tested without a browser: what shows at a
 * moment (emergency, takeover, banner), what the takeover says, and how a banner fits its line.
 */
import { TAKEOVER_EVERY_MS, TAKEOVER_MS, type BoardAlerts, type BoardUrgent } from '../../shared/schemas/urgent';
import { textWidthPx } from '../../shared/planner/text-measure';

/** With several urgent postings, the banner shows each this long. */
export const BANNER_CYCLE_MS = 8000;

export interface UrgentDisplay {
  kind: 'emergency' | 'takeover' | 'banner' | 'none';
  urgent: BoardUrgent | null;
  index: number;
  count: number;
}

/**
 * Pure: what the layer shows at `now`. Newest posting first. A new posting takes over for
 * `forMs`; after that, while postings are live, one of them takes over again for `forMs` every
 * `everyMs` — in turn, and on absolute time, so every wall of the hall does it at once — so
 * whoever walks in after the first takeover still sees it big.
 */
export function urgentDisplay(alerts: BoardAlerts, now: number): UrgentDisplay {
  if (alerts.emergency) return { kind: 'emergency', urgent: null, index: 0, count: 0 };
  const list = [...alerts.urgent].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const newest = list[0];
  if (!newest) return { kind: 'none', urgent: null, index: 0, count: 0 };
  const { everyMs, forMs } = alerts.takeover ?? { everyMs: TAKEOVER_EVERY_MS, forMs: TAKEOVER_MS };
  if (now - newest.createdAt < forMs) return { kind: 'takeover', urgent: newest, index: 0, count: list.length };
  if (everyMs > 0 && now % everyMs < forMs) {
    const index = Math.floor(now / everyMs) % list.length;
    return { kind: 'takeover', urgent: list[index]!, index, count: list.length };
  }
  const index = Math.floor(now / BANNER_CYCLE_MS) % list.length;
  return { kind: 'banner', urgent: list[index]!, index, count: list.length };
}

/** What the takeover says under its title: the pay and phone unless the body already has them, then the body. */
export function takeoverBody(urgent: BoardUrgent): string {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const body = squash(urgent.body);
  const missing = [urgent.pay, urgent.phone].filter((p): p is string => !!p && !body.includes(squash(p)));
  return [...missing, urgent.body].filter((p) => p !== '').join(' · ');
}

/** urgent.css: gap between the banner's parts (0.75 of the plan's padding), tag padding 0.3 em each side. */
const GAP_OF_PAD = 0.75;
const TAG_PAD_EM = 0.6;
/** A body scroller narrower than this many characters is left out (the takeover showed it). */
const MIN_BODY_EM = 4;

export interface BannerFit {
  /** 'still': tag, title, pay and phone stand still; 'scroll': everything after the tag moves. */
  mode: 'still' | 'scroll';
  /** Room for the moving part, px (the body's in 'still', everything's in 'scroll'; 0: no body). */
  scrollRoomPx: number;
  /** Width of the moving text, px. */
  movingPx: number;
}

/** Pure: how a banner fits a line `widthPx` wide (inside its padding) at `fontPx`. */
export function fitBanner(
  parts: {
    tag: string;
    title: string;
    pay?: string | undefined;
    phone?: string | undefined;
    body: string;
    count: string;
  },
  widthPx: number,
  fontPx: number,
  padPx: number,
): BannerFit {
  const gap = Math.round(padPx * GAP_OF_PAD);
  const w = (s: string) => textWidthPx(s, fontPx);
  const tagW = w(parts.tag) + TAG_PAD_EM * fontPx;
  const fixed = [parts.title, parts.pay, parts.phone, parts.count].filter((s): s is string => !!s);
  const stillW = tagW + fixed.reduce((sum, s) => sum + w(s) + gap, 0);
  if (stillW <= widthPx) {
    const room = Math.floor(widthPx - stillW - gap);
    const bodyW = parts.body ? w(parts.body) : 0;
    if (!parts.body || room < MIN_BODY_EM * fontPx) return { mode: 'still', scrollRoomPx: 0, movingPx: 0 };
    return { mode: 'still', scrollRoomPx: room, movingPx: bodyW };
  }
  const moving = [parts.title, parts.pay, parts.phone, parts.body].filter((s): s is string => !!s).join('\u3000');
  const countW = parts.count ? w(parts.count) + gap : 0;
  return { mode: 'scroll', scrollRoomPx: Math.max(0, Math.floor(widthPx - tagW - gap - countW)), movingPx: w(moving) };
}
