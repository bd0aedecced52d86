/**
 * Ticker layout (shared/planner/ticker-layout.ts): one line, vertically centred —
 * [padding][side block][gap][scrolling lane][padding]. The lane draws exactly the planner's
 * ticker text (its width set the page's dwell), styled by part. The scroll position is a
 * function of host time — x = laneWidth − elapsed × speed — so every strip showing the plan
 * agrees and a reload resumes mid-scroll; it is written to the DOM each frame, not via state.
 */
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem } from '../../shared/schemas/board-plan';
import {
  sideBlockWidthPx,
  tickerSideParts,
  TICKER_FIELD_GAP,
  TICKER_ITEM_SEPARATOR,
} from '../../shared/planner/ticker-layout';
import type { Locale } from '../../shared/format';
import { formatClock } from '../common/format-time';
import { useNow } from '../common/use-now';

interface Props {
  items: readonly BoardItem[];
  geometry: BoardGeometry;
  ticker: NonNullable<BoardGeometry['ticker']>;
  startedAt: number;
  now: () => number;
  locale: Locale;
  dataUpdatedAt: number | null;
  pageNumber: number;
  pageCount: number;
}

/** One posting, field for field as `tickerItemText` builds it. */
function Segment({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  const parts: { key: string; text: string; className?: string }[] = [
    { key: 'urgent', text: item.urgent ? `【${t('board.urgent')}】` : '', className: 'ticker__urgent' },
    { key: 'title', text: item.title, className: 'ticker__title' },
    { key: 'pay', text: item.pay, className: 'ticker__pay' },
    { key: 'settlement', text: item.settlementText, className: item.settlement === 'daily' ? 'daily-mark' : '' },
    { key: 'district', text: item.district },
    { key: 'headcount', text: item.headcount },
    { key: 'employer', text: item.employer },
    { key: 'booth', text: item.booth ? t('board.booth', { code: item.booth }) : '', className: 'booth-mark' },
    { key: 'phone', text: item.phone, className: 'ticker__phone' },
  ].filter((p) => p.text !== '');
  return (
    <span className="ticker__segment" data-testid="board-item" data-posting-id={item.id}>
      {parts.map((p, i) => (
        <Fragment key={p.key}>
          {i > 0 ? TICKER_FIELD_GAP : null}
          <span
            className={p.className || undefined}
            data-testid={
              p.key === 'booth'
                ? 'tag-booth'
                : p.key === 'settlement' && item.settlement === 'daily'
                  ? 'tag-daily'
                  : undefined
            }
          >
            {p.text}
          </span>
        </Fragment>
      ))}
    </span>
  );
}

/** Which side parts the planner made room for: the widest set that fits `sideWidthPx`. */
function sideParts(locale: Locale, geometry: BoardGeometry, sideWidthPx: number): number {
  const pad = Math.round(geometry.minGlyphPx * 0.25);
  const options = tickerSideParts(locale);
  const fit = options.find((parts) => sideBlockWidthPx(parts, geometry.headerPx, pad) <= sideWidthPx);
  return fit ? fit.length : 0;
}

function SideBlock({
  now,
  locale,
  dataUpdatedAt,
  pageNumber,
  pageCount,
  geometry,
  ticker,
}: Omit<Props, 'items' | 'startedAt'>) {
  const { t } = useTranslation();
  const time = useNow(now, 1000);
  const count = sideParts(locale, geometry, ticker.sideWidthPx);
  return (
    <div className="ticker__side">
      {count >= 1 && (
        <span className="ticker__clock" data-testid="board-clock">
          {formatClock(time, locale)}
        </span>
      )}
      {count >= 2 && (
        <span className="ticker__updated" data-testid="board-updated">
          {dataUpdatedAt === null
            ? t('board.updatedNever')
            : t('board.updatedAt', { time: formatClock(dataUpdatedAt, locale) })}
        </span>
      )}
      {count >= 3 && pageCount > 0 && (
        <span className="ticker__page" data-testid="board-page-indicator">
          {t('board.pageIndicator', { current: pageNumber, total: pageCount })}
        </span>
      )}
    </div>
  );
}

export function TickerPage(props: Props) {
  const { items, ticker, startedAt, now } = props;
  const laneRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const lane = laneRef.current;
    const track = trackRef.current;
    if (!lane || !track) return undefined;
    let laneWidth = lane.clientWidth;
    const observer = new ResizeObserver(() => {
      laneWidth = lane.clientWidth;
    });
    observer.observe(lane);
    let frame = 0;
    const draw = () => {
      const elapsedMs = Math.max(0, now() - startedAt);
      const x = laneWidth - (elapsedMs / 1000) * ticker.speedPxPerS;
      track.style.transform = `translate3d(${x.toFixed(1)}px, 0, 0)`;
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [startedAt, now, ticker.speedPxPerS]);

  return (
    <div className="ticker" data-testid="board-ticker">
      {ticker.sideWidthPx > 0 && <SideBlock {...props} />}
      <div className="ticker__lane" ref={laneRef}>
        <div className="ticker__track" ref={trackRef} style={{ transform: 'translate3d(100vw, 0, 0)' }}>
          {items.map((item, i) => (
            <Fragment key={item.id}>
              {i > 0 ? <span className="ticker__sep">{TICKER_ITEM_SEPARATOR}</span> : null}
              <Segment item={item} />
            </Fragment>
          ))}
        </div>
      </div>
    </div>
  );
}
