/**
 * The hall notice as a line along the bottom edge (e.g. closing time). Shown still when it
 * fits; when it does not, it scrolls (transform only): it waits a moment at its start, moves at
 * about 4 characters a second until its last character is in view, waits there, and starts
 * again.
 *
 * Whether it fits is measured again whenever the line or the text changes size — the bundled
 * font arriving after the first paint, a new plan with another glyph size, a window resized —
 * not only when the text changes: a notice that fitted a wide window must scroll in a narrow one.
 */
import { useLayoutEffect, useRef, useState } from 'react';

const CHARS_PER_S = 4;
/** The scroll moves during 15 %–85 % of a cycle (the keyframes in urgent.css). */
const MOVING_SHARE = 0.7;
/** How far past its end the text moves, so the last character is clear of the edge. */
const END_GAP_PX = 40;

interface Fit {
  /** How much wider the text is than its lane (0: it fits). */
  overflow: number;
  textWidth: number;
}

export function NoticeLine({ text, label }: { text: string; label: string }) {
  const lane = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLSpanElement>(null);
  const [fit, setFit] = useState<Fit>({ overflow: 0, textWidth: 0 });

  useLayoutEffect(() => {
    const l = lane.current;
    const tr = track.current;
    if (!l || !tr) return;
    const measure = () => {
      // layout sizes: the scroll's transform does not change them
      const textWidth = tr.scrollWidth;
      const overflow = Math.max(0, textWidth - l.clientWidth);
      setFit((prev) => (prev.overflow === overflow && prev.textWidth === textWidth ? prev : { overflow, textWidth }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(l);
    observer.observe(tr);
    return () => observer.disconnect();
  }, [text]);

  const scrolling = fit.overflow > 0;
  const shiftPx = fit.overflow + END_GAP_PX;
  const charPx = fit.textWidth / Math.max(1, [...text].length);
  const durationS = Math.max(6, shiftPx / Math.max(1, charPx) / CHARS_PER_S / MOVING_SHARE);
  return (
    <div className="notice-line" data-testid="notice-line" role="status">
      <span className="notice-line__label">{label}</span>
      <div className="notice-line__lane" ref={lane}>
        <span
          ref={track}
          className={`notice-line__track${scrolling ? ' notice-line__track--scroll' : ''}`}
          style={
            scrolling
              ? { animationDuration: `${durationS.toFixed(2)}s`, ['--notice-shift' as string]: `-${shiftPx}px` }
              : undefined
          }
        >
          {text}
        </span>
      </div>
    </div>
  );
}
