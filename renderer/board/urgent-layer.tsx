/**
 * What staff put over the rotation: the emergency message (red, whole screen, until cleared),
 * urgent postings (a full-screen takeover for their first seconds and again every two minutes,
 * then a banner pinned to the bottom edge with title, pay and phone, cycling when there are several), the hall notice line, and the identify
 * flash. From 8 m a banner alone is easy to miss when it appears; a takeover is not, but a
 * wall that stays taken over shows no postings at all — so both, one after the other.
 *
 * Every size is the plan's (never below its minimum glyph, shared/legibility.ts) or larger, and
 * text is measured with the planner's model (shared/planner/text-measure.ts).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry } from '../../shared/schemas/board-plan';
import { atLeastFloor } from '../../shared/legibility';
import { largestFittingPx, textWidthEm } from '../../shared/planner/text-measure';
import type { BoardAlerts, Identify } from '../../shared/schemas/urgent';
import { takeoverBody, urgentDisplay } from './urgent-display';
import { formatClock } from '../common/format-time';
import { useNow } from '../common/use-now';
import { NoticeLine } from './notice-line';
import { UrgentBanner } from './urgent-banner';
import { recordUrgentPaint } from './urgent-probe';
import './urgent.css';

/** Horizontal padding of a takeover, in the plan's paddings (urgent.css: `calc(var(--pad) * 2)`). */
const TAKEOVER_SIDE_PADS = 2;
/** The tag's own side padding, in its ems (urgent.css: `padding: 0 0.4em`). */
const TAG_PADDING_EM = 0.8;

/** A one-line label with side padding of its own: as big as `cap`, if it fits the width. */
function labelPx(text: string, width: number, cap: number, floor: number): number {
  return atLeastFloor(Math.min(cap, Math.floor(width / (textWidthEm(text) + TAG_PADDING_EM))), floor);
}

interface TakeoverSizes {
  /** Text width (viewport less padding) and viewport height, px. */
  width: number;
  height: number;
  floorTitle: number;
  floorBody: number;
  floorHeader: number;
  /** The tag is at most this share of the height and 1/tagPerWidth of the width. */
  tagShare: number;
  tagPerWidth: number;
  /** Title (2 lines) and body (3 lines) are at most these shares of the height. */
  titleShare: number;
  bodyShare: number;
}

/** A whole-screen message: a tag, a title as big as fits in two lines, a body in three. */
function Takeover(props: {
  block: string;
  testId: string;
  urgentId?: string;
  tag: string;
  title: string;
  body?: string | null | undefined;
  sizes: TakeoverSizes;
  children?: ReactNode;
}) {
  const { block, tag, title, body, sizes: z } = props;
  return (
    <div className={block} data-testid={props.testId} data-urgent-id={props.urgentId} role="alert">
      <div
        className={`${block}__tag`}
        style={{
          fontSize: labelPx(
            tag,
            z.width,
            Math.round(Math.min(z.height * z.tagShare, z.width / z.tagPerWidth)),
            z.floorHeader,
          ),
        }}
      >
        {tag}
      </div>
      <div
        className={`${block}__title`}
        style={{ fontSize: largestFittingPx(title, z.width, 2, z.height * z.titleShare, z.floorTitle) }}
      >
        {title}
      </div>
      {body ? (
        <div
          className={`${block}__body`}
          style={{ fontSize: largestFittingPx(body, z.width, 3, z.height * z.bodyShare, z.floorBody) }}
        >
          {body}
        </div>
      ) : null}
      {props.children}
    </div>
  );
}

/** "Valid until HH:MM" under the takeover: one line, a twentieth of the height if it fits. */
function UntilLine({ text, width, cap, floor }: { text: string; width: number; cap: number; floor: number }) {
  return (
    <div className="urgent-takeover__until" style={{ fontSize: largestFittingPx(text, width, 1, cap, floor) }}>
      {text}
    </div>
  );
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
  // The live ids as a string, so a new alerts object with the same postings does not re-run the effect.
  const liveKey = JSON.stringify(alerts.urgent.map((u) => u.id));
  const emergency = display.kind === 'emergency';

  // After the DOM update: the next frame draws it; the frame after that starts once it has
  // been painted, and that is the time recorded (a rAF callback runs before its frame paints).
  useLayoutEffect(() => {
    const live = new Set(JSON.parse(liveKey) as string[]);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const paintedAt = Date.now();
        timer = setTimeout(() => {
          for (const id of painted.current) if (!live.has(id)) painted.current.delete(id);
          if (visibleId !== null && !emergency) painted.current.add(visibleId);
          if (emergency) painted.current.clear();
          recordUrgentPaint(visibleId !== null ? [visibleId] : [], paintedAt);
          onShowing([...painted.current].sort());
        }, 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [visibleId, liveKey, emergency, onShowing]);

  const width = viewport.width - 2 * TAKEOVER_SIDE_PADS * g.paddingPx;
  const floorTitle = atLeastFloor(g.titlePx, g.minGlyphPx);
  const floorBody = atLeastFloor(g.bodyPx, g.minGlyphPx);
  const floorHeader = atLeastFloor(g.headerPx, g.minGlyphPx);
  const fit = { width, height: viewport.height, floorTitle, floorBody, floorHeader };

  return (
    <>
      {alerts.notice && !emergency ? (
        <NoticeLine text={alerts.notice.title} label={t('board.urgentAlert.noticeLabel')} />
      ) : null}
      {display.kind === 'banner' && display.urgent ? (
        <UrgentBanner
          urgent={display.urgent}
          index={display.index}
          count={display.count}
          aboveNotice={alerts.notice !== null}
          widthPx={viewport.width - 2 * g.paddingPx}
          fontPx={atLeastFloor(g.bottomBand?.urgentFontPx ?? g.titlePx, g.minGlyphPx)}
          padPx={g.paddingPx}
        />
      ) : null}
      {display.kind === 'takeover' && display.urgent ? (
        <Takeover
          block="urgent-takeover"
          testId="urgent-takeover"
          urgentId={display.urgent.id}
          tag={`${t('board.urgentAlert.tag')}${display.count > 1 ? ` · ${t('board.urgentAlert.more', { count: display.count - 1 })}` : ''}`}
          title={display.urgent.title}
          body={takeoverBody(display.urgent)}
          sizes={{ ...fit, tagShare: 0.075, tagPerWidth: 10, titleShare: 0.2, bodyShare: 0.08 }}
        >
          <UntilLine
            text={t('board.urgentAlert.until', { time: formatClock(display.urgent.expiresAt, locale) })}
            width={width}
            cap={viewport.height * 0.05}
            floor={floorHeader}
          />
        </Takeover>
      ) : null}
      {emergency && alerts.emergency ? (
        <Takeover
          block="emergency"
          testId="emergency-takeover"
          tag={t('board.urgentAlert.emergencyTag')}
          title={alerts.emergency.title}
          body={alerts.emergency.body}
          sizes={{ ...fit, tagShare: 0.09, tagPerWidth: 8, titleShare: 0.22, bodyShare: 0.09 }}
        />
      ) : null}
      {identify ? (
        <div className="identify" data-testid="identify-flash">
          <div
            className="identify__name"
            style={{ fontSize: largestFittingPx(identify.name, width, 1, viewport.height * 0.25, floorTitle) }}
          >
            {identify.name}
          </div>
          <div className="identify__id" style={{ fontSize: floorHeader }}>
            {t('board.urgentAlert.identifyId', {
              id: identify.screenId,
              width: viewport.width,
              height: viewport.height,
            })}
          </div>
        </div>
      ) : null}
    </>
  );
}
