/**
 * The hall notice as a line along the bottom edge (e.g. closing time). Shown still when it
 * fits; when it does not, it scrolls (transform only), at about 4 characters a second.
 */
import { useLayoutEffect, useRef, useState } from 'react';

const CHARS_PER_S = 4;

export function NoticeLine({ text, label }: { text: string; label: string }) {
  const lane = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLSpanElement>(null);
  const [overflow, setOverflow] = useState(0);

  useLayoutEffect(() => {
    const l = lane.current;
    const tr = track.current;
    if (!l || !tr) return;
    setOverflow(Math.max(0, tr.scrollWidth - l.clientWidth));
  }, [text]);

  const scrolling = overflow > 0;
  const durationS = Math.max(6, (text.length + 6) / CHARS_PER_S);
  return (
    <div className="notice-line" data-testid="notice-line" role="status">
      <span className="notice-line__label">{label}</span>
      <div className="notice-line__lane" ref={lane}>
        <span
          ref={track}
          className={`notice-line__track${scrolling ? ' notice-line__track--scroll' : ''}`}
          style={
            scrolling
              ? { animationDuration: `${durationS}s`, ['--notice-shift' as string]: `-${overflow + 40}px` }
              : undefined
          }
        >
          {text}
        </span>
      </div>
    </div>
  );
}
