/**
 * What staff put over the rotation: the emergency message (red, whole screen, until cleared),
 * urgent postings (a full-screen takeover for their first seconds, then a banner pinned to
 * the bottom edge, cycling when there are several), the hall notice line, and the identify
 * flash. From 8 m a banner alone is easy to miss when it appears; a takeover is not, but a
 * wall that stays taken over shows no postings at all — so both, one after the other.
 *
 * Every size is the plan's (never below its minimum glyph) or larger.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry } from '../../shared/schemas/board-plan';
import type { BoardAlerts, BoardUrgent, Identify } from '../../shared/schemas/urgent';
import { formatClock } from '../common/format-time';
import { useNow } from '../common/use-now';
import { NoticeLine } from './notice-line';
import { recordUrgentPaint } from './urgent-probe';
import './urgent.css';

/** How long a new urgent posting takes over the whole screen before it becomes a banner. */
export const TAKEOVER_MS = 8000;
/** With several urgent postings, the banner shows each this long. */
export const BANNER_CYCLE_MS = 8000;

/** Rough width of a string in ems: CJK and full-width forms 1, the rest about 0.55. */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
  return Math.max(1, n);
}

/** The biggest size that fits `text` in `lines` lines of `width`, capped, never below `floor`. */
function fitPx(text: string, width: number, lines: number, cap: number, floor: number): number {
  return Math.round(Math.max(floor, Math.min(cap, (width * lines) / (ems(text) * 1.05))));
}

export interface UrgentDisplay {
  kind: 'emergency' | 'takeover' | 'banner' | 'none';
  urgent: BoardUrgent | null;
  index: number;
  count: number;
}

/** Pure: what the layer shows at `now`. Newest posting first. */
export function urgentDisplay(alerts: BoardAlerts, now: number): UrgentDisplay {
  if (alerts.emergency) return { kind: 'emergency', urgent: null, index: 0, count: 0 };
  const list = [...alerts.urgent].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const newest = list[0];
  if (!newest) return { kind: 'none', urgent: null, index: 0, count: 0 };
  if (now - newest.createdAt < TAKEOVER_MS) return { kind: 'takeover', urgent: newest, index: 0, count: list.length };
  const index = Math.floor(now / BANNER_CYCLE_MS) % list.length;
  return { kind: 'banner', urgent: list[index]!, index, count: list.length };
}

interface Props {
  alerts: BoardAlerts;
  identify: Identify | null;
  geometry: BoardGeometry;
  viewport: { width: number; height: number };
  locale: string;
  now: () => number;
  /** Ids painted on this page at least once and still live (what the heartbeat confirms). */
  onShowing: (ids: string[]) => void;
}

export function UrgentLayer({ alerts, identify, geometry: g, viewport, locale, now, onShowing }: Props) {
  const { t } = useTranslation();
  const time = useNow(now, 1000);
  const display = urgentDisplay(alerts, time);
  const painted = useRef(new Set<string>());
  const visibleId = display.urgent?.id ?? null;
  const liveKey = alerts.urgent.map((u) => u.id).join(',');
  const emergency = display.kind === 'emergency';

  // After the DOM update: in the next frame it is on screen; record it just after that frame.
  useLayoutEffect(() => {
    const live = new Set(alerts.urgent.map((u) => u.id));
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    frame = requestAnimationFrame(() => {
      // The frame that draws the update starts now; the bookkeeping waits until it is done.
      const frameAt = Date.now();
      timer = setTimeout(() => {
        for (const id of painted.current) if (!live.has(id)) painted.current.delete(id);
        if (visibleId !== null && !emergency) painted.current.add(visibleId);
        if (emergency) painted.current.clear();
        recordUrgentPaint(visibleId !== null ? [visibleId] : [], frameAt);
        onShowing([...painted.current].sort());
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [visibleId, liveKey, emergency, onShowing]);

  const width = viewport.width - 2 * g.paddingPx;
  const floorTitle = Math.max(g.minGlyphPx, g.titlePx);
  const floorBody = Math.max(g.minGlyphPx, g.bodyPx);
  const floorHeader = Math.max(g.minGlyphPx, g.headerPx);

  return (
    <>
      {alerts.notice && !emergency ? <NoticeLine text={alerts.notice.title} label={t('board.urgentAlert.noticeLabel')} /> : null}
      {display.kind === 'banner' && display.urgent ? (
        <div className={`urgent-banner${alerts.notice ? ' urgent-banner--above-notice' : ''}`} data-testid="urgent-banner" data-urgent-id={display.urgent.id} role="alert">
          <span className="urgent-banner__tag">{t('board.urgentAlert.tag')}</span>
          <span className="urgent-banner__title">{display.urgent.title}</span>
          {display.urgent.body ? <span className="urgent-banner__body">{display.urgent.body}</span> : null}
          {display.count > 1 ? <span className="urgent-banner__count">{t('board.pageIndicator', { current: display.index + 1, total: display.count })}</span> : null}
        </div>
      ) : null}
      {display.kind === 'takeover' && display.urgent ? (
        <div className="urgent-takeover" data-testid="urgent-takeover" data-urgent-id={display.urgent.id} role="alert">
          <div className="urgent-takeover__tag" style={{ fontSize: Math.round(Math.max(floorHeader, Math.min(viewport.height * 0.075, width / 10))) }}>
            {t('board.urgentAlert.tag')}
            {display.count > 1 ? ` · ${t('board.urgentAlert.more', { count: display.count - 1 })}` : ''}
          </div>
          <div className="urgent-takeover__title" style={{ fontSize: fitPx(display.urgent.title, width, 2, viewport.height * 0.2, floorTitle) }}>
            {display.urgent.title}
          </div>
          {display.urgent.body ? (
            <div className="urgent-takeover__body" style={{ fontSize: fitPx(display.urgent.body, width, 3, viewport.height * 0.08, floorBody) }}>
              {display.urgent.body}
            </div>
          ) : null}
          <div className="urgent-takeover__until" style={{ fontSize: Math.round(Math.max(floorHeader, viewport.height * 0.05)) }}>
            {t('board.urgentAlert.until', { time: formatClock(display.urgent.expiresAt, locale) })}
          </div>
        </div>
      ) : null}
      {emergency && alerts.emergency ? (
        <div className="emergency" data-testid="emergency-takeover" role="alert">
          <div className="emergency__tag" style={{ fontSize: Math.round(Math.max(floorHeader, Math.min(viewport.height * 0.09, width / 8))) }}>
            {t('board.urgentAlert.emergencyTag')}
          </div>
          <div className="emergency__title" style={{ fontSize: fitPx(alerts.emergency.title, width, 2, viewport.height * 0.22, floorTitle) }}>
            {alerts.emergency.title}
          </div>
          {alerts.emergency.body ? (
            <div className="emergency__body" style={{ fontSize: fitPx(alerts.emergency.body, width, 3, viewport.height * 0.09, floorBody) }}>
              {alerts.emergency.body}
            </div>
          ) : null}
        </div>
      ) : null}
      {identify ? (
        <div className="identify" data-testid="identify-flash">
          <div className="identify__name" style={{ fontSize: fitPx(identify.name, width, 1, viewport.height * 0.25, floorTitle) }}>
            {identify.name}
          </div>
          <div className="identify__id" style={{ fontSize: floorHeader }}>
            {t('board.urgentAlert.identifyId', { id: identify.screenId, width: viewport.width, height: viewport.height })}
          </div>
        </div>
      ) : null}
    </>
  );
}
