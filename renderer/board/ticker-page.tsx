/**
 * Ticker layout: one line, vertically centred, with a fixed side block (clock, "updated
 * HH:MM") and the page's postings scrolling right-to-left. The scroll position is a function
 * of host time — x = laneWidth − elapsed × speed — so every strip showing the plan agrees
 * and a reload resumes mid-scroll. Written straight to the DOM each frame, not via React state.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, BoardItem } from '../../shared/schemas/board-plan';
import { formatClock } from '../common/format-time';
import { useNow } from '../common/use-now';
import { DailyTag, StatusTags } from './item-tags';

interface Props {
  items: readonly BoardItem[];
  ticker: NonNullable<BoardGeometry['ticker']>;
  startedAt: number;
  now: () => number;
  locale: string;
  dataUpdatedAt: number | null;
  pageNumber: number;
  pageCount: number;
}

function Segment({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  return (
    <span className="ticker__segment" data-testid="board-item" data-listing-id={item.id}>
      <StatusTags item={item} />
      <span className="ticker__title">{item.title}</span>
      <span className="ticker__pay">{item.pay}</span>
      {item.settlement === 'daily' ? <DailyTag item={item} /> : <span>{item.settlementText}</span>}
      <span>{item.district}</span>
      <span className="ticker__phone">
        {t('board.phoneMark')} {item.phone}
      </span>
    </span>
  );
}

function SideBlock({ now, locale, dataUpdatedAt, pageNumber, pageCount }: Omit<Props, 'items' | 'ticker' | 'startedAt'>) {
  const { t } = useTranslation();
  const time = useNow(now, 1000);
  return (
    <div className="ticker__side">
      <span className="ticker__clock" data-testid="board-clock">
        {formatClock(time, locale)}
      </span>
      <span className="ticker__updated" data-testid="board-updated">
        {dataUpdatedAt === null ? t('board.updatedNever') : t('board.updatedAt', { time: formatClock(dataUpdatedAt, locale) })}
      </span>
      {pageCount > 1 && (
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
          {items.map((item) => (
            <Segment key={item.id} item={item} />
          ))}
        </div>
      </div>
    </div>
  );
}
