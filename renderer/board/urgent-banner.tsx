/**
 * The banner an urgent posting leaves at the bottom edge after its takeover: tag, title, pay and
 * phone, all at the band's size (the plan's `bottomBand.urgentFontPx`, never below the minimum
 * glyph). A visitor who arrives after the takeover must still be able to call, so the phone is
 * never cut: when tag, title, pay and phone fit the line they stand still and the body, if any,
 * scrolls in the room left; when they do not (a narrow screen, a long title), everything after
 * the tag scrolls past as one line, the phone whole within it. Widths come from the planner's own
 * text model (shared/planner/text-measure.ts); the motion is a transform only.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardUrgent } from '../../shared/schemas/urgent';
import { TICKER_CHARS_PER_S } from '../../shared/planner/ticker-layout';
import { fitBanner } from './urgent-display';

/** A line that moves right to left through its box, again and again, at the ticker's reading speed. */
function Scroller({
  text,
  roomPx,
  movingPx,
  fontPx,
}: {
  text: string;
  roomPx: number;
  movingPx: number;
  fontPx: number;
}) {
  const still = movingPx <= roomPx;
  const seconds = (roomPx + movingPx) / (TICKER_CHARS_PER_S * fontPx);
  const style = {
    width: roomPx,
    '--from': `${roomPx}px`,
    '--to': `${-movingPx}px`,
    '--duration': `${seconds.toFixed(2)}s`,
  } as CSSProperties;
  return (
    <span className="urgent-banner__scroller" style={style} data-testid="urgent-banner-scroller">
      <span className={still ? 'urgent-banner__moving' : 'urgent-banner__moving urgent-banner__moving--on'}>
        {text}
      </span>
    </span>
  );
}

interface Props {
  urgent: BoardUrgent;
  index: number;
  count: number;
  aboveNotice: boolean;
  /** The line's width inside the banner's padding, the band's font size and the plan's padding, px. */
  widthPx: number;
  fontPx: number;
  padPx: number;
}

export function UrgentBanner({ urgent, index, count, aboveNotice, widthPx, fontPx, padPx }: Props) {
  const { t } = useTranslation();
  const tag = t('board.urgentAlert.tag');
  const countText = count > 1 ? t('board.pageIndicator', { current: index + 1, total: count }) : '';
  const parts = { tag, title: urgent.title, pay: urgent.pay, phone: urgent.phone, body: urgent.body, count: countText };
  const fit = fitBanner(parts, widthPx, fontPx, padPx);
  return (
    <div
      className={`urgent-banner${aboveNotice ? ' urgent-banner--above-notice' : ''}`}
      data-testid="urgent-banner"
      data-urgent-id={urgent.id}
      data-mode={fit.mode}
      role="alert"
    >
      <span className="urgent-banner__tag">{tag}</span>
      {fit.mode === 'still' ? (
        <>
          <span className="urgent-banner__title">{urgent.title}</span>
          {urgent.pay ? <span className="urgent-banner__pay">{urgent.pay}</span> : null}
          {urgent.phone ? (
            <span className="urgent-banner__phone" data-testid="urgent-banner-phone">
              {urgent.phone}
            </span>
          ) : null}
          {fit.scrollRoomPx > 0 ? (
            <Scroller text={urgent.body} roomPx={fit.scrollRoomPx} movingPx={fit.movingPx} fontPx={fontPx} />
          ) : null}
        </>
      ) : (
        <Scroller
          text={[urgent.title, urgent.pay, urgent.phone, urgent.body].filter(Boolean).join('\u3000')}
          roomPx={fit.scrollRoomPx}
          movingPx={fit.movingPx}
          fontPx={fontPx}
        />
      )}
      {countText ? <span className="urgent-banner__count">{countText}</span> : null}
    </div>
  );
}
